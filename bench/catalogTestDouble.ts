/*
 * A test double of the Backstage catalog REST API, served over HTTP on
 * loopback, for benchmarks that need a 10,000-entity catalog without waiting
 * minutes for the real catalog to ingest it.
 *
 * It answers the routes `@backstage/catalog-client`'s CatalogClient uses for
 * reading: `GET /entities/by-query` (filter sets, fields, limit, offset,
 * cursor, totalItems), `GET /entities/by-name/:kind/:namespace/:name`,
 * `POST /entities/by-refs` and `GET /entities`. Filters follow the catalog's
 * semantics: filter sets are alternatives; within a set, conditions on
 * different keys all apply and values of one key are alternatives; keys are
 * simplified JSON paths (descending arrays), `relations.<type>=<ref>` matches
 * relations (derived from the spec like the catalog's built-in processor
 * does), and comparisons are case-insensitive. Not supported: ordering,
 * full-text filters, predicate queries (the readiness backend uses none).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  parseEntityRef,
  stringifyEntityRef,
  type Entity,
  type EntityRelation,
} from '@backstage/catalog-model';

type FilterSet = Map<string, Array<string | undefined>>;

interface Cursor {
  filter: string[];
  offset: number;
}

function lower(value: unknown): string {
  return String(value).toLocaleLowerCase('en-US');
}

/** The values at a simplified JSON path, descending arrays. */
function valuesAt(root: unknown, parts: string[]): unknown[] {
  if (parts.length === 0) {
    return [root];
  }
  if (Array.isArray(root)) {
    return root.flatMap(item => valuesAt(item, parts));
  }
  if (!root || typeof root !== 'object') {
    return [];
  }
  const record = root as Record<string, unknown>;
  // Keys may contain dots (annotations): try the longest key first.
  for (let n = parts.length; n >= 1; n--) {
    const key = parts.slice(0, n).join('.');
    const match = Object.keys(record).find(k => lower(k) === key);
    if (match !== undefined) {
      return valuesAt(record[match], parts.slice(n));
    }
  }
  return [];
}

function matchesCondition(
  entity: Entity,
  key: string,
  value: string | undefined,
): boolean {
  if (key.startsWith('relations.')) {
    const type = key.slice('relations.'.length);
    return (entity.relations ?? []).some(
      r =>
        lower(r.type) === type &&
        (value === undefined || lower(r.targetRef) === value),
    );
  }
  const found = valuesAt(entity, key.split('.'));
  if (value === undefined) {
    return found.length > 0;
  }
  return found.some(v =>
    v !== null && typeof v === 'object' ? false : lower(v) === value,
  );
}

function parseFilterSet(text: string): FilterSet {
  const set: FilterSet = new Map();
  for (const part of text.split(',')) {
    const eq = part.indexOf('=');
    const key = lower(eq === -1 ? part : part.slice(0, eq)).trim();
    const value = eq === -1 ? undefined : lower(part.slice(eq + 1)).trim();
    if (!key) continue;
    const values = set.get(key) ?? [];
    values.push(value);
    set.set(key, values);
  }
  return set;
}

function matchesSet(entity: Entity, set: FilterSet): boolean {
  for (const [key, values] of set) {
    if (!values.some(value => matchesCondition(entity, key, value))) {
      return false;
    }
  }
  return true;
}

function pick(entity: Entity, fields: string[]): unknown {
  if (fields.length === 0) {
    return entity;
  }
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    const parts = field.split('.');
    let source: unknown = entity;
    let target = out;
    for (let i = 0; i < parts.length; i++) {
      if (!source || typeof source !== 'object') break;
      const value = (source as Record<string, unknown>)[parts[i]];
      if (value === undefined) break;
      if (i === parts.length - 1) {
        target[parts[i]] = value;
      } else {
        target[parts[i]] = (target[parts[i]] as Record<string, unknown>) ?? {};
        target = target[parts[i]] as Record<string, unknown>;
        source = value;
      }
    }
  }
  return out;
}

function refList(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string')
    : [];
}

/**
 * Adds the relations the catalog's built-in processor derives from the spec
 * (ownedBy/ownerOf, partOf/hasPart, memberOf/hasMember, childOf/parentOf),
 * as the real catalog serves them.
 */
function withRelations(entities: Entity[]): Entity[] {
  const relations = new Map<string, EntityRelation[]>();
  const add = (source: string, type: string, target: string) => {
    const list = relations.get(source) ?? [];
    if (!list.some(r => r.type === type && r.targetRef === target)) {
      list.push({ type, targetRef: target });
    }
    relations.set(source, list);
  };
  const pair = (
    entity: Entity,
    value: unknown,
    defaultKind: string,
    type: string,
    reverse: string,
  ) => {
    const self = stringifyEntityRef(entity);
    for (const text of refList(value)) {
      try {
        const target = stringifyEntityRef(
          parseEntityRef(text, {
            defaultKind,
            defaultNamespace: entity.metadata.namespace ?? 'default',
          }),
        );
        add(self, type, target);
        add(target, reverse, self);
      } catch {
        // Invalid refs make no relation, as in the catalog.
      }
    }
  };
  for (const entity of entities) {
    const spec = (entity.spec ?? {}) as Record<string, unknown>;
    const kind = lower(entity.kind);
    pair(entity, spec.owner, 'group', 'ownedBy', 'ownerOf');
    pair(entity, spec.system, 'system', 'partOf', 'hasPart');
    if (kind === 'system') {
      pair(entity, spec.domain, 'domain', 'partOf', 'hasPart');
    }
    if (kind === 'user') {
      pair(entity, spec.memberOf, 'group', 'memberOf', 'hasMember');
    }
    if (kind === 'group') {
      pair(entity, spec.parent, 'group', 'childOf', 'parentOf');
      pair(entity, spec.members, 'user', 'hasMember', 'memberOf');
    }
  }
  return entities.map(entity => ({
    ...entity,
    relations:
      entity.relations ?? relations.get(stringifyEntityRef(entity)) ?? [],
  }));
}

