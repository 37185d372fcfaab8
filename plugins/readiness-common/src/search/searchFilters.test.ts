import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { EVIDENCE_KINDS } from '../types/results';
import type { EntitySummary, SearchQuery } from '../types/api';
import { EXPORT_CSV_COLUMNS } from './exportColumns';
import { SEARCH_QUERY_KEYS } from './searchQueryParams';
import {
  SEARCH_FILTERS,
  SEARCH_LIST_FILTERS,
  SEARCH_ORDERS,
  SEARCH_SORTS,
  SEARCH_VALUE_FILTERS,
} from './searchFilters';

/*
 * The backend's OpenAPI spec is written by hand; these tests prove it uses the
 * vocabulary of this package, so a filter, sort, CSV column or evidence kind
 * added on one side fails here until it is added on the other.
 */

interface Parameter {
  name: string;
  in: string;
  schema?: { type?: string; enum?: string[]; items?: { enum?: string[] } };
}

interface Spec {
  paths: Record<string, { get?: { parameters: Array<{ $ref?: string }> } }>;
  components: {
    parameters: Record<string, Parameter>;
    schemas: Record<
      string,
      { properties: Record<string, { enum?: string[] }> }
    >;
  };
}

const spec: Spec = parse(
  readFileSync(
    resolve(__dirname, '../../../readiness-backend/src/schema/openapi.yaml'),
    'utf8',
  ),
);

/** The query parameters of an operation, `$ref`s resolved. */
function queryParameters(path: string): Parameter[] {
  const operation = spec.paths[path]?.get;
  if (!operation) {
    throw new Error(`No GET ${path} in the spec`);
  }
  return operation.parameters.map(p => {
    const parameter = p.$ref
      ? spec.components.parameters[p.$ref.split('/').pop()!]
      : (p as Parameter);
    return parameter;
  });
}

describe('the search vocabulary', () => {
  it('lists every filter once, list filters before value filters', () => {
    expect(new Set(SEARCH_FILTERS).size).toBe(SEARCH_FILTERS.length);
    expect(SEARCH_FILTERS).toEqual([
      ...SEARCH_LIST_FILTERS,
      ...SEARCH_VALUE_FILTERS,
    ]);
  });

  it('types the filters of a search query as lists and single values', () => {
    const query: SearchQuery = {
      failing: ['delivery.rollback'],
      owner: ['group:default/payments'],
      levelAtMost: 'silver',
      text: 'pay',
      sort: 'gaps',
      order: 'desc',
    };
    expect(SEARCH_LIST_FILTERS.filter(f => query[f])).toEqual([
      'failing',
      'owner',
    ]);
    expect(SEARCH_VALUE_FILTERS.filter(f => query[f])).toEqual([
      'levelAtMost',
      'text',
    ]);
  });

  it.each(['/search', '/export'])(
    'names the filters of GET %s in the OpenAPI spec',
    path => {
      const params = queryParameters(path);
      const filters = params
        .filter(p => p.in === 'query')
        .map(p => p.name)
        .filter(name => (SEARCH_FILTERS as readonly string[]).includes(name));
      expect(filters).toEqual([...SEARCH_FILTERS]);
      for (const name of SEARCH_LIST_FILTERS) {
        expect(params.find(p => p.name === name)?.schema?.type).toBe('array');
      }
      for (const name of SEARCH_VALUE_FILTERS) {
        expect(params.find(p => p.name === name)?.schema?.type).toBe('string');
      }
      expect(params.find(p => p.name === 'sort')?.schema?.enum).toEqual([
        ...SEARCH_SORTS,
      ]);
      expect(params.find(p => p.name === 'order')?.schema?.enum).toEqual([
        ...SEARCH_ORDERS,
      ]);
    },
  );

  it('has no other query parameter on GET /search than filters, sort and paging', () => {
    const others = queryParameters('/search')
      .map(p => p.name)
      .filter(name => !(SEARCH_FILTERS as readonly string[]).includes(name));
    expect(others.sort()).toEqual(
      ['cursor', 'include', 'limit', 'order', 'sort'].sort(),
    );
  });

  it('writes exactly the query parameters of GET /search', () => {
    expect([...SEARCH_QUERY_KEYS].sort()).toEqual(
      queryParameters('/search')
        .map(p => p.name)
        .sort(),
    );
  });

  it('exports every field of an entity summary, then the checks blocking the target and the owner contacts, as CSV columns', () => {
    const properties = Object.keys(
      spec.components.schemas.EntitySummary.properties,
    );
    expect(EXPORT_CSV_COLUMNS).toEqual([
      ...properties,
      'targetBlockingCheckIds',
      'ownerContacts',
    ]);
    const summary: Required<EntitySummary> = {
      entityRef: 'component:default/a',
      kind: 'Component',
      namespace: 'default',
      name: 'a',
      title: 'A',
      type: 'service',
      lifecycle: 'production',
      owner: 'group:default/t',
      system: 'system:default/s',
      domain: 'domain:default/d',
      tier: 'tier-1',
      score: 50,
      level: 'bronze',
      nextLevel: 'silver',
      target: 'gold',
      levelsToTarget: 2,
      gaps: 1,
      evaluatedAt: '2026-01-01T00:00:00.000Z',
      failingCheckIds: ['x.y'],
      declaredOnlyCheckIds: ['z.w'],
    };
    expect([...EXPORT_CSV_COLUMNS].sort()).toEqual(
      [
        ...Object.keys(summary),
        'targetBlockingCheckIds',
        'ownerContacts',
      ].sort(),
    );
  });

  it('lists the evidence kinds of the OpenAPI spec', () => {
    expect(spec.components.schemas.Evidence.properties.kind.enum).toEqual([
      ...EVIDENCE_KINDS,
    ]);
  });
});
