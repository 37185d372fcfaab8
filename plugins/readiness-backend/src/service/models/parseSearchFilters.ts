import { InputError } from '@backstage/errors';
import {
  checksNamedIn,
  normalizeTier,
  type SearchQuery,
} from '@prodready/plugin-readiness-common';
import type {
  StoreSearchAfter,
  StoreSearchFilters,
  StoreSortField,
} from '../../database/ReadinessStore';
import {
  describeInputValue,
  hasControlCharacters,
} from '../../lib/describeInputValue';
import { parseEntityRefParam } from '../../lib/parseEntityRefParam';
import type { PackIndex } from '../../pack/PackIndex';

/**
 * The filters of `/search` and `/export` as they arrive: every list
 * parameter may be repeated and/or comma-separated.
 *
 * @internal
 */
export type SearchFilterParams = Omit<
  SearchQuery,
  'sort' | 'order' | 'limit' | 'cursor' | 'include'
>;

/**
 * Values one filter may have. A longer list is refused with a clear 400
 * rather than sent to the database (and very long query strings are refused
 * by Node.js itself before they reach the plugin).
 *
 * @internal
 */
export const MAX_FILTER_VALUES = 100;

/**
 * Refuses control characters in a filter value. The REST API refuses them
 * at its input boundary already; the actions reach the model directly.
 */
function refuseControlCharacters(parameter: string, value: string): void {
  if (hasControlCharacters(value)) {
    throw new InputError(
      `Invalid ${parameter} '${describeInputValue(
        value,
      )}': control characters are not allowed`,
    );
  }
}

/**
 * Splits repeated and comma-separated values; drops blanks and duplicates;
 * refuses more than {@link MAX_FILTER_VALUES}.
 */
function splitValues(
  parameter: string,
  values: string[] | string | undefined,
): string[] {
  let list: string[] = [];
  if (Array.isArray(values)) {
    list = values;
  } else if (values) {
    list = [values];
  }
  const out = new Set<string>();
  for (const value of list) {
    refuseControlCharacters(parameter, value);
    for (const part of value.split(',')) {
      const trimmed = part.trim();
      if (trimmed) {
        out.add(trimmed);
      }
    }
  }
  if (out.size > MAX_FILTER_VALUES) {
    throw new InputError(
      `Invalid ${parameter}: ${out.size} values given, at most ${MAX_FILTER_VALUES} are allowed`,
    );
  }
  return [...out];
}

function splitRefs(
  parameter: string,
  values: string[] | undefined,
  defaultKind: string,
): string[] | undefined {
  const list = splitValues(parameter, values);
  if (list.length === 0) {
    return undefined;
  }
  return list.map(value =>
    parseEntityRefParam(parameter, value, {
      defaultKind,
      defaultNamespace: 'default',
    }),
  );
}

function nonEmpty(values: string[]): string[] | undefined {
  return values.length > 0 ? values : undefined;
}

/**
 * Validates and normalises search filters: check ids must be in the pack,
 * level ids are turned into ranks of the pack's level order, owner, system
 * and domain may be given as short refs (`payments` for
 * `group:default/payments`), tiers as written anywhere (`1`, `critical`). Bad values fail with InputError naming the
 * parameter.
 *
 * @internal
 */
export function parseSearchFilters(
  params: SearchFilterParams,
  pack: PackIndex,
): StoreSearchFilters {
  const failing = splitValues('failing', params.failing);
  const passing = splitValues('passing', params.passing);
  const declaredOnly = splitValues('declaredOnly', params.declaredOnly);
  pack.requireChecks('failing', failing);
  pack.requireChecks('passing', passing);
  pack.requireChecks('declaredOnly', declaredOnly);
  if (params.text) {
    refuseControlCharacters('text', params.text);
  }
  // "payments without rollback" reads as the gap and the words left, as the
  // search collator indexes gaps.
  const named = params.text
    ? checksNamedIn(params.text, pack.pack.checks)
    : undefined;
  const text = named?.rest.trim();
  for (const checkId of named?.checkIds ?? []) {
    if (!failing.includes(checkId)) failing.push(checkId);
  }
  return {
    failing: nonEmpty(failing),
    passing: nonEmpty(passing),
    declaredOnly: nonEmpty(declaredOnly),
    owner: splitRefs('owner', params.owner, 'group'),
    system: splitRefs('system', params.system, 'system'),
    domain: splitRefs('domain', params.domain, 'domain'),
    kind: nonEmpty(splitValues('kind', params.kind)),
    type: nonEmpty(splitValues('type', params.type)),
    lifecycle: nonEmpty(splitValues('lifecycle', params.lifecycle)),
    // Tiers are stored normalised (`tier-1`); `1`, `T1` or `critical` find them.
    tier: nonEmpty([
      ...new Set(
        splitValues('tier', params.tier).map(t => normalizeTier(t) ?? t),
      ),
    ]),
    levelRankAtMost: params.levelAtMost
      ? pack.requireLevelRank('levelAtMost', params.levelAtMost)
      : undefined,
    levelRankAtLeast: params.levelAtLeast
      ? pack.requireLevelRank('levelAtLeast', params.levelAtLeast)
      : undefined,
    text: text ? text : undefined,
    belowTarget: parseBelowTarget(params.belowTarget),
    targetRanks: pack.targetRanks(),
  };
}

