import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type {
  CheckInfo,
  HistoryEvent,
} from '@prodready/plugin-readiness-common';
import { useState } from 'react';
import { StateIcon } from '../StateIcon';

/**
 * Props of {@link ReadinessHistory}.
 *
 * @public
 */
export interface ReadinessHistoryProps {
  events: HistoryEvent[];
  /** Checks, to show titles rather than ids. */
  checks?: CheckInfo[];
  /** How many events to show before "Show all"; default 10. */
  initialCount?: number;
}

/**
 * The changes of state of an entity's checks, newest first.
 *
 * @public
 */
export function ReadinessHistory(props: ReadinessHistoryProps) {
  const { events, checks = [], initialCount = 10 } = props;
  const [showAll, setShowAll] = useState(false);
  if (!events.length) {
    return (
      <Typography variant="body2" color="textSecondary">
        No changes recorded yet.
      </Typography>
    );
  }
  const titles = new Map(checks.map(c => [c.id, c.title]));
  const sorted = [...events].sort((a, b) => b.at.localeCompare(a.at));
  const shown = showAll ? sorted : sorted.slice(0, initialCount);
  return (
    <>
      <Table size="small" aria-label="Change history">
        <TableHead>
          <TableRow>
            <TableCell>When</TableCell>
            <TableCell>Check</TableCell>
            <TableCell>From</TableCell>
            <TableCell>To</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {shown.map(event => (
            <TableRow key={`${event.checkId}-${event.at}`}>
              <TableCell>{new Date(event.at).toLocaleString()}</TableCell>
              <TableCell>
                {titles.get(event.checkId) ?? event.checkId}
              </TableCell>
              <TableCell>
                {event.from ? <StateIcon state={event.from} /> : 'First scored'}
              </TableCell>
              <TableCell>
                <StateIcon state={event.to} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {sorted.length > shown.length && (
        <Button size="small" onClick={() => setShowAll(true)}>
          Show all {sorted.length} changes
        </Button>
      )}
    </>
  );
}
