import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  normalizeTier,
  type SearchQuery,
} from '@prodready/plugin-readiness-common';
import type {
  StoreSearchAfter,
  StoreSearchFilters,
  StoreSortField,
} from '../../database/ReadinessStore';
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

/** Splits repeated and comma-separated values; drops blanks and duplicates. */
function splitValues(values: string[] | string | undefined): string[] {
  let list: string[] = [];
  if (Array.isArray(values)) {
    list = values;
  } else if (values) {
    list = [values];
  }
  const out = new Set<string>();
  for (const value of list) {
    for (const part of value.split(',')) {
      const trimmed = part.trim();
      if (trimmed) {
        out.add(trimmed);
      }
    }
  }
  return [...out];
}

function splitRefs(
  parameter: string,
  values: string[] | undefined,
  defaultKind: string,
): string[] | undefined {
  const list = splitValues(values);
  if (list.length === 0) {
    return undefined;
  }
  return list.map(value => {
    try {
      return stringifyEntityRef(
        parseEntityRef(value, { defaultKind, defaultNamespace: 'default' }),
      );
    } catch (error) {
      throw new InputError(
        `Invalid ${parameter} '${value}': ${(error as Error).message}`,
      );
    }
  });
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
  const failing = splitValues(params.failing);
  const passing = splitValues(params.passing);
  pack.requireChecks('failing', failing);
  pack.requireChecks('passing', passing);
  const text = params.text?.trim();
  return {
    failing: nonEmpty(failing),
    passing: nonEmpty(passing),
    owner: splitRefs('owner', params.owner, 'group'),
    system: splitRefs('system', params.system, 'system'),
    domain: splitRefs('domain', params.domain, 'domain'),
    kind: nonEmpty(splitValues(params.kind)),
    type: nonEmpty(splitValues(params.type)),
    lifecycle: nonEmpty(splitValues(params.lifecycle)),
    // Tiers are stored normalised (`tier-1`); `1`, `T1` or `critical` find them.
    tier: nonEmpty([
      ...new Set(splitValues(params.tier).map(t => normalizeTier(t) ?? t)),
    ]),
    levelRankAtMost: params.levelAtMost
      ? pack.requireLevelRank('levelAtMost', params.levelAtMost)
      : undefined,
    levelRankAtLeast: params.levelAtLeast
      ? pack.requireLevelRank('levelAtLeast', params.levelAtLeast)
      : undefined,
    text: text ? text : undefined,
  };
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

/**
 * Decodes a cursor; InputError naming `cursor` when it is malformed or was
 * made for another sort.
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
    typeof payload.r !== 'string' ||
    (typeof payload.v !== 'string' && typeof payload.v !== 'number')
  ) {
    throw new InputError(
      'Invalid cursor: pass the nextCursor of a previous page unchanged',
    );
  }
  if (payload.s !== sort || payload.o !== order) {
    throw new InputError(
      `Invalid cursor: it continues a search sorted by ${payload.s} ${payload.o}, not ${sort} ${order}`,
    );
  }
  return { value: payload.v, entityRef: payload.r };
}
