import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import type { CampaignHistoryEvent } from '@prodready/plugin-readiness-common';
import { refLabel } from '../GapSearchFilters';

const ACTIONS: Record<CampaignHistoryEvent['action'], string> = {
  created: 'Created',
  updated: 'Edited',
  closed: 'Closed',
  reopened: 'Reopened',
};

/** A changed field and its new value, in a few words. */
function describeChange(key: string, value: unknown): string {
  if (typeof value === 'string') {
    return `${key} → ${value.length > 60 ? `${value.slice(0, 57)}…` : value}`;
  }
  return `${key} changed`;
}

/** Who changed a campaign, when and what, newest first. */
export function CampaignHistoryList(props: { events: CampaignHistoryEvent[] }) {
  const { events } = props;
  if (events.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No changes recorded.
      </Typography>
    );
  }
  return (
    <List dense aria-label="Change history">
      {events.map((event, index) => (
        <ListItem key={`${event.at}-${index}`} data-testid="campaign-history">
          <ListItemText
            primary={`${ACTIONS[event.action]} by ${
              event.actor ? refLabel(event.actor) : 'an unknown caller'
            }`}
            secondary={[
              new Date(event.at).toLocaleString(undefined, {
                dateStyle: 'medium',
                timeStyle: 'short',
              }),
              ...Object.entries(event.changes ?? {}).map(([key, value]) =>
                describeChange(key, value),
              ),
            ].join(' · ')}
          />
        </ListItem>
      ))}
    </List>
  );
}
