import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import type {
  CampaignEntityProgress,
  CheckPackResponse,
} from '@prodready/plugin-readiness-common';
import { checkTitle } from '../../lib/describeCampaignGoal';
import { EntityPageLink } from '../GapSearch/EntityPageLink';

const useStyles = makeStyles(theme => ({
  // On a phone the table scrolls sideways instead of breaking words.
  scroll: { maxWidth: '100%', overflowX: 'auto' },
  checks: {
    margin: 0,
    padding: 0,
    listStyle: 'none',
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(0.5, 2),
  },
}));

/**
 * The entities of a campaign's scope, those still missing checks first,
 * each missing check linked to its place on the entity's Readiness tab.
 */
export function CampaignEntitiesTable(props: {
  entities: CampaignEntityProgress[];
  checkPack?: CheckPackResponse;
}) {
  const { entities, checkPack } = props;
  const classes = useStyles();
  const entityRoute = useRouteRef(entityRouteRef);
  if (entities.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No scored entity you can see is in this campaign's scope.
      </Typography>
    );
  }
  const rows = [...entities].sort(
    (a, b) =>
      Number(a.done) - Number(b.done) ||
      b.missingCheckIds.length - a.missingCheckIds.length,
  );
  return (
    <Box className={classes.scroll}>
      <Table size="small" aria-label="Entities in scope">
        <TableHead>
          <TableRow>
            <TableCell>Entity</TableCell>
            <TableCell>Owner</TableCell>
            <TableCell>Missing</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map(row => {
            const ref = parseEntityRef(row.entity.entityRef);
            const tab = `${entityRoute({
              kind: ref.kind.toLocaleLowerCase('en-US'),
              namespace: ref.namespace,
              name: ref.name,
            })}/readiness`;
            return (
              <TableRow
                key={row.entity.entityRef}
                data-testid="campaign-entity"
              >
                <TableCell>
                  <Link to={tab} underline="always">
                    {row.entity.title ?? row.entity.name}
                  </Link>
                </TableCell>
                <TableCell>
                  {row.entity.owner ? (
                    <EntityPageLink entityRef={row.entity.owner} />
                  ) : (
                    '—'
                  )}
                </TableCell>
                <TableCell>
                  {row.done ? (
                    'Done'
                  ) : (
                    <ul className={classes.checks}>
                      {row.missingCheckIds.map(id => (
                        <li key={id}>
                          <Link to={`${tab}#readiness-check-${id}`}>
                            {checkTitle(id, checkPack)}
                          </Link>
                        </li>
                      ))}
                    </ul>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </Box>
  );
}
