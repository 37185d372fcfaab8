import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { InfoCard, Link, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type { CheckPackResponse } from '@prodready/plugin-readiness-common';
import useAsync from 'react-use/esm/useAsync';
import { readinessApiRef } from '../../api/ReadinessApi';
import { useCampaignLinks } from '../../hooks/useCampaignLinks';
import { checkTitle } from '../../lib/describeCampaignGoal';
import { CampaignDeadline } from '../CampaignDeadline';

/**
 * Props of {@link EntityCampaigns}.
 *
 * @public
 */
export interface EntityCampaignsProps {
  entityRef: string;
  checkPack?: CheckPackResponse;
  /**
   * Changes when the entity is rescored (e.g. its evaluation time), so that
   * what it still misses is asked again.
   */
  version?: string;
}

/**
 * The campaigns covering an entity, on its Readiness tab: each with its
 * deadline and either "done" or the checks the entity still misses (linked
 * to them on the same tab). An item of the tab's grid, left out (rather
 * than drawn empty) when no campaign covers the entity.
 *
 * @public
 */
export function EntityCampaigns(props: EntityCampaignsProps) {
  const { entityRef, checkPack, version } = props;
  const api = useApi(readinessApiRef);
  const links = useCampaignLinks();
  const state = useAsync(
    () => api.getEntityCampaigns(entityRef),
    [api, entityRef, version],
  );
  if (state.error) {
    // A backend without campaigns answers 404: nothing to show then.
    return ResponseError.is(state.error) &&
      state.error.statusCode === 404 ? null : (
      <Grid item xs={12}>
        <ResponseErrorPanel error={state.error} title="Campaigns" />
      </Grid>
    );
  }
  const campaigns = (state.value ?? []).filter(c => c.status !== 'closed');
  if (campaigns.length === 0) {
    return null;
  }
  return (
    <Grid item xs={12}>
      <InfoCard
        title="Campaigns"
        subheader="Goals this entity is asked to meet, with their deadlines"
      >
        <List dense aria-label="Campaigns covering this entity">
          {campaigns.map(campaign => {
            const href = links.campaign(campaign.id);
            return (
              <ListItem
                key={campaign.id}
                data-testid="entity-campaign"
                disableGutters
              >
                <ListItemText
                  disableTypography
                  primary={
                    <Typography variant="body1">
                      {href ? (
                        <Link to={href}>{campaign.title}</Link>
                      ) : (
                        <span>{campaign.title}</span>
                      )}
                      {' · due '}
                      <CampaignDeadline
                        deadline={campaign.deadline}
                        status={campaign.status}
                      />
                    </Typography>
                  }
                  secondary={
                    campaign.done ? (
                      <Typography variant="body2">
                        Done: this entity meets the goal.
                      </Typography>
                    ) : (
                      <Box component="span" display="block">
                        <Typography variant="body2" component="span">
                          Missing:{' '}
                        </Typography>
                        {campaign.missingCheckIds.map((id, index) => (
                          <Typography variant="body2" component="span" key={id}>
                            {index > 0 && ', '}
                            <Link to={`#readiness-check-${id}`}>
                              {checkTitle(id, checkPack)}
                            </Link>
                          </Typography>
                        ))}
                      </Box>
                    )
                  }
                />
              </ListItem>
            );
          })}
        </List>
      </InfoCard>
    </Grid>
  );
}
