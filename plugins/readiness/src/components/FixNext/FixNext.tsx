import Box from '@material-ui/core/Box';
import Link from '@material-ui/core/Link';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type {
  EntityScorecardResponse,
  LevelDefinition,
} from '@prodready/plugin-readiness-common';
import { ContactLinks } from '../ContactLinks';
import { levelTitle } from '../LevelBadge';
import { StateIcon } from '../StateIcon';
import { oneLineFix } from './oneLineFix';

/** Contacts shown inline per exemplar; the check's details show them all. */
const INLINE_CONTACTS = 2;

const useStyles = makeStyles(theme => ({
  list: { margin: 0, padding: 0, listStyle: 'none' },
  item: {
    display: 'flex',
    gap: theme.spacing(1),
    padding: theme.spacing(1, 0),
    borderTop: `1px solid ${theme.palette.divider}`,
    '&:first-child': { borderTop: 'none' },
  },
  body: { minWidth: 0, flex: 1 },
  contacts: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    gap: theme.spacing(1),
    '& ul': { display: 'inline-flex', flexWrap: 'wrap' },
  },
}));

/**
 * Props of {@link FixNext}.
 *
 * @public
 */
export interface FixNextProps {
  scorecard: EntityScorecardResponse;
  levels?: LevelDefinition[];
}

/**
 * What to do next and whom to ask: the checks that keep the entity from its
 * next level, each with its fix in one line and the contacts of the team
 * whose service is the best example of passing it. Renders nothing when no
 * check blocks a level.
 *
 * @public
 */
export function FixNext(props: FixNextProps) {
  const { scorecard, levels } = props;
  const classes = useStyles();
  const byId = new Map(scorecard.results.map(r => [r.checkId, r]));
  const blockers = scorecard.blockingCheckIds
    .map(id => byId.get(id))
    .filter(<T,>(r: T | undefined): r is T => r !== undefined);
  if (!scorecard.nextLevel || blockers.length === 0) {
    return null;
  }
  const next = levelTitle(scorecard.nextLevel, levels);
  return (
    <Box component="section" aria-label="Fix next">
      <Typography variant="body2" gutterBottom>
        {blockers.length === 1
          ? `One check stands between this entity and ${next}:`
          : `${blockers.length} checks stand between this entity and ${next}:`}
      </Typography>
      <ul className={classes.list}>
        {blockers.map(result => {
          const exemplar = result.learnFrom?.[0];
          const fix = oneLineFix(result.check.remediation.markdown);
          return (
            <li
              key={result.checkId}
              className={classes.item}
              data-testid={`fix-next-${result.checkId}`}
            >
              <StateIcon state={result.state} />
              <div className={classes.body}>
                <Typography variant="subtitle2" component="h3">
                  <Link href={`#readiness-check-${result.checkId}`}>
                    {result.check.title}
                  </Link>
                </Typography>
                {fix && <Typography variant="body2">{fix}</Typography>}
                {result.state !== 'fail' && (
                  <Typography variant="body2" color="textSecondary">
                    {result.reason}
                  </Typography>
                )}
                {exemplar ? (
                  <div className={classes.contacts}>
                    <Typography variant="body2" component="span">
                      Ask{' '}
                      <EntityRefLink
                        underline="always"
                        entityRef={exemplar.owner.ref}
                        title={exemplar.owner.displayName}
                      />{' '}
                      (
                      <EntityRefLink
                        underline="always"
                        entityRef={exemplar.entity.entityRef}
                        title={exemplar.entity.title}
                      />{' '}
                      passes it):
                    </Typography>
                    <ContactLinks
                      contacts={exemplar.owner.contacts.slice(
                        0,
                        INLINE_CONTACTS,
                      )}
                      emptyText="no contact in the catalog"
                    />
                  </div>
                ) : (
                  result.learnFrom && (
                    <Typography variant="body2" color="textSecondary">
                      No other team passes this check yet.
                    </Typography>
                  )
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </Box>
  );
}
