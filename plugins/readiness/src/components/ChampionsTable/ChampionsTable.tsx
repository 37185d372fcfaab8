import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type {
  ChampionsResponse,
  CheckInfo,
} from '@prodready/plugin-readiness-common';
import { useState } from 'react';
import { ContactLinks } from '../ContactLinks';

/**
 * Props of {@link ChampionsTable}.
 *
 * @public
 */
export interface ChampionsTableProps {
  champions: ChampionsResponse;
  checks: CheckInfo[];
  /** Category order; checks are listed by category, then title. */
  categories?: string[];
  /** Rows shown before "Show all"; default 10. */
  initialRows?: number;
}

/**
 * For each check, the teams with the highest pass rate and how to reach them:
 * whom to ask when a check is hard to pass.
 *
 * @public
 */
export function ChampionsTable(props: ChampionsTableProps) {
  const { champions, checks, categories = [], initialRows = 10 } = props;
  const [showAll, setShowAll] = useState(false);
  const checkById = new Map(checks.map(c => [c.id, c]));
  const rows = champions.checks
    .filter(c => c.champions.length > 0)
    .map(c => ({ ...c, check: checkById.get(c.checkId) }))
    .sort((a, b) => {
      const ca = categories.indexOf(a.check?.category ?? '');
      const cb = categories.indexOf(b.check?.category ?? '');
      return (
        ca - cb ||
        (a.check?.title ?? a.checkId).localeCompare(b.check?.title ?? b.checkId)
      );
    });
  if (rows.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No champions yet: a team becomes one by passing a check across its
        entities.
      </Typography>
    );
  }
  const shown = showAll ? rows : rows.slice(0, initialRows);
  return (
    <Box>
      <Table size="small" aria-label="Champions per check">
        <TableHead>
          <TableRow>
            <TableCell>Check</TableCell>
            <TableCell>Champions</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {shown.map(row => (
            <TableRow
              key={row.checkId}
              data-testid={`champions-${row.checkId}`}
            >
              <TableCell component="th" scope="row">
                <Typography variant="body2">
                  {row.check?.title ?? row.checkId}
                </Typography>
                {row.check && (
                  <Typography variant="caption" color="textSecondary">
                    {row.check.category}
                  </Typography>
                )}
              </TableCell>
              <TableCell>
                {row.champions.map(champion => (
                  <Box key={champion.owner.ref} mb={1}>
                    <Typography variant="body2">
                      <EntityRefLink
                        underline="always"
                        entityRef={champion.owner.ref}
                        title={champion.owner.displayName}
                      />{' '}
                      — {Math.round(champion.passRate * 100)}% (
                      {champion.passing} of {champion.applicable})
                    </Typography>
                    <ContactLinks contacts={champion.owner.contacts} />
                  </Box>
                ))}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {rows.length > shown.length && (
        <Button size="small" onClick={() => setShowAll(true)}>
          Show all {rows.length} checks
        </Button>
      )}
    </Box>
  );
}
