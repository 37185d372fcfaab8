import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { Link, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import type { CheckPackResponse } from '@prodready/plugin-readiness-common';
import useAsync from 'react-use/esm/useAsync';
import { readinessApiRef } from '../../api/ReadinessApi';
import { useCampaignLinks } from '../../hooks/useCampaignLinks';
import { describeCampaignGoal } from '../../lib/describeCampaignGoal';
import { CampaignDeadline } from '../CampaignDeadline';
import { CampaignProgressBar } from '../CampaignProgressBar';

const useStyles = makeStyles({
  // On a phone the table scrolls sideways instead of breaking words.
  scroll: { maxWidth: '100%', overflowX: 'auto' },
});

/**
 * Props of {@link TeamCampaigns}.
 *
 * @public
 */
export interface TeamCampaignsProps {
  /** The group's entity ref. */
  groupRef: string;
  checkPack?: CheckPackResponse;
}

/**
 * A team's open campaigns on its Readiness tab: those covering any entity
 * the team (or a group below it) owns, with the deadline and the progress
 * counted on the team's own entities.
 *
 * @public
 */
export function TeamCampaigns(props: TeamCampaignsProps) {
  const { groupRef, checkPack } = props;
  const classes = useStyles();
  const api = useApi(readinessApiRef);
  const links = useCampaignLinks();
  const state = useAsync(
    () => api.getCampaigns({ owner: groupRef }),
    [api, groupRef],
  );
  if (state.error) {
    return <ResponseErrorPanel error={state.error} />;
  }
  if (state.loading || !state.value) {
    return <Progress />;
  }
  const open = state.value.filter(c => c.status !== 'closed');
  if (open.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No open campaign covers this team's entities.
      </Typography>
    );
  }
  return (
    <Box className={classes.scroll}>
      <Table size="small" aria-label="Campaigns of this team">
        <TableHead>
          <TableRow>
            <TableCell>Campaign</TableCell>
            <TableCell>Goal</TableCell>
            <TableCell>Deadline</TableCell>
            <TableCell>Team's entities done</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {open.map(campaign => {
            const href = links.campaign(campaign.id);
            return (
              <TableRow key={campaign.id} data-testid="team-campaign">
                <TableCell>
                  {href ? (
                    <Link to={href}>{campaign.title}</Link>
                  ) : (
                    campaign.title
                  )}
                  {campaign.status === 'upcoming' && ' (upcoming)'}
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
                <TableCell>
                  <CampaignProgressBar
                    progress={campaign.progress}
                    label={`Progress of ${campaign.title} on this team's entities`}
                  />
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </Box>
  );
}
