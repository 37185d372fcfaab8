import Box from '@material-ui/core/Box';
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
  EntityRollup,
} from '@prodready/plugin-readiness-common';
import { ContactLinks } from '../ContactLinks';
import { EntityPageLink } from '../GapSearch/EntityPageLink';

/** Gaps listed; the rest are one search away. */
const MAX_GAPS = 10;

/**
 * The failing checks of a roll-up, those that block the most entities' next
 * level first, each with the teams outside the roll-up that already pass it
 * (whom to ask).
 */
export function RollupGapsTable(props: {
  rollup: EntityRollup;
  checks: Map<string, CheckInfo>;
  champions?: ChampionsResponse;
}) {
  const { rollup, checks, champions } = props;
  const members = new Set(rollup.members);
  const championsByCheck = new Map(
    (champions?.checks ?? []).map(c => [
      c.checkId,
      c.champions.filter(champion => !members.has(champion.owner.ref)),
    ]),
  );
  if (rollup.gaps.length === 0) {
    return (
      <Typography variant="body2">
        No gaps: every scored entity here passes every check that applies to it.
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label="Gaps that unblock the most">
      <TableHead>
        <TableRow>
          <TableCell>Check</TableCell>
          <TableCell>Blocks the next level of</TableCell>
          <TableCell>Entities</TableCell>
          <TableCell>Ask a team that passes it</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rollup.gaps.slice(0, MAX_GAPS).map(gap => {
          const check = checks.get(gap.checkId);
          const askable = championsByCheck.get(gap.checkId) ?? [];
          return (
            <TableRow key={gap.checkId} data-testid={`gap-${gap.checkId}`}>
              <TableCell component="th" scope="row">
                <Typography variant="body2">
                  {check?.title ?? gap.checkId}
                </Typography>
                {check && (
                  <Typography variant="caption" color="textSecondary">
                    {check.category} · {check.level}
                  </Typography>
                )}
              </TableCell>
              <TableCell>
                {gap.blocking} of {gap.failing} failing
              </TableCell>
              <TableCell>
                {gap.entityRefs.map(ref => (
                  <Box key={ref}>
                    <EntityPageLink entityRef={ref} />
                  </Box>
                ))}
              </TableCell>
              <TableCell>
                {askable.length === 0 ? (
                  <Typography variant="body2" color="textSecondary">
                    No other team passes it yet.
                  </Typography>
                ) : (
                  askable.slice(0, 2).map(champion => (
                    <Box key={champion.owner.ref} mb={1}>
                      <Typography variant="body2">
                        <EntityRefLink
                          underline="always"
                          entityRef={champion.owner.ref}
                          title={champion.owner.displayName}
                        />{' '}
                        — {Math.round(champion.passRate * 100)}%
                      </Typography>
                      <ContactLinks contacts={champion.owner.contacts} />
                    </Box>
                  ))
                )}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
