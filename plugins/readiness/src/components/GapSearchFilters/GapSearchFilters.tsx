import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Grid from '@material-ui/core/Grid';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { parseEntityRef } from '@backstage/catalog-model';
import {
  SEARCH_CATALOG_FILTERS,
  type LevelDefinition,
  type CheckPackResponse,
  type SearchCatalogFilter,
  type SearchQuery,
} from '@prodready/plugin-readiness-common';
import { useEffect, useRef, useState } from 'react';
import useDebounce from 'react-use/esm/useDebounce';

/**
 * The list filters of a search that {@link GapSearchFilters} offers values
 * for.
 *
 * @public
 */
export type GapSearchListFilter = SearchCatalogFilter;

/**
 * Props of {@link GapSearchFilters}.
 *
 * @public
 */
export interface GapSearchFiltersProps {
  query: SearchQuery;
  /** Called with the new query (paging reset) when a filter changes. */
  onChange(query: SearchQuery): void;
  checkPack?: CheckPackResponse;
  /** Suggested values per list filter; any value may still be typed. */
  options: Partial<Record<GapSearchListFilter, string[]>>;
}

/** An entity ref shown by its name, with the namespace when not default. */
export function refLabel(value: string): string {
  try {
    const ref = parseEntityRef(value);
    return ref.namespace === 'default'
      ? ref.name
      : `${ref.namespace}/${ref.name}`;
  } catch {
    return value;
  }
}

interface MultiFilterProps {
  id: string;
  label: string;
  values: string[];
  options: string[];
  getLabel?(value: string): string;
  freeSolo?: boolean;
  onChange(values: string[]): void;
}

function MultiFilter(props: MultiFilterProps) {
  const {
    id,
    label,
    values,
    options,
    getLabel = v => v,
    freeSolo,
    onChange,
  } = props;
  return (
    <Autocomplete<string, true, false, boolean>
      id={id}
      multiple
      freeSolo={freeSolo}
      size="small"
      options={options}
      value={values}
      getOptionLabel={getLabel}
      filterSelectedOptions
      onChange={(_event, value) =>
        onChange(value.map(v => v.trim()).filter(Boolean))
      }
      renderInput={params => (
        <TextField
          {...params}
          variant="outlined"
          label={label}
          placeholder={values.length ? undefined : 'Any'}
        />
      )}
    />
  );
}

/** A single-choice level filter ("Any" clears it). */
function LevelSelect(props: {
  id: string;
  label: string;
  levels: LevelDefinition[];
  value?: string;
  onChange: (value: string | undefined) => void;
}) {
  const { id, label, levels, value, onChange } = props;
  return (
    <TextField
      id={id}
      select
      fullWidth
      size="small"
      variant="outlined"
      label={label}
      value={value ?? ''}
      onChange={e => onChange(e.target.value || undefined)}
    >
      <MenuItem value="">Any</MenuItem>
      {levels.map(l => (
        <MenuItem key={l.id} value={l.id}>
          {l.title}
        </MenuItem>
      ))}
      {/* A level from the URL shows as it is while the levels load, or
          when it is not one of them (the search then answers why). */}
      {value && !levels.some(l => l.id === value) && (
        <MenuItem value={value}>{value}</MenuItem>
      )}
    </TextField>
  );
}

/** How each catalog filter of the common vocabulary is shown; a filter added there must be added here. */
const LIST_FILTER_DISPLAY: Record<
  GapSearchListFilter,
  { label: string; refs?: boolean }
> = {
  owner: { label: 'Owner', refs: true },
  system: { label: 'System', refs: true },
  domain: { label: 'Domain', refs: true },
  kind: { label: 'Kind' },
  type: { label: 'Type' },
  lifecycle: { label: 'Lifecycle' },
  tier: { label: 'Tier' },
};

const LIST_FILTERS = SEARCH_CATALOG_FILTERS.map(key => ({
  key,
  ...LIST_FILTER_DISPLAY[key],
}));

/**
 * The filters of the search by gaps: failing checks, level bounds, checks
 * passing on declared evidence only (nothing observed backs them), owner,
 * system, domain, kind, type, lifecycle, tier and free text.
 *
 * @public
 */
