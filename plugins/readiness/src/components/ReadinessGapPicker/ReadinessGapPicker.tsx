import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { useApi } from '@backstage/core-plugin-api';
import {
  type DefaultEntityFilters,
  useEntityList,
} from '@backstage/plugin-catalog-react';
import type { CheckInfo } from '@prodready/plugin-readiness-common';
import { useEffect, useMemo, useState } from 'react';
import { type ReadinessApi, readinessApiRef } from '../../api/ReadinessApi';
import { useCheckPack } from '../../hooks/useCheckPack';
import { errorMessage } from '../../lib/errorMessage';
import { ReadinessGapFilter } from './ReadinessGapFilter';

/**
 * The catalog filters with the readiness gap filter added.
 *
 * @public
 */
export type ReadinessEntityFilters = DefaultEntityFilters & {
  readinessGap?: ReadinessGapFilter;
};

/**
 * Props of {@link ReadinessGapPicker}.
 *
 * @public
 */
export interface ReadinessGapPickerProps {
  /** Label above the picker; default `Readiness gap`. */
  label?: string;
  /** A check id selected when the URL names none. */
  initialCheckId?: string;
}

/** Every entity failing a check, following the search cursor to the end. */
export async function loadFailingRefs(
  api: ReadinessApi,
  checkId: string,
): Promise<string[]> {
  const refs: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.search({
      failing: [checkId],
      limit: 500,
      sort: 'name',
      cursor,
    });
    refs.push(...page.items.map(item => item.entityRef));
    cursor = page.nextCursor;
  } while (cursor);
  return refs;
}

function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * A catalog filter: pick a readiness check to list only the entities failing
 * it. Use it in `CatalogFilterLayout.Filters` of the catalog index page; the
 * choice is kept in the URL (`filters[readinessGap]=<check id>`).
 *
 * @public
 */
export function ReadinessGapPicker(props: ReadinessGapPickerProps) {
  const { label = 'Readiness gap', initialCheckId } = props;
  const api = useApi(readinessApiRef);
  const { checkPack, error: packError } = useCheckPack();
  const { updateFilters, queryParameters } =
    useEntityList<ReadinessEntityFilters>();
  const [checkId, setCheckId] = useState<string | undefined>(
    () => firstValue(queryParameters.readinessGap) ?? initialCheckId,
  );
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    if (!checkId) {
      setError(undefined);
      updateFilters({ readinessGap: undefined });
      return undefined;
    }
    let cancelled = false;
    setLoading(true);
    setError(undefined);
    loadFailingRefs(api, checkId)
      .then(refs => {
        if (!cancelled) {
          updateFilters({
            readinessGap: new ReadinessGapFilter(checkId, refs),
          });
        }
      })
      .catch(e => {
        if (!cancelled) {
          setError(e);
        }
      })
      .finally(() => {
        if (!cancelled) {
          setLoading(false);
        }
      });
    return () => {
      cancelled = true;
    };
  }, [api, checkId, updateFilters]);

  const options = useMemo(() => {
    const categories = checkPack?.categories ?? [];
    return [...(checkPack?.checks ?? [])].sort(
      (a, b) =>
        categories.indexOf(a.category) - categories.indexOf(b.category) ||
        a.title.localeCompare(b.title),
    );
  }, [checkPack]);
  const selected = options.find(c => c.id === checkId) ?? null;

  return (
    <Box pb={1} pt={1}>
      <Typography
        variant="button"
        component="label"
        htmlFor="readiness-gap-picker"
      >
        {label}
      </Typography>
      <Autocomplete<CheckInfo>
        id="readiness-gap-picker"
        options={options}
        value={selected}
        groupBy={c => c.category}
        getOptionLabel={c => c.title}
        getOptionSelected={(a, b) => a.id === b.id}
        onChange={(_event, value) => setCheckId(value?.id)}
        size="small"
        renderInput={params => (
          <TextField
            {...params}
            variant="outlined"
            placeholder="Any check"
            inputProps={{
              ...params.inputProps,
              'aria-label': label,
            }}
          />
        )}
      />
      {loading && (
        <LinearProgress aria-label="Loading entities failing the check" />
      )}
      {(error || packError) && (
        <Typography variant="caption" color="error" role="alert">
          {errorMessage(error ?? packError)}
        </Typography>
      )}
    </Box>
  );
}