/** `belowTarget`: `true` or `false`; anything else is refused. */
function parseBelowTarget(value: string | undefined): boolean | undefined {
  if (value === undefined || value === 'false') {
    return undefined;
  }
  if (value === 'true') {
    return true;
  }
  throw new InputError(
    `Invalid belowTarget '${describeInputValue(
      value,
    )}': expected true or false`,
  );
}

interface CursorPayload {
  /** Sort field. */
  s: StoreSortField;
  /** Order. */
  o: 'asc' | 'desc';
  /** Sort value of the last item. */
  v: string | number;
  /** Entity ref of the last item. */
  r: string;
}

/**
 * Encodes the position after a page as an opaque cursor.
 *
 * @internal
 */
export function encodeSearchCursor(
  sort: StoreSortField,
  order: 'asc' | 'desc',
  after: StoreSearchAfter,
): string {
  const payload: CursorPayload = {
    s: sort,
    o: order,
    v: after.value,
    r: after.entityRef,
  };
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

/** Sort fields whose values are numbers, with the range a stored value has. */
const NUMERIC_SORTS: Partial<
  Record<StoreSortField, { min: number; max: number; integer: boolean }>
> = {
  score: { min: 0, max: 100, integer: false },
  gaps: { min: 0, max: 1_000_000, integer: true },
  level: { min: 0, max: 1_000, integer: true },
  targetGap: { min: -1, max: 1_000, integer: true },
};

/** Longest text sort value (names and owner refs are far shorter). */
const MAX_CURSOR_TEXT = 300;

/** Whether a cursor's sort value could have come from a stored row. */
function isValidSortValue(sort: StoreSortField, value: unknown): boolean {
  const numeric = NUMERIC_SORTS[sort];
  if (numeric) {
    return (
      typeof value === 'number' &&
      Number.isFinite(value) &&
      value >= numeric.min &&
      value <= numeric.max &&
      (!numeric.integer || Number.isInteger(value))
    );
  }
  return (
    typeof value === 'string' &&
    value.length <= MAX_CURSOR_TEXT &&
    !hasControlCharacters(value)
  );
}

/** Whether a cursor's entity ref is a canonical ref. */
function isCanonicalRef(ref: unknown): ref is string {
  if (typeof ref !== 'string') {
    return false;
  }
  try {
    return parseEntityRefParam('cursor', ref) === ref;
  } catch {
    return false;
  }
}

/**
 * Decodes a cursor; InputError naming `cursor` when it is malformed, was
 * made for another sort, or carries a value no stored row has (a forged
 * cursor never reaches the database).
 *
 * @internal
 */
export function decodeSearchCursor(
  cursor: string,
  sort: StoreSortField,
  order: 'asc' | 'desc',
): StoreSearchAfter {
  let payload: Partial<CursorPayload> | undefined;
  try {
    payload = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    payload = undefined;
  }
  if (
    !payload ||
    typeof payload !== 'object' ||
    Array.isArray(payload) ||
    !isCanonicalRef(payload.r) ||
    (typeof payload.v !== 'string' && typeof payload.v !== 'number')
  ) {
    throw new InputError(
      'Invalid cursor: pass the nextCursor of a previous page unchanged',
    );
  }
  if (payload.s !== sort || payload.o !== order) {
    throw new InputError(
      `Invalid cursor: it continues a search sorted by ${describeInputValue(
        String(payload.s),
      )} ${describeInputValue(String(payload.o))}, not ${sort} ${order}`,
    );
  }
  if (!isValidSortValue(sort, payload.v)) {
    throw new InputError(
      `Invalid cursor: its position is not a ${sort} value; pass the nextCursor of a previous page unchanged`,
    );
  }
  return { value: payload.v, entityRef: payload.r };
}
