import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  Content,
  ContentHeader,
  Header,
  HeaderLabel,
  InfoCard,
  Link,
  MarkdownContent,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { alertApiRef, useApi, useRouteRef } from '@backstage/core-plugin-api';
import type { CampaignInput } from '@prodready/plugin-readiness-common';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { readinessApiRef } from '../../api/ReadinessApi';
import { useCheckPack } from '../../hooks/useCheckPack';
import { useReadinessPermissions } from '../../hooks/useReadinessPermissions';
import { describeCampaignGoal } from '../../lib/describeCampaignGoal';
import { describeDeadline } from '../../lib/describeDeadline';
import { errorMessage } from '../../lib/errorMessage';
import { campaignsRouteRef } from '../../routes';
import { CampaignDialog } from '../CampaignDialog';
import { CampaignProgressBar } from '../CampaignProgressBar';
import { CampaignProgressChart } from '../CampaignProgressChart';
import { refLabel } from '../GapSearchFilters';
import { EntityPageLink } from '../GapSearch/EntityPageLink';
import { LearnFromList } from '../LearnFromList';
import { CampaignEntitiesTable } from './CampaignEntitiesTable';
import { CampaignHistoryList } from './CampaignHistoryList';

/**
 * One campaign at `/readiness/campaigns/:id`: its goal, owner and deadline,
 * the description, progress over time, per team and per entity, who to learn
 * from for each of its checks, and its change history. Edit, close and
 * reopen for those allowed to manage campaigns; campaigns declared in
 * config are read-only.
 *
 * @public
 */
