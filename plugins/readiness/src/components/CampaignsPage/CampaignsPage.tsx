import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import AddIcon from '@material-ui/icons/Add';
import {
  Content,
  ContentHeader,
  Header,
  InfoCard,
  Link,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { alertApiRef, useApi, useRouteRef } from '@backstage/core-plugin-api';
import type {
  CampaignInput,
  CampaignStatus,
} from '@prodready/plugin-readiness-common';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { readinessApiRef } from '../../api/ReadinessApi';
import { useCheckPack } from '../../hooks/useCheckPack';
import { useReadinessPermissions } from '../../hooks/useReadinessPermissions';
import { describeCampaignGoal } from '../../lib/describeCampaignGoal';
import { campaignRouteRef, rootRouteRef } from '../../routes';
import { CampaignDeadline } from '../CampaignDeadline';
import { CampaignDialog } from '../CampaignDialog';
import { CampaignProgressBar } from '../CampaignProgressBar';
import { EntityPageLink } from '../GapSearch/EntityPageLink';

const useStyles = makeStyles({
  // On a phone the table scrolls sideways instead of breaking words.
  scroll: { maxWidth: '100%', overflowX: 'auto' },
});

const STATUSES: Array<{ value: CampaignStatus | ''; label: string }> = [
  { value: '', label: 'Any' },
  { value: 'active', label: 'Active' },
  { value: 'upcoming', label: 'Upcoming' },
  { value: 'closed', label: 'Closed' },
];

/**
 * The campaigns at `/readiness/campaigns`: each with its owner, goal,
 * deadline and progress, filtered by status; "New campaign" for those
 * allowed to manage campaigns.
 *
 * @public
 */
export function CampaignsPage() {
  const classes = useStyles();
  const api = useApi(readinessApiRef);
  const alertApi = useApi(alertApiRef);
  const navigate = useNavigate();
  const campaignRoute = useRouteRef(campaignRouteRef);
  const rootRoute = useRouteRef(rootRouteRef);
  const { checkPack } = useCheckPack();
  const { canManageCampaigns } = useReadinessPermissions();
  const [status, setStatus] = useState<CampaignStatus | ''>('');
  const [creating, setCreating] = useState(false);
  const campaigns = useAsync(
    () => api.getCampaigns(status ? { status } : undefined),
    [api, status],
  );

  const create = async (input: CampaignInput) => {
    const created = await api.createCampaign(input);
    setCreating(false);
    alertApi.post({
      message: `Campaign “${created.title}” created.`,
      severity: 'success',
      display: 'transient',
    });
    navigate(campaignRoute({ id: created.id }));
  };

  let body: JSX.Element;
  if (campaigns.error) {
    body = <ResponseErrorPanel error={campaigns.error} />;
  } else if (campaigns.loading || !campaigns.value) {
    body = <Progress />;
  } else if (campaigns.value.length === 0) {
    body = (
      <Typography variant="body2" color="textSecondary">
        {status
          ? `No ${status} campaigns.`
          : 'No campaigns yet. A campaign asks a set of entities to pass checks or reach a level by a deadline.'}
      </Typography>
    );
  } else {
    body = (
      <Box className={classes.scroll}>
        <Table size="small" aria-label="Campaigns">
          <TableHead>
            <TableRow>
              <TableCell>Campaign</TableCell>
              <TableCell>Owner</TableCell>
              <TableCell>Goal</TableCell>
              <TableCell>Deadline</TableCell>
              <TableCell>Status</TableCell>
              <TableCell>Done</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {campaigns.value.map(campaign => (
              <TableRow key={campaign.id} data-testid="campaign-row">
                <TableCell>
                  <Link to={campaignRoute({ id: campaign.id })}>
                    {campaign.title}
                  </Link>
                </TableCell>
                <TableCell>
                  <EntityPageLink entityRef={campaign.owner} />
                </TableCell>
                <TableCell>
                  {describeCampaignGoal(campaign.goal, checkPack)}
                </TableCell>
                <TableCell>
                  <CampaignDeadline
                    deadline={campaign.deadline}
                    status={campaign.status}
                  />
                </TableCell>
                <TableCell>{campaign.status}</TableCell>
                <TableCell>
                  <CampaignProgressBar
                    progress={campaign.progress}
                    label={`Progress of ${campaign.title}`}
                  />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
    );
  }

  return (
    <Page themeId="tool">
      <Header
        title="Campaigns"
        subtitle="Named goals with deadlines: which checks or level, for which entities, by when"
      />
      <Content>
        <ContentHeader title="Campaigns">
          <Box
            display="flex"
            alignItems="center"
            flexWrap="wrap"
            style={{ gap: 16 }}
          >
            <Link to={rootRoute()}>Organisation overview</Link>
            <TextField
              id="readiness-campaigns-status"
              select
              SelectProps={{ native: true }}
              label="Status"
              size="small"
              variant="outlined"
              value={status}
              onChange={e => setStatus(e.target.value as CampaignStatus | '')}
            >
              {STATUSES.map(s => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
            </TextField>
            {canManageCampaigns && (
              <Button
                variant="contained"
                color="primary"
                startIcon={<AddIcon />}
                onClick={() => setCreating(true)}
              >
                New campaign
              </Button>
            )}
          </Box>
        </ContentHeader>
        <InfoCard>{body}</InfoCard>
        <CampaignDialog
          open={creating}
          checkPack={checkPack}
          onCancel={() => setCreating(false)}
          onSubmit={create}
        />
      </Content>
    </Page>
  );
}
