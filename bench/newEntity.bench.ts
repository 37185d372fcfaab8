/*
 * New-entity benchmark (issue 13): the time from a new entity in the
 * catalog file to its scorecard in the readiness API, through the real
 * catalog and the delta pass (every 5 s), with no full rescore, at
 * BENCH_ENTITIES entities (default 10,000; `--entities 1000`).
 *
 *   npm run bench -- newEntity --entities 1000
 *
 * Starts the stack of bench/stackHarness.ts (a real backend over a synthetic
 * catalog in a `file` location), waits until every entity of a scored kind
 * has a score (the delta pass and the start-up run do that; no rescore is
 * asked for), then 10 times: appends a new component to the catalog file,
 * refreshes the location (the catalog's own schedule is an hour in the
 * stack), and polls the catalog and the readiness API every 250 ms until the
 * scorecard is there; then 10 times registers a new component's own
 * catalog-info.yaml (served on BENCH_STACK_PORT + 1) as a team would, timed
 * the same way. Each addition waits a random 0–5 s first, so that it
 * lands at a random moment of the delta pass's 5 s cycle. The catalog's part
 * (file re-read, processing, stitching) is reported separately.
 * bench/freshness.bench.ts measures the delta pass alone, in one process.
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { stringify } from 'yaml';
import type { Entity } from '@backstage/catalog-model';
import type { BenchRow } from './run';
import {
  percentile,
  PORT,
  startStack,
  waitFor,
  writeCatalog,
} from './stackHarness';

const SAMPLES = 10;
const SCORED_KINDS = new Set(['Component', 'API', 'Resource', 'System']);

function sleep(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms));
}

function newComponent(name: string, owner: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      links: [
        {
          url: 'https://runbooks.example.com/new',
          title: 'Runbook',
          type: 'runbook',
        },
      ],
    },
    spec: { type: 'service', lifecycle: 'production', owner },
  };
}

/** The rows of one way of adding entities: catalog, end to end, readiness' share. */
function sampleRows(
  what: string,
  size: number,
  samples: Array<{ total: number; catalog: number }>,
  how: string,
): BenchRow[] {
  const sortedCard = samples.map(s => s.total).sort((a, b) => a - b);
  const sortedCatalog = samples.map(s => s.catalog).sort((a, b) => a - b);
  // Readiness' own share: from the catalog showing it to the scorecard.
  const sortedOwn = samples.map(s => s.total - s.catalog).sort((a, b) => a - b);
  return [
    {
      benchmark: `${what} → catalog shows it`,
      entities: size,
      p50Ms: percentile(sortedCatalog, 50),
      p95Ms: percentile(sortedCatalog, 95),
      note: `${how}; ${samples.length} samples`,
    },
    {
      benchmark: `${what} → scorecard (delta pass, no rescore)`,
      entities: size,
      p50Ms: percentile(sortedCard, 50),
      p95Ms: percentile(sortedCard, 95),
      note: `p95 ${(percentile(sortedCard, 95) / 1000).toFixed(
        1,
      )} s (target ≤ 10 s); max ${(
        sortedCard[sortedCard.length - 1] / 1000
      ).toFixed(1)} s`,
    },
    {
      benchmark: `${what}: catalog shows it → scorecard (delta pass)`,
      entities: size,
      p50Ms: percentile(sortedOwn, 50),
      p95Ms: percentile(sortedOwn, 95),
      note: 'the delta pass runs every 5 s: at most one interval plus scoring',
    },
  ];
}

