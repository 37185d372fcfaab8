import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { parseEntityRef } from '@backstage/catalog-model';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type { RollupGroup } from '@prodready/plugin-readiness-common';
import { useState } from 'react';
import { readableTextColor } from '../LevelBadge/levelColors';
import { viridis, viridisGradient } from './viridis';

const useStyles = makeStyles(theme => ({
  // On a phone the table scrolls sideways instead of breaking words.
  scroll: { maxWidth: '100%', overflowX: 'auto' },
  table: {
    '& th, & td': { wordBreak: 'normal', overflowWrap: 'normal' },
    '& thead th, & tbody th': { whiteSpace: 'nowrap' },
  },
  cell: {
    textAlign: 'center',
    fontVariantNumeric: 'tabular-nums',
    fontWeight: 500,
    border: `1px solid ${theme.palette.background.paper}`,
    minWidth: 72,
  },
  // Secondary, not disabled: the text must keep 4.5:1 contrast (axe).
  empty: { textAlign: 'center', color: theme.palette.text.secondary },
  legend: {
    height: 12,
    width: 200,
    background: viridisGradient(),
    borderRadius: 2,
    margin: theme.spacing(0, 1),
  },
}));

/**
 * Props of {@link OwnerHeatmap}.
 *
 * @public
 */
export interface OwnerHeatmapProps {
  /** Roll-up groups by owner. */
  groups: RollupGroup[];
  /** The categories to show, in order. */
  categories: string[];
  /** Rows shown before "Show all"; default 15. */
  initialRows?: number;
  /** Called with an owner's ref to look at its entities' gaps. */
  onSelectOwner?(owner: string): void;
}

function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase('en-US') + text.slice(1);
}

function OwnerName(props: { owner: string }) {
  try {
    parseEntityRef(props.owner);
    return <EntityRefLink underline="always" entityRef={props.owner} />;
  } catch {
    return <>{props.owner}</>;
  }
}

/**
 * Owners × categories: the share of passing checks of each owner's entities
 * in each category. Each cell prints its percentage and is coloured on the
 * viridis scale, so the colour is never the only carrier of the value.
 * Owners with the lowest mean score come first.
 *
 * @public
 */
export function OwnerHeatmap(props: OwnerHeatmapProps) {
  const { groups, categories, initialRows = 15, onSelectOwner } = props;
  const classes = useStyles();
  const [showAll, setShowAll] = useState(false);
  if (groups.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No owner has scored entities yet.
      </Typography>
    );
  }
  const sorted = [...groups].sort(
    (a, b) => a.meanScore - b.meanScore || a.key.localeCompare(b.key),
  );
  const shown = showAll ? sorted : sorted.slice(0, initialRows);
  return (
    <Box>
      <TableContainer className={classes.scroll}>
        <Table
          size="small"
          className={classes.table}
          aria-label="Pass rate by owner and category"
        >
          <TableHead>
            <TableRow>
              <TableCell>Owner</TableCell>
              <TableCell align="right">Entities</TableCell>
              <TableCell align="right">Mean score</TableCell>
              <TableCell align="right">Below target</TableCell>
              {categories.map(category => (
                <TableCell key={category} align="center">
                  {capitalize(category)}
                </TableCell>
              ))}
              {onSelectOwner && <TableCell />}
            </TableRow>
          </TableHead>
          <TableBody>
            {shown.map(group => (
              <TableRow key={group.key}>
                <TableCell component="th" scope="row">
                  <OwnerName owner={group.key} />
                </TableCell>
                <TableCell align="right">{group.entities}</TableCell>
                <TableCell align="right">
                  {Math.round(group.meanScore)}
                </TableCell>
                <TableCell align="right">{group.belowTarget ?? 0}</TableCell>
                {categories.map(category => {
                  const rate = group.categories[category];
                  if (rate === undefined) {
                    return (
                      <TableCell
                        key={category}
                        className={classes.empty}
                        title={`${group.key}, ${category}: no applicable check`}
                      >
                        n/a
                      </TableCell>
                    );
                  }
                  const background = viridis(rate);
                  return (
                    <TableCell
                      key={category}
                      className={classes.cell}
                      style={{
                        background,
                        color: readableTextColor(background),
                      }}
                      title={`${group.key}, ${category}: ${Math.round(
                        rate * 100,
                      )}% of checks pass`}
                    >
                      {Math.round(rate * 100)}%
                    </TableCell>
                  );
                })}
                {onSelectOwner && (
                  <TableCell>
                    <Button
                      size="small"
                      onClick={() => onSelectOwner(group.key)}
                    >
                      Show gaps
                    </Button>
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      <Box display="flex" alignItems="center" mt={1} flexWrap="wrap">
        <Typography variant="caption">Share of checks passing: 0%</Typography>
        <div className={classes.legend} aria-hidden />
        <Typography variant="caption">100%</Typography>
        {sorted.length > shown.length && (
          <Box ml="auto">
            <Button size="small" onClick={() => setShowAll(true)}>
              Show all {sorted.length} owners
            </Button>
          </Box>
        )}
      </Box>
    </Box>
  );
}