export function CampaignPage() {
  const { id = '' } = useParams();
  const api = useApi(readinessApiRef);
  const alertApi = useApi(alertApiRef);
  const campaignsRoute = useRouteRef(campaignsRouteRef);
  const { checkPack } = useCheckPack();
  const { canManageCampaigns } = useReadinessPermissions();
  const [editing, setEditing] = useState(false);
  const [closing, setClosing] = useState(false);
  const detail = useAsyncRetry(() => api.getCampaign(id), [api, id]);
  const history = useAsyncRetry(() => api.getCampaignHistory(id), [api, id]);

  if (detail.error) {
    return (
      <Page themeId="tool">
        <Header title="Campaign" />
        <Content>
          <ResponseErrorPanel error={detail.error} />
        </Content>
      </Page>
    );
  }
  if (detail.loading && !detail.value) {
    return <Progress />;
  }
  if (!detail.value) {
    return null;
  }
  const { campaign, teams, entities, checks } = detail.value;
  const reload = () => {
    detail.retry();
    history.retry();
  };

  const save = async (input: CampaignInput) => {
    await api.updateCampaign(campaign.id, input);
    setEditing(false);
    alertApi.post({
      message: 'Campaign saved.',
      severity: 'success',
      display: 'transient',
    });
    reload();
  };

  const setClosed = async (closed: boolean) => {
    setClosing(true);
    try {
      await api.setCampaignClosed(campaign.id, closed);
      alertApi.post({
        message: closed ? 'Campaign closed.' : 'Campaign reopened.',
        severity: 'success',
        display: 'transient',
      });
      reload();
    } catch (e) {
      alertApi.post({
        message: `Could not ${
          closed ? 'close' : 'reopen'
        } the campaign: ${errorMessage(e)}`,
        severity: 'error',
      });
    } finally {
      setClosing(false);
    }
  };

  const fromConfig = campaign.source === 'config';
  const deadline = describeDeadline(campaign.deadline);
  return (
    <Page themeId="tool">
      <Header
        title={campaign.title}
        subtitle={describeCampaignGoal(campaign.goal, checkPack)}
      >
        <HeaderLabel label="Owner" value={refLabel(campaign.owner)} />
        <HeaderLabel label="Status" value={campaign.status} />
        <HeaderLabel label="Deadline" value={campaign.deadline.slice(0, 10)} />
        {campaign.status !== 'closed' && (
          <HeaderLabel
            label={deadline.overdue ? 'Overdue' : 'Days left'}
            value={deadline.text}
          />
        )}
      </Header>
      <Content>
        <ContentHeader title="Campaign">
          <Box
            display="flex"
            alignItems="center"
            flexWrap="wrap"
            style={{ gap: 16 }}
          >
            <Link to={campaignsRoute()}>All campaigns</Link>
            {canManageCampaigns && !fromConfig && (
              <>
                <Button variant="outlined" onClick={() => setEditing(true)}>
                  Edit
                </Button>
                <Button
                  variant="outlined"
                  disabled={closing}
                  onClick={() => setClosed(campaign.status !== 'closed')}
                >
                  {campaign.status === 'closed' ? 'Reopen' : 'Close'}
                </Button>
              </>
            )}
          </Box>
        </ContentHeader>
        {fromConfig && (
          <Box mb={2}>
            <Alert severity="info">
              Declared in app-config.yaml (readiness.campaigns): change it
              there, where it is reviewed like code. It cannot be edited or
              closed here.
            </Alert>
          </Box>
        )}
        <Grid container spacing={3}>
          <Grid item xs={12} md={6}>
            <InfoCard title="About">
              <Typography variant="body2" gutterBottom>
                Run by <EntityPageLink entityRef={campaign.owner} />, from{' '}
                {campaign.startsAt.slice(0, 10)} to{' '}
                {campaign.deadline.slice(0, 10)}.
              </Typography>
              {campaign.description ? (
                <MarkdownContent content={campaign.description} />
              ) : (
                <Typography variant="body2" color="textSecondary">
                  No description.
                </Typography>
              )}
            </InfoCard>
          </Grid>
          <Grid item xs={12} md={6}>
            <InfoCard title="Progress">
              <CampaignProgressBar
                progress={campaign.progress}
                label="Entities done"
              />
              <Box mt={2}>
                <CampaignProgressChart points={detail.value.history} />
              </Box>
            </InfoCard>
          </Grid>
          <Grid item xs={12} md={4}>
            <InfoCard title="Per team">
              {teams.length === 0 ? (
                <Typography variant="body2" color="textSecondary">
                  No team has entities in scope.
                </Typography>
              ) : (
                <List dense aria-label="Progress per team">
                  {teams.map(team => (
                    <ListItem key={team.owner} data-testid="campaign-team">
                      <ListItemText
                        disableTypography
                        primary={<EntityPageLink entityRef={team.owner} />}
                        secondary={
                          <CampaignProgressBar
                            progress={team}
                            label={`Progress of ${refLabel(team.owner)}`}
                          />
                        }
                      />
                    </ListItem>
                  ))}
                </List>
              )}
            </InfoCard>
          </Grid>
          <Grid item xs={12} md={8}>
            <InfoCard title="Per entity">
              <CampaignEntitiesTable
                entities={entities}
                checkPack={checkPack}
              />
            </InfoCard>
          </Grid>
          <Grid item xs={12}>
            <InfoCard
              title="Who to learn from"
              subheader="For each check of the campaign: entities that already pass it, and how to reach their owners"
            >
              {checks.length === 0 ? (
                <Typography variant="body2" color="textSecondary">
                  Every entity in scope passes the campaign's checks.
                </Typography>
              ) : (
                checks.map(check => (
                  <Box
                    key={check.checkId}
                    component="section"
                    aria-label={check.title}
                    mb={2}
                  >
                    <Typography variant="h6" component="h3">
                      {check.title}
                    </Typography>
                    <Typography variant="body2" color="textSecondary">
                      {check.failing}{' '}
                      {check.failing === 1 ? 'entity' : 'entities'} in scope
                      still failing
                    </Typography>
                    <LearnFromList exemplars={check.exemplars} />
                  </Box>
                ))
              )}
            </InfoCard>
          </Grid>
          <Grid item xs={12}>
            <InfoCard title="Change history">
              {history.error && <ResponseErrorPanel error={history.error} />}
              {!history.error && history.value && (
                <CampaignHistoryList events={history.value} />
              )}
              {!history.error && !history.value && <Progress />}
            </InfoCard>
          </Grid>
        </Grid>
        <CampaignDialog
          open={editing}
          campaign={campaign}
          checkPack={checkPack}
          onCancel={() => setEditing(false)}
          onSubmit={save}
        />
      </Content>
    </Page>
  );
}