/** A running catalog double. */
export interface CatalogTestDouble {
  /** Base URL of the catalog API, e.g. `http://127.0.0.1:1234/api/catalog`. */
  baseUrl: string;
  /** Requests served so far, by route. */
  requests: Record<string, number>;
  close(): Promise<void>;
}

/** Starts a catalog double serving `entities` on a free loopback port. */
export async function startCatalogTestDouble(
  input: Entity[],
): Promise<CatalogTestDouble> {
  const entities = withRelations(input);
  const byRef = new Map(entities.map(e => [lower(stringifyEntityRef(e)), e]));
  const requests: Record<string, number> = {};

  const select = (filters: string[]): Entity[] => {
    if (filters.length === 0) {
      return entities;
    }
    const sets = filters.map(parseFilterSet);
    // Fast path: filters on kind only.
    if (sets.every(s => s.size === 1 && s.has('kind'))) {
      const kinds = new Set(sets.flatMap(s => s.get('kind') ?? []));
      return entities.filter(e => kinds.has(lower(e.kind)));
    }
    return entities.filter(e => sets.some(s => matchesSet(e, s)));
  };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname.replace(/^\/api\/catalog/, '');
    const send = (status: number, body: unknown) => {
      const text = JSON.stringify(body);
      res.writeHead(status, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(text),
      });
      res.end(text);
    };
    const list = (name: string) =>
      url.searchParams
        .getAll(name)
        .flatMap(v => v.split(','))
        .filter(Boolean);
    const count = (route: string) => {
      requests[route] = (requests[route] ?? 0) + 1;
    };

    if (req.method === 'GET' && path === '/entities/by-query') {
      count('by-query');
      const fields = list('fields');
      const limit = Number(url.searchParams.get('limit') ?? 10_000);
      let cursor: Cursor;
      const rawCursor = url.searchParams.get('cursor');
      if (rawCursor) {
        cursor = JSON.parse(Buffer.from(rawCursor, 'base64').toString('utf8'));
      } else {
        cursor = {
          filter: url.searchParams.getAll('filter'),
          offset: Number(url.searchParams.get('offset') ?? 0),
        };
      }
      const matches = select(cursor.filter);
      const items = matches.slice(cursor.offset, cursor.offset + limit);
      const nextOffset = cursor.offset + items.length;
      send(200, {
        items: items.map(e => pick(e, fields)),
        totalItems: matches.length,
        pageInfo:
          nextOffset < matches.length
            ? {
                nextCursor: Buffer.from(
                  JSON.stringify({ filter: cursor.filter, offset: nextOffset }),
                ).toString('base64'),
              }
            : {},
      });
      return;
    }
    const byName = /^\/entities\/by-name\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(
      path,
    );
    if (req.method === 'GET' && byName) {
      count('by-name');
      const [kind, namespace, name] = byName.slice(1).map(decodeURIComponent);
      const entity = byRef.get(lower(`${kind}:${namespace}/${name}`));
      if (entity) {
        send(200, entity);
      } else {
        send(404, {
          error: { name: 'NotFoundError', message: 'not found' },
          response: { statusCode: 404 },
        });
      }
      return;
    }
    if (req.method === 'POST' && path === '/entities/by-refs') {
      count('by-refs');
      let body = '';
      req.on('data', chunk => {
        body += chunk;
      });
      req.on('end', () => {
        const parsed = JSON.parse(body || '{}') as {
          entityRefs?: string[];
          fields?: string[];
        };
        const fields = parsed.fields ?? [];
        send(200, {
          items: (parsed.entityRefs ?? []).map(ref => {
            const entity = byRef.get(lower(ref));
            return entity ? pick(entity, fields) : null;
          }),
        });
      });
      return;
    }
    if (req.method === 'GET' && path === '/entities') {
      count('entities');
      const fields = list('fields');
      const offset = Number(url.searchParams.get('offset') ?? 0);
      const limit = Number(url.searchParams.get('limit') ?? 1_000_000);
      const matches = select(url.searchParams.getAll('filter'));
      send(
        200,
        matches.slice(offset, offset + limit).map(e => pick(e, fields)),
      );
      return;
    }
    count('unsupported');
    send(404, {
      error: { name: 'NotFoundError', message: `${req.method} ${path}` },
      response: { statusCode: 404 },
    });
  });
  // Keep-alive, like a real backend behind a connection pool.
  server.keepAliveTimeout = 30_000;
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/api/catalog`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections?.();
        server.close(error => (error ? reject(error) : resolve()));
      }),
  };
}
