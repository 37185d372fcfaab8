import Button from '@material-ui/core/Button';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Grid from '@material-ui/core/Grid';
import Switch from '@material-ui/core/Switch';
import FlagIcon from '@material-ui/icons/Flag';
import RefreshIcon from '@material-ui/icons/Refresh';
import {
  Content,
  ContentHeader,
  Header,
  HeaderLabel,
  InfoCard,
  LinkButton,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import type {
  RollupResponse,
  RunInfo,
} from '@prodready/plugin-readiness-common';
import { useCallback, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { readinessApiRef } from '../../api/ReadinessApi';
import { useCampaignLinks } from '../../hooks/useCampaignLinks';
import { useCheckPack } from '../../hooks/useCheckPack';
import { useReadinessPermissions } from '../../hooks/useReadinessPermissions';
import {
  describeRunProgress,
  useRunProgress,
} from '../../hooks/useRunProgress';
import { useSearchQueryState } from '../../hooks/useSearchQueryState';
import { errorMessage } from '../../lib/errorMessage';
import { ChampionsTable } from '../ChampionsTable';
import { ExemptionsOverview } from '../ExemptionsOverview';
import { GapSearch } from '../GapSearch';
import { LevelDistributionChart } from '../LevelDistributionChart';
import { OwnerHeatmap } from '../OwnerHeatmap';
import { ReadinessTrendChart } from '../ReadinessTrendChart';
import { SetupNotice } from '../SetupNotice';

/**
 * Props of {@link ReadinessPage}.
 *
 * @public
 */
export interface ReadinessPageProps {
  /** Page title; default `Production readiness`. */
  title?: string;
  /** Line under the title; none by default. */
  subtitle?: string;
  /** Days of history in the trend chart; default 90. */
  trendDays?: number;
  /** How often a running rescore is asked for its progress, in ms; default 2000. */
  runPollMs?: number;
}

function Loadable<T>(props: {
  state: { value?: T; loading: boolean; error?: Error };
  children: (value: T) => JSX.Element;
}) {
  const { state, children } = props;
  if (state.error) {
    return <ResponseErrorPanel error={state.error} />;
  }
  if (state.loading || state.value === undefined) {
    return <Progress />;
  }
  return children(state.value);
}

/** Categories in the pack's order, then any others the roll-up has. */
function heatmapCategories(
  packCategories: string[] | undefined,
  rollups: RollupResponse,
): string[] {
  const categories = [...(packCategories ?? [])];
  for (const group of rollups.groups) {
    for (const category of Object.keys(group.categories)) {
      if (!categories.includes(category)) {
        categories.push(category);
      }
    }
  }
  return categories;
}

/**
 * The organisation-wide overview at `/readiness`: level distribution, trend,
 * owners × categories heatmap, champions per check, and the search by gaps
 * with its filters kept in the URL.
 *
 * @public
 */
export function ReadinessPage(props: ReadinessPageProps) {
  const {
    title = 'Production readiness',
    subtitle = 'How ready every service is for production, what is missing, and who can help',
    trendDays = 90,
    runPollMs,
  } = props;
  const api = useApi(readinessApiRef);
  const alertApi = useApi(alertApiRef);
  const { checkPack } = useCheckPack();
  const { canRescoreAll } = useReadinessPermissions();
  const campaignLinks = useCampaignLinks();
  const [query, setQuery] = useSearchQueryState();
  const [starting, setStarting] = useState(false);
  // Bumped when a run ends, so every view reloads what the run changed.
  const [dataVersion, setDataVersion] = useState(0);
  const [startedRun, setStartedRun] = useState<RunInfo>();
  // The run whose end was handled, until the runs list has caught up.
  const [endedRunId, setEndedRunId] = useState<string>();

  // The overview loads once the search has answered: the first rows on
  // screen come first, and the browser's few connections per host go to them.
  const [overviewWanted, setOverviewWanted] = useState(false);
  const wantOverview = useCallback(() => setOverviewWanted(true), []);
  // Teams counted with their child teams' entities in the heatmap.
  const [includeChildren, setIncludeChildren] = useState(false);
  const owners = useAsync(
    async () =>
      overviewWanted
        ? api.getRollups('owner', includeChildren ? { includeChildren } : {})
        : undefined,
    [api, overviewWanted, dataVersion, includeChildren],
  );
  const trend = useAsync(
    async () =>
      overviewWanted ? api.getTrend({ days: trendDays }) : undefined,
    [api, trendDays, overviewWanted, dataVersion],
  );
  const champions = useAsync(
    async () => (overviewWanted ? api.getChampions({ limit: 3 }) : undefined),
    [api, overviewWanted, dataVersion],
  );
  const runs = useAsyncRetry(
    async () => (overviewWanted ? api.getRuns({ limit: 1 }) : undefined),
    [api, overviewWanted],
  );
  const lastRun = runs.value?.[0];
  const running =
    startedRun ??
    (lastRun?.status === 'running' && lastRun.id !== endedRunId
      ? lastRun
      : undefined);
  const progress = useRunProgress(
    running,
    ended => {
      setEndedRunId(ended.id);
      setStartedRun(undefined);
      setDataVersion(version => version + 1);
      runs.retry();
      alertApi.post({
        message:
          ended.status === 'succeeded'
            ? `Rescore finished: ${describeRunProgress(ended)}.`
            : `Rescore failed: ${describeRunProgress(ended)}.`,
        severity: ended.status === 'succeeded' ? 'success' : 'error',
        display: 'transient',
      });
    },
    runPollMs,
  );
  const isRunning = progress?.status === 'running';

  const startRun = async () => {
    setStarting(true);
    try {
      const run = await api.startRun();
      alertApi.post({
        message:
          run.status === 'running'
            ? 'A full rescore is running; scores update as it goes.'
            : `The rescore ${run.status}.`,
        severity: 'info',
        display: 'transient',
      });
      if (run.status === 'running') {
        setStartedRun(run);
      } else {
        runs.retry();
      }
    } catch (e) {
      alertApi.post({
        message: `Could not start a rescore: ${errorMessage(e)}`,
        severity: 'error',
      });
    } finally {
      setStarting(false);
    }
  };

  return (
    <Page themeId="tool">
      <Header title={title} subtitle={subtitle}>
        {owners.value && (
          <HeaderLabel
            label="Scored entities"
            value={String(owners.value.total.entities)}
          />
        )}
        {owners.value && (
          <HeaderLabel
            label="Mean score"
            value={String(Math.round(owners.value.total.meanScore))}
          />
        )}
        {isRunning && progress && (
          <HeaderLabel
            label="Rescore running"
            value={describeRunProgress(progress)}
          />
        )}
        {!isRunning && lastRun && (
          <HeaderLabel
            label="Last run"
            value={`${lastRun.status}, ${new Date(
              lastRun.finishedAt ?? lastRun.startedAt,
            ).toLocaleString(undefined, {
              dateStyle: 'short',
              timeStyle: 'short',
            })}`}
          />
        )}
      </Header>
      <Content>
        <ContentHeader title="Organisation overview">
          {campaignLinks.campaigns && (
            <LinkButton
              to={campaignLinks.campaigns}
              variant="outlined"
              startIcon={<FlagIcon />}
              style={{ marginRight: 16 }}
            >
              Campaigns
            </LinkButton>
          )}
          {canRescoreAll && (
            <Button
              variant="outlined"
              startIcon={<RefreshIcon />}
              onClick={startRun}
              disabled={starting || isRunning}
            >
              {isRunning && progress
                ? `Rescoring: ${describeRunProgress(progress)}`
                : 'Rescore all'}
            </Button>
          )}
        </ContentHeader>
        <Grid container spacing={3}>
          {checkPack?.setup?.missing.length || checkPack?.setup?.localPaths ? (
            <Grid item xs={12}>
              <SetupNotice setup={checkPack.setup} checks={checkPack.checks} />
            </Grid>
          ) : null}
          <Grid item xs={12} md={4}>
            <InfoCard title="Levels">
              <Loadable state={owners}>
                {value => (
                  <LevelDistributionChart
                    counts={value.total.levels}
                    levels={checkPack?.levels}
                  />
                )}
              </Loadable>
            </InfoCard>
          </Grid>
          <Grid item xs={12} md={8}>
            <InfoCard title={`Trend, last ${trendDays} days`}>
              <Loadable state={trend}>
                {value => (
                  <ReadinessTrendChart
                    points={value}
                    levels={checkPack?.levels}
                  />
                )}
              </Loadable>
            </InfoCard>
          </Grid>
          <Grid item xs={12} id="readiness-gap-search">
            <InfoCard
              title="Find entities by gap"
              subheader="Filter by failing checks, level and catalog fields. The filters are part of the page URL: share it."
            >
              <GapSearch
                key={dataVersion}
                query={query}
                onQueryChange={setQuery}
                checkPack={checkPack}
                onFirstResults={wantOverview}
              />
            </InfoCard>
          </Grid>
          <Grid item xs={12}>
            <InfoCard
              title="Owners × categories"
              subheader={
                includeChildren
                  ? "Share of passing checks of each team's entities, its child teams' included; lowest mean score first."
                  : "Share of passing checks of each owner's entities; lowest mean score first."
              }
              action={
                <FormControlLabel
                  control={
                    <Switch
                      checked={includeChildren}
                      onChange={(_event, checked) =>
                        setIncludeChildren(checked)
                      }
                      color="primary"
                    />
                  }
                  label="Include child teams"
                />
              }
            >
              <Loadable state={owners}>
                {value => (
                  <OwnerHeatmap
                    groups={value.groups}
                    categories={heatmapCategories(checkPack?.categories, value)}
                    onSelectOwner={owner => {
                      setQuery({ owner: [owner], sort: 'score', order: 'asc' });
                      document
                        .getElementById('readiness-gap-search')
                        ?.scrollIntoView?.({ behavior: 'smooth' });
                    }}
                  />
                )}
              </Loadable>
            </InfoCard>
          </Grid>
          <Grid item xs={12}>
            <InfoCard
              title="Exemptions"
              subheader="Every exemption you can see, expired ones included: who granted it, why and until when."
            >
              {overviewWanted ? (
                <ExemptionsOverview
                  checks={checkPack?.checks ?? []}
                  dataVersion={dataVersion}
                />
              ) : null}
            </InfoCard>
          </Grid>
          <Grid item xs={12}>
            <InfoCard
              title="Champions"
              subheader="The teams that pass each check most widely: ask them how."
            >
              <Loadable state={champions}>
                {value => (
                  <ChampionsTable
                    champions={value}
                    checks={checkPack?.checks ?? []}
                    categories={checkPack?.categories}
                  />
                )}
              </Loadable>
            </InfoCard>
          </Grid>
        </Grid>
      </Content>
    </Page>
  );
}
