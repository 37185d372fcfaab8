import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type {
  CheckInfo,
  CheckResult,
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
  /**
   * The current results, to say who and why: an exemption's author and
   * reason, and the reason of each check's latest change.
   */
  results?: Array<Pick<CheckResult, 'checkId' | 'reason' | 'exemption'>>;
  /** How many events to show before "Show all"; default 10. */
  initialCount?: number;
}

/** Who made a change and why, as far as the current results tell. */
function whoAndWhy(
  event: HistoryEvent,
  latest: boolean,
  result: Pick<CheckResult, 'reason' | 'exemption'> | undefined,
): string {
  if (event.to === 'exempt') {
    const exemption = result?.exemption;
    return latest && exemption
      ? `Exempted by ${exemption.author}: ${exemption.reason}`
      : 'Exempted';
  }
  const cause = event.from === 'exempt' ? 'Exemption removed or expired. ' : '';
  return latest && result ? `${cause}${result.reason}` : cause.trim();
}

/**
 * The changes of state of an entity's checks, newest first.
 *
 * @public
 */
export function ReadinessHistory(props: ReadinessHistoryProps) {
  const { events, checks = [], results = [], initialCount = 10 } = props;
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
  const resultsById = new Map(results.map(r => [r.checkId, r]));
  // The newest event of each check is the one its current result explains.
  const latest = new Set<HistoryEvent>();
  const seen = new Set<string>();
  for (const event of sorted) {
    if (!seen.has(event.checkId)) {
      seen.add(event.checkId);
      latest.add(event);
    }
  }
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
            <TableCell>Who and why</TableCell>
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
              <TableCell>
                {whoAndWhy(
                  event,
                  latest.has(event),
                  resultsById.get(event.checkId),
                )}
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
