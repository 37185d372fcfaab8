import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { lighten, makeStyles } from '@material-ui/core/styles';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type { LearnFromExemplar } from '@prodready/plugin-readiness-common';
import { ContactLinks } from '../ContactLinks';
import { EvidenceList } from '../EvidenceList';

const useStyles = makeStyles(theme => ({
  list: { margin: 0, padding: 0, listStyle: 'none' },
  item: {
    borderLeft: `3px solid ${theme.palette.primary.main}`,
    padding: theme.spacing(1, 2),
    marginBottom: theme.spacing(1),
    // Lighter than the page background, so that secondary text on it keeps
    // a 4.5:1 contrast.
    background:
      theme.palette.type === 'dark'
        ? theme.palette.background.default
        : lighten(theme.palette.background.default, 0.5),
  },
  label: {
    color: theme.palette.text.secondary,
    marginRight: theme.spacing(1),
  },
}));

/**
 * Props of {@link LearnFromList}.
 *
 * @public
 */
export interface LearnFromListProps {
  exemplars: LearnFromExemplar[];
}

/**
 * For a failing check: the entities of other teams that pass it, how they did
 * it (their evidence) and how to reach their owners.
 *
 * @public
 */
export function LearnFromList(props: LearnFromListProps) {
  const classes = useStyles();
  const { exemplars } = props;
  return (
    <Box component="section" aria-label="Learn from other teams" mt={1}>
      <Typography variant="subtitle2" gutterBottom>
        Learn from other teams
      </Typography>
      {exemplars.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          No other team passes this check yet.
        </Typography>
      ) : (
        <ul className={classes.list}>
          {exemplars.map(exemplar => (
            <li
              key={exemplar.entity.entityRef}
              className={classes.item}
              data-testid="learn-from-exemplar"
            >
              <Typography variant="body2">
                <EntityRefLink
                  underline="always"
                  entityRef={exemplar.entity.entityRef}
                  title={exemplar.entity.title}
                />{' '}
                by{' '}
                <EntityRefLink
                  underline="always"
                  entityRef={exemplar.owner.ref}
                  title={exemplar.owner.displayName}
                />
                {exemplar.similarity.length > 0 && (
                  <Typography
                    component="span"
                    variant="caption"
                    color="textSecondary"
                  >
                    {' '}
                    ({exemplar.similarity.join(', ')})
                  </Typography>
                )}
              </Typography>
              {exemplar.evidence.length > 0 && (
                <Box mt={0.5}>
                  <Typography variant="caption" className={classes.label}>
                    How they did it
                  </Typography>
                  <EvidenceList evidence={exemplar.evidence} />
                </Box>
              )}
              <Box mt={0.5} display="flex" alignItems="center" flexWrap="wrap">
                <Typography variant="caption" className={classes.label}>
                  Ask them
                </Typography>
                <ContactLinks
                  contacts={exemplar.owner.contacts}
                  emptyText="No contact details in the catalog"
                />
              </Box>
            </li>
          ))}
        </ul>
      )}
    </Box>
  );
}