export function GapSearchFilters(props: GapSearchFiltersProps) {
  const { query, onChange, checkPack, options } = props;
  const [text, setText] = useState(query.text ?? '');
  // The debounced text update must apply to the query of its own time.
  const latest = useRef({ query, onChange });
  latest.current = { query, onChange };
  const update = (patch: Partial<SearchQuery>) =>
    latest.current.onChange({
      ...latest.current.query,
      ...patch,
      cursor: undefined,
    });

  // The URL may change the text from outside (back button, shared link).
  useEffect(() => {
    setText(current =>
      current.trim() === (query.text ?? '') ? current : query.text ?? '',
    );
  }, [query.text]);
  useDebounce(
    () => {
      if (text.trim() !== (latest.current.query.text ?? '')) {
        update({ text: text.trim() || undefined });
      }
    },
    300,
    [text],
  );

  const checks = checkPack?.checks ?? [];
  const checkTitles = new Map(checks.map(c => [c.id, c.title]));
  const levels = checkPack?.levels ?? [];
  const hasFilters = Object.entries(query).some(
    ([key, value]) =>
      !['sort', 'order', 'limit', 'cursor'].includes(key) &&
      value !== undefined,
  );

  return (
    <Grid container spacing={2} alignItems="center">
      <Grid item xs={12} md={6}>
        <MultiFilter
          id="readiness-filter-failing"
          label="Failing checks"
          values={query.failing ?? []}
          options={checks.map(c => c.id)}
          getLabel={id => checkTitles.get(id) ?? id}
          onChange={failing =>
            update({ failing: failing.length ? failing : undefined })
          }
        />
      </Grid>
      <Grid item xs={6} md={3}>
        <LevelSelect
          id="readiness-filter-level-at-least"
          label="Level at least"
          levels={levels}
          value={query.levelAtLeast}
          onChange={levelAtLeast => update({ levelAtLeast })}
        />
      </Grid>
      <Grid item xs={6} md={3}>
        <LevelSelect
          id="readiness-filter-level-at-most"
          label="Level at most"
          levels={levels}
          value={query.levelAtMost}
          onChange={levelAtMost => update({ levelAtMost })}
        />
      </Grid>
      <Grid item xs={12} md={6}>
        <MultiFilter
          id="readiness-filter-declared-only"
          label="Passing on declared evidence only"
          values={query.declaredOnly ?? []}
          options={checks.map(c => c.id)}
          getLabel={id => checkTitles.get(id) ?? id}
          onChange={declaredOnly =>
            update({
              declaredOnly: declaredOnly.length ? declaredOnly : undefined,
            })
          }
        />
      </Grid>
      {LIST_FILTERS.map(filter => (
        <Grid item xs={12} sm={6} md={3} key={filter.key}>
          <MultiFilter
            id={`readiness-filter-${filter.key}`}
            label={filter.label}
            values={query[filter.key] ?? []}
            options={options[filter.key] ?? []}
            getLabel={filter.refs ? refLabel : undefined}
            freeSolo
            onChange={values =>
              update({ [filter.key]: values.length ? values : undefined })
            }
          />
        </Grid>
      ))}
      <Grid item xs={12} sm={6} md={3}>
        <TextField
          id="readiness-filter-text"
          fullWidth
          size="small"
          variant="outlined"
          label="Name, title, owner or system"
          value={text}
          onChange={e => setText(e.target.value)}
          inputProps={{ maxLength: 200 }}
        />
      </Grid>
      <Grid item xs={12} sm={6} md={3}>
        <FormControlLabel
          control={
            <Checkbox
              id="readiness-filter-below-target"
              checked={query.belowTarget === 'true'}
              onChange={e =>
                update({ belowTarget: e.target.checked ? 'true' : undefined })
              }
            />
          }
          label="Below the target of their tier"
        />
      </Grid>
      {hasFilters && (
        <Grid item xs={12}>
          <Button
            size="small"
            onClick={() =>
              onChange({
                sort: query.sort,
                order: query.order,
                limit: query.limit,
              })
            }
          >
            Clear filters
          </Button>
        </Grid>
      )}
    </Grid>
  );
}