/** Runs the benchmark. */
export async function run(): Promise<BenchRow[]> {
  const stack = await startStack('new-entity');
  const { size, label, client, entities, catalogFile, log } = stack;
  const rows: BenchRow[] = [...stack.rows];
  try {
    const knex = stack.readinessKnex();
    const scoredKinds = entities.filter(e => SCORED_KINDS.has(e.kind)).length;
    const scoringStart = performance.now();
    await waitFor(
      'every entity of a scored kind to have a score',
      30 * 60_000,
      async () => {
        const n = Number((await knex('entity_scores').count({ n: '*' }))[0].n);
        return n >= scoredKinds ? n : undefined;
      },
      1000,
    );
    const runs = Number((await knex('runs').count({ n: '*' }))[0].n);
    rows.push({
      benchmark: `${label}: catalog ingested → every entity scored`,
      entities: scoredKinds,
      seconds: (performance.now() - scoringStart) / 1000,
      note: `delta pass and the start-up run; ${runs} run rows, no rescore asked for`,
    });

    const locations = await client.request<{ items: Entity[] }>(
      'GET',
      '/api/catalog/entities/by-query?filter=kind=location&limit=10',
    );
    const location = locations.body.items.find(l =>
      String(l.spec?.target ?? '').includes(catalogFile),
    );
    if (!location) throw new Error(`no location for ${catalogFile}`);
    const locationRef = `location:${location.metadata.namespace ?? 'default'}/${
      location.metadata.name
    }`;
    const owner =
      entities.find(e => e.kind === 'Group')?.metadata.name ?? 'unknown';

    /** Times one new entity from `add()` to the catalog and to its scorecard. */
    const timeOne = async (name: string, add: () => Promise<void>) => {
      const start = performance.now();
      await add();
      let catalogMs: number | undefined;
      await waitFor(
        `the scorecard of ${name}`,
        5 * 60_000,
        async () => {
          if (catalogMs === undefined) {
            const seen = await client.request(
              'GET',
              `/api/catalog/entities/by-name/component/default/${name}`,
            );
            if (seen.status === 200) catalogMs = performance.now() - start;
          }
          const card = await client.request(
            'GET',
            `/api/readiness/entities/component/default/${name}`,
          );
          return card.status === 200 ? true : undefined;
        },
        250,
      );
      const total = performance.now() - start;
      log(
        `${name}: catalog ${((catalogMs ?? total) / 1000).toFixed(
          1,
        )} s, scorecard ${(total / 1000).toFixed(1)} s`,
      );
      return { total, catalog: catalogMs ?? total };
    };

    // 1. Appended to the big catalog file, its location refreshed: the
    //    catalog re-reads and reprocesses all of its entities.
    const appended: Array<{ total: number; catalog: number }> = [];
    for (let i = 0; i < SAMPLES; i++) {
      await sleep(Math.random() * 5000);
      const name = `fresh-${Date.now().toString(36)}-${i}`;
      entities.push(newComponent(name, owner));
      appended.push(
        await timeOne(name, async () => {
          writeCatalog(catalogFile, entities);
          await client.request('POST', '/api/catalog/refresh', {
            entityRef: locationRef,
          });
        }),
      );
    }
    rows.push(
      ...sampleRows(
        `${label}: appended to the catalog file`,
        size,
        appended,
        'file written and its location refreshed',
      ),
    );

    // 2. Its own catalog-info.yaml registered (served over HTTP: the catalog
    //    registers url locations only), as a team adds a component.
    const files = new Map<string, string>();
    const server = http.createServer((req, res) => {
      const body = files.get(req.url ?? '');
      res.writeHead(body ? 200 : 404, { 'Content-Type': 'text/yaml' });
      res.end(body ?? '');
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(PORT + 1, '127.0.0.1', () => resolve());
    });
    const registered: Array<{ total: number; catalog: number }> = [];
    try {
      for (let i = 0; i < SAMPLES; i++) {
        await sleep(Math.random() * 5000);
        const name = `registered-${Date.now().toString(36)}-${i}`;
        files.set(
          `/${name}/catalog-info.yaml`,
          stringify(newComponent(name, owner)),
        );
        registered.push(
          await timeOne(name, async () => {
            const answer = await client.request(
              'POST',
              '/api/catalog/locations',
              {
                type: 'url',
                target: `http://127.0.0.1:${
                  PORT + 1
                }/${name}/catalog-info.yaml`,
              },
            );
            if (answer.status !== 201) {
              throw new Error(
                `registering ${name}: ${answer.status} ${JSON.stringify(
                  answer.body,
                )}`,
              );
            }
          }),
        );
      }
    } finally {
      await new Promise(resolve => server.close(resolve));
    }
    rows.push(
      ...sampleRows(
        `${label}: registered as its own location`,
        size,
        registered,
        'POST /api/catalog/locations with a one-entity catalog-info.yaml',
      ),
    );
  } catch (error) {
    rows.push({
      benchmark: `${label}: failed`,
      note: String((error as Error)?.stack ?? error),
    });
  } finally {
    await stack.close();
  }
  return rows;
}
