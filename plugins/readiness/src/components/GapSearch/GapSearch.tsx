import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import IconButton from '@material-ui/core/IconButton';
import LinearProgress from '@material-ui/core/LinearProgress';
import MenuItem from '@material-ui/core/MenuItem';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TableSortLabel from '@material-ui/core/TableSortLabel';
import TextField from '@material-ui/core/TextField';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ChevronLeftIcon from '@material-ui/icons/ChevronLeft';
import ChevronRightIcon from '@material-ui/icons/ChevronRight';
import GetAppIcon from '@material-ui/icons/GetApp';
import LinkIcon from '@material-ui/icons/Link';
import { EmptyState, ResponseErrorPanel } from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import {
  searchQueryToParams,
  type CheckPackResponse,
  type SearchQuery,
  type SearchResponse,
} from '@prodready/plugin-readiness-common';
import { useEffect, useRef, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import {
  type ReadinessExportFormat,
  readinessApiRef,
} from '../../api/ReadinessApi';
import { errorMessage } from '../../lib/errorMessage';
import { GapSearchFilters, refLabel } from '../GapSearchFilters';
import { LevelBadge, levelTitle } from '../LevelBadge';
import { downloadBlob } from './downloadBlob';
import { EntityPageLink } from './EntityPageLink';
import { useFilterOptions } from './useFilterOptions';
import { noMatchMessage } from './noMatchMessage';

/** The page size when the query names none. */
export const DEFAULT_PAGE_SIZE = 25;

const PAGE_SIZES = [25, 50, 100];

const useStyles = makeStyles({
  // On a phone the table scrolls sideways instead of breaking words.
  scroll: { maxWidth: '100%', overflowX: 'auto' },
  table: {
    minWidth: 720,
    '& th, & td': { wordBreak: 'normal', overflowWrap: 'normal' },
    '& th': { whiteSpace: 'nowrap' },
  },
});

type SortKey = NonNullable<SearchQuery['sort']>;

const COLUMNS: Array<{
  label: string;
  sort?: SortKey;
  align?: 'right';
}> = [
  { label: 'Entity', sort: 'name' },
  { label: 'Owner', sort: 'owner' },
  { label: 'System' },
  { label: 'Tier' },
  { label: 'Lifecycle' },
  { label: 'Level', sort: 'level' },
  { label: 'Target', sort: 'targetGap' },
  { label: 'Score', sort: 'score', align: 'right' },
  { label: 'Failing', sort: 'gaps', align: 'right' },
];

/**
 * Props of {@link GapSearch}.
 *
 * @public
 */
export interface GapSearchProps {
  query: SearchQuery;
  onQueryChange(query: SearchQuery): void;
  checkPack?: CheckPackResponse;
  /** Called once, when the first search has answered (or failed). */
  onFirstResults?(): void;
}

/**
 * Search scored entities by their gaps: filters, sortable columns, paging
 * through the server's cursors and an export of every match.
 *
 * @public
 */
export function GapSearch(props: GapSearchProps) {
  const { query, onQueryChange, checkPack, onFirstResults } = props;
  const classes = useStyles();
  const api = useApi(readinessApiRef);
  const alertApi = useApi(alertApiRef);
  // Filter suggestions load when the user first reaches for a filter.
  const [wantsOptions, setWantsOptions] = useState(false);
  const options = useFilterOptions(wantsOptions);
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  // Cursors of the pages before the current one, for "previous page".
  const [previousCursors, setPreviousCursors] = useState<
    Array<string | undefined>
  >([]);
  const [shown, setShown] = useState<SearchResponse>();
  const [exporting, setExporting] = useState<ReadinessExportFormat>();

  const queryKey = searchQueryToParams(query).toString();
  const { value, loading, error } = useAsync(
    () => api.search({ ...query, limit }),
    // The query object changes identity on every URL read; its text does not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, queryKey, limit],
  );
  // Keep the last rows on screen while the next page loads.
  useEffect(() => {
    if (value) {
      setShown(value);
    }
  }, [value]);
  const firstResultsReported = useRef(false);
  useEffect(() => {
    if ((value || error) && !firstResultsReported.current) {
      firstResultsReported.current = true;
      onFirstResults?.();
    }
  }, [value, error, onFirstResults]);

  const changeFilters = (next: SearchQuery) => {
    setPreviousCursors([]);
    onQueryChange(next);
  };
  const sortBy = (sort: SortKey) => {
    const order =
      query.sort === sort && (query.order ?? 'asc') === 'asc' ? 'desc' : 'asc';
    changeFilters({ ...query, sort, order, cursor: undefined });
  };
  const nextPage = () => {
    if (shown?.nextCursor) {
      setPreviousCursors([...previousCursors, query.cursor]);
      onQueryChange({ ...query, cursor: shown.nextCursor });
    }
  };
  const previousPage = () => {
    const cursors = [...previousCursors];
    const cursor = cursors.pop();
    setPreviousCursors(cursors);
    onQueryChange({ ...query, cursor });
  };
  const exportAs = async (format: ReadinessExportFormat) => {
    setExporting(format);
    try {
      const { blob, filename } = await api.exportEntities(query, format);
      downloadBlob(blob, filename);
    } catch (e) {
      alertApi.post({
        message: `Could not export: ${errorMessage(e)}`,
        severity: 'error',
      });
    } finally {
      setExporting(undefined);
    }
  };
  const copyLink = async () => {
    try {
      await navigator.clipboard.writeText(window.location.href);
      alertApi.post({
        message: 'Link to this search copied.',
        severity: 'success',
        display: 'transient',
      });
    } catch {
      alertApi.post({
        message: `Copy this link: ${window.location.href}`,
        severity: 'info',
      });
    }
  };

  const noMatch = noMatchMessage(query, checkPack);
  const pageStart = previousCursors.length * limit;
  const items = shown?.items ?? [];

  return (
    <Box>
      <Box
        onFocusCapture={() => setWantsOptions(true)}
        onMouseDownCapture={() => setWantsOptions(true)}
      >
        <GapSearchFilters
          query={query}
          onChange={changeFilters}
          checkPack={checkPack}
          options={options}
        />
      </Box>
      <Box
        display="flex"
        alignItems="center"
        flexWrap="wrap"
        mt={2}
        style={{ gap: 8 }}
      >
        <Typography
          variant="body2"
          aria-live="polite"
          data-testid="gap-search-count"
        >
          {shown &&
            (shown.totalCount === 0 && noMatch.goodNews
              ? noMatch.title
              : `${shown.totalCount} ${
                  shown.totalCount === 1 ? 'entity matches' : 'entities match'
                }`)}
          {!shown && ' '}
        </Typography>
        <Box flexGrow={1} />
        <Button
          size="small"
          variant="outlined"
          startIcon={<GetAppIcon />}
          disabled={exporting !== undefined}
          onClick={() => exportAs('csv')}
        >
          Export CSV
        </Button>
        <Button
          size="small"
          startIcon={<GetAppIcon />}
          disabled={exporting !== undefined}
          onClick={() => exportAs('json')}
        >
          Export JSON
        </Button>
        <Tooltip title="Copy a link to this search">
          <IconButton
            size="small"
            aria-label="Copy a link to this search"
            onClick={copyLink}
          >
            <LinkIcon />
          </IconButton>
        </Tooltip>
      </Box>
      {loading ? (
        <LinearProgress aria-label="Loading search results" />
      ) : (
        <Box height={4} />
      )}
      {error && <ResponseErrorPanel error={error} />}
      {!error && shown && items.length === 0 && (
        <EmptyState
          missing={noMatch.goodNews ? 'content' : 'data'}
          title={noMatch.title}
          description={noMatch.description}
          action={
            <Button
              variant="contained"
              color="primary"
              onClick={() =>
                changeFilters({ sort: query.sort, order: query.order })
              }
            >
              Clear filters
            </Button>
          }
        />
      )}
      {!error && items.length > 0 && (
        <>
          <TableContainer className={classes.scroll}>
            <Table
              size="small"
              className={classes.table}
              aria-label="Entities matching the search"
            >
              <TableHead>
                <TableRow>
                  {COLUMNS.map(column => (
                    <TableCell
                      key={column.label}
                      align={column.align}
                      sortDirection={
                        column.sort && query.sort === column.sort
                          ? query.order ?? 'asc'
                          : false
                      }
                    >
                      {column.sort ? (
                        <TableSortLabel
                          active={query.sort === column.sort}
                          direction={
                            query.sort === column.sort
                              ? query.order ?? 'asc'
                              : 'asc'
                          }
                          onClick={() => sortBy(column.sort!)}
                        >
                          {column.label}
                        </TableSortLabel>
                      ) : (
                        column.label
                      )}
                    </TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {items.map(item => (
                  <TableRow key={item.entityRef} data-testid="gap-search-row">
                    <TableCell>
                      <EntityPageLink
                        entityRef={item.entityRef}
                        title={item.title}
                      />
                      <Typography
                        variant="caption"
                        color="textSecondary"
                        display="block"
                      >
                        {[item.kind, item.type].filter(Boolean).join(' · ')}
                      </Typography>
                    </TableCell>
                    <TableCell>
                      {item.owner ? (
                        <EntityPageLink entityRef={item.owner} />
                      ) : (
                        '—'
                      )}
                    </TableCell>
                    <TableCell>
                      {item.system ? refLabel(item.system) : '—'}
                    </TableCell>
                    <TableCell>{item.tier ?? '—'}</TableCell>
                    <TableCell>{item.lifecycle ?? '—'}</TableCell>
                    <TableCell>
                      <LevelBadge
                        level={item.level}
                        levels={checkPack?.levels}
                      />
                    </TableCell>
                    <TableCell>
                      {item.target
                        ? `${levelTitle(item.target, checkPack?.levels)} · ${
                            item.levelsToTarget
                              ? `${item.levelsToTarget} to go`
                              : 'met'
                          }`
                        : '—'}
                    </TableCell>
                    <TableCell align="right">
                      {Math.round(item.score)}
                    </TableCell>
                    <TableCell align="right">{item.gaps}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
          <Box
            display="flex"
            alignItems="center"
            justifyContent="flex-end"
            mt={1}
            style={{ gap: 16 }}
          >
            <TextField
              select
              size="small"
              variant="outlined"
              style={{ minWidth: 130 }}
              label="Rows per page"
              value={limit}
              onChange={e =>
                changeFilters({
                  ...query,
                  limit: Number(e.target.value),
                  cursor: undefined,
                })
              }
            >
              {Array.from(new Set([...PAGE_SIZES, limit]))
                .sort((a, b) => a - b)
                .map(size => (
                  <MenuItem key={size} value={size}>
                    {size}
                  </MenuItem>
                ))}
            </TextField>
            <Typography variant="body2">
              {pageStart + 1}–{pageStart + items.length} of {shown?.totalCount}
            </Typography>
            <IconButton
              aria-label="Previous page"
              disabled={previousCursors.length === 0 || loading}
              onClick={previousPage}
            >
              <ChevronLeftIcon />
            </IconButton>
            <IconButton
              aria-label="Next page"
              disabled={!shown?.nextCursor || loading}
              onClick={nextPage}
            >
              <ChevronRightIcon />
            </IconButton>
          </Box>
        </>
      )}
    </Box>
  );
}
