import Grid from '@material-ui/core/Grid';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import type { EntityRollup } from '@prodready/plugin-readiness-common';
import useAsync from 'react-use/esm/useAsync';
import { readinessApiRef } from '../../api/ReadinessApi';
import { useCheckPack } from '../../hooks/useCheckPack';
import { EntityReadinessCard } from '../EntityReadinessCard';
import { EntityPageLink } from '../GapSearch/EntityPageLink';
import { LevelBadge } from '../LevelBadge';
import { LevelDistributionChart } from '../LevelDistributionChart';
import { TeamCampaigns } from '../TeamCampaigns';
import { RollupGapsTable } from './RollupGapsTable';

/** Words for what a roll-up covers. */
function describeScope(rollup: EntityRollup): string {
  const n = rollup.totalEntities;
  const entities = `${n} scored ${n === 1 ? 'entity' : 'entities'}`;
  switch (rollup.scope) {
    case 'team': {
      const below = rollup.members.length - 1;
      return below > 0
        ? `${entities} owned by this team and the ${below} ${
            below === 1 ? 'group' : 'groups'
          } below it`
        : `${entities} owned by this team`;
    }
    case 'system':
      return `${entities} in this system`;
    default:
      return `${entities} in this domain`;
  }
}

/**
 * The Readiness tab of a Group, System or Domain page: the level
 * distribution of what it holds (a team's entities include those of every
 * group below it), the weakest links, the gaps that block the most
 * entities' next level with the teams to ask, and the checks the team
 * champions. A System or Domain also shows its own score.
 *
 * @public
 */
export function EntityRollupContent() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const api = useApi(readinessApiRef);
  const { checkPack } = useCheckPack();
  const state = useAsync(async () => {
    const rollup = await api.getEntityRollup(entityRef);
    // Who to ask about each gap: champions outside the roll-up.
    const champions =
      rollup.gaps.length > 0 ? await api.getChampions() : undefined;
    return { rollup, champions };
  }, [api, entityRef]);

  if (state.error) {
    return <ResponseErrorPanel error={state.error} />;
  }
  if (state.loading || !state.value) {
    return <Progress />;
  }
  const { rollup, champions } = state.value;
  const checks = new Map((checkPack?.checks ?? []).map(c => [c.id, c]));
  const levels = checkPack?.levels;
  const ownCard = rollup.scope !== 'team' && (
    <Grid item xs={12} md={4}>
      <EntityReadinessCard />
    </Grid>
  );

  if (rollup.totalEntities === 0) {
    return (
      <Grid container spacing={3}>
        {ownCard}
        <Grid item xs={12} md={ownCard ? 8 : 12}>
          <InfoCard title="Readiness">
            <Typography variant="body2">
              Nothing here is scored yet: {describeScope(rollup)}. Entities
              appear here once they name{' '}
              {rollup.scope === 'team'
                ? 'this team (or a group below it) as their owner'
                : `this ${rollup.scope}`}{' '}
              and have been scored.
            </Typography>
          </InfoCard>
        </Grid>
      </Grid>
    );
  }

  return (
    <Grid container spacing={3}>
      {ownCard}
      <Grid item xs={12} md={ownCard ? 8 : 6}>
        <InfoCard
          title="Levels"
          subheader={`${describeScope(rollup)}; mean score ${
            rollup.meanScore
          }/100`}
        >
          <LevelDistributionChart counts={rollup.levels} levels={levels} />
          <Typography
            variant="body2"
            color={rollup.belowTarget > 0 ? 'textPrimary' : 'textSecondary'}
            data-testid="rollup-below-target"
          >
            {rollup.belowTarget === 1
              ? '1 entity is below the target of its tier'
              : `${rollup.belowTarget} entities are below the target of their tier`}
          </Typography>
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={ownCard ? 12 : 6}>
        <InfoCard title="Weakest links">
          <List dense aria-label="Weakest links">
            {rollup.weakest.map(e => (
              <ListItem key={e.entityRef} data-testid="weakest-link">
                <ListItemText
                  primary={
                    <EntityPageLink entityRef={e.entityRef} title={e.title} />
                  }
                  secondary={`score ${e.score}, ${e.gaps} failing ${
                    e.gaps === 1 ? 'check' : 'checks'
                  }`}
                />
                <LevelBadge level={e.level} levels={levels} size="small" />
              </ListItem>
            ))}
          </List>
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard
          title="Gaps that unblock the most"
          subheader="Failing checks, those that stand between the most entities and their next level first"
        >
          <RollupGapsTable
            rollup={rollup}
            checks={checks}
            champions={champions}
          />
        </InfoCard>
      </Grid>
      {rollup.scope === 'team' && (
        <Grid item xs={12}>
          <InfoCard
            title="Campaigns"
            subheader="Open campaigns over this team's entities, with their deadlines and the team's progress"
          >
            <TeamCampaigns groupRef={entityRef} checkPack={checkPack} />
          </InfoCard>
        </Grid>
      )}
      {rollup.scope === 'team' && (
        <Grid item xs={12}>
          <InfoCard
            title="Where this team is a champion"
            subheader="Checks this team passes best: other teams may ask it"
          >
            {rollup.championOf.length === 0 ? (
              <Typography variant="body2" color="textSecondary">
                Not a champion of any check yet.
              </Typography>
            ) : (
              <List dense aria-label="Checks this team champions">
                {rollup.championOf.map(c => (
                  <ListItem key={`${c.checkId}:${c.owner.ref}`}>
                    <ListItemText
                      primary={checks.get(c.checkId)?.title ?? c.checkId}
                      secondary={`${
                        c.owner.displayName ?? c.owner.ref
                      } passes it on ${Math.round(
                        c.passRate * 100,
                      )}% of its entities`}
                    />
                  </ListItem>
                ))}
              </List>
            )}
          </InfoCard>
        </Grid>
      )}
    </Grid>
  );
}
