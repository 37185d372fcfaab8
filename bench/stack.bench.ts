/*
 * Stack benchmark: a real Backstage backend (real catalog backend, guest
 * sign-in, allow-all permissions, the readiness plugin) over a generated
 * catalog, measured over HTTP from outside its process.
 *
 *   npm run bench -- stack                     10,000 entities, SQLite file
 *   npm run bench -- stack --entities 50000    50,000 entities
 *   BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING=postgresql://postgres@127.0.0.1:5432 \
 *     npm run bench -- stack                   on PostgreSQL (fresh databases, dropped after)
 *
 * On SQLite the catalog's database is in memory (BENCH_CATALOG_SQLITE_FILE=true
 * puts it in a file too: its ingestion then takes over an hour at 10,000
 * entities on a busy 2-core machine); readiness uses a SQLite file.
 *
 * Steps: write the synthetic catalog (bench/syntheticCatalog.ts) as YAML into
 * a temporary directory and register it as a `file` location; start
 * bench/stackBackend.ts in a child process with NODE_ENV=production on port
 * BENCH_STACK_PORT (default 7150); wait until the catalog has ingested every
 * entity; start a full rescore through `POST /runs` and wait for it (its
 * server-side run time is reported); run a second rescore with nothing
 * changed (history rows it wrote must be 0); then load each route people use
 * with autocannon at 1 and at 20 connections (BENCH_SECONDS each, default 10,
 * after a 2 s warm-up): one entity's scorecard over every scored component
 * name in turn, search, roll-ups, trend, champions and the CSV export. Last,
 * a catalog change: a runbook link is added to one failing component in the
 * YAML, the location refreshed, and the times until the catalog shows it and
 * until its refreshed scorecard passes are reported. The backend's RSS (now
 * and peak, from /proc) is reported after each phase. BENCH_PHASES=rescore
 * stops after the two rescores (for profiling a run).
 *
 * Rows are printed by bench/run.ts; the full result is also written to
 * bench/out/stack-<database>-<entities>.json (git-ignored).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Entity } from '@backstage/catalog-model';
import { mixedLoad } from './load.bench';
import type { BenchRow } from './run';
import {
  cpuMsOf,
  GAP_CHECK,
  load,
  type LoadRequest,
  settled,
  measureAlone,
  percentile,
  rescore,
  rssOf,
  SECONDS,
  shuffle,
  startStack,
  waitFor,
  WARM_UP_SECONDS,
  writeCatalog,
} from './stackHarness';

/** Runs the stack benchmark. */
export async function run(): Promise<BenchRow[]> {
  const stack = await startStack('stack');
  const { size, label, client, pid, entities, catalogFile, log } = stack;
  const rows: BenchRow[] = [...stack.rows];
  // Each row with the machine's load when it was measured.
  const push = (row: BenchRow) =>
    rows.push({ ...row, loadAverage: os.loadavg()[0] });
  const rss: Record<string, number> = {};
  const memory = (phase: string) => {
    const { rssMb, peakMb } = rssOf(pid);
    rss[phase] = rssMb;
    push({
      benchmark: `${label}: backend RSS ${phase}`,
      entities: size,
      rssMb,
      note: `peak so far ${peakMb.toFixed(0)} MB`,
    });
  };
  const release = await measureAlone(log);
  const result: Record<string, unknown> = {
    entities: size,
    database: stack.databaseLabel,
    seconds: SECONDS,
  };

  try {
    memory('after ingestion');
    log('full rescore');

    const first = await rescore(client, pid);
    push({
      benchmark: `${label}: full rescore`,
      entities: first.run.entitiesDone,
      seconds: first.seconds,
      entitiesPerSecond: first.run.entitiesDone / first.seconds,
      note: `server-side run time; ${first.wallSeconds.toFixed(
        1,
      )} s from POST /runs to seeing it finished`,
    });
    memory('after the first rescore');

    const knex = stack.readinessKnex();
    const historyCount = async () =>
      Number((await knex('check_history').count({ n: '*' }))[0].n);
    const historyBefore = await historyCount();
    const second = await rescore(client, pid);
    const historyWritten = (await historyCount()) - historyBefore;
    push({
      benchmark: `${label}: no-change rescore`,
      entities: second.run.entitiesDone,
      seconds: second.seconds,
      entitiesPerSecond: second.run.entitiesDone / second.seconds,
      note: `history rows written: ${historyWritten} (must be 0)`,
    });
    if (process.env.BENCH_PHASES === 'rescore') {
      // Only the two rescores (profiling a run): skip the routes.
      log('rescores done; BENCH_PHASES=rescore, stopping');
      memory('at the end');
      return rows;
    }
    log('rescores done; loading routes');

    const scored = await knex('entity_scores')
      .select('kind', 'namespace', 'name')
      .where('kind', 'Component');
    const scorecardPaths = shuffle(
      scored.map(
        (r: { kind: string; namespace: string; name: string }) =>
          `/api/readiness/entities/${r.kind.toLowerCase()}/${
            r.namespace
          }/${encodeURIComponent(r.name)}`,
      ),
    );
    const owners: string[] = (
      await knex('entity_scores')
        .distinct('owner')
        .whereNot('owner', '')
        .orderBy('owner')
        .limit(200)
    ).map((r: { owner: string }) => r.owner);
    const catalogGroups = new Set(
      entities
        .filter(e => e.kind === 'Group')
        .map(
          e => `group:${e.metadata.namespace ?? 'default'}/${e.metadata.name}`,
        ),
    );
    // Owners that are groups of the catalog, from every owner (the first 200
    // owners by name may all be owners the generated catalog does not
    // define: those answer 404 on the group roll-up route).
    const owningGroups = (
      await knex('entity_scores').distinct('owner').orderBy('owner')
    )
      .map((r: { owner: string }) => r.owner)
      .filter(o => catalogGroups.has(o))
      .slice(0, 200);
    const routes: Array<{ name: string; paths: Array<string | LoadRequest> }> =
      [
        {
          name: `GET /entities/component/default/{name} (${scorecardPaths.length} names)`,
          paths: scorecardPaths,
        },
        {
          name: `GET /search?failing=${GAP_CHECK}&limit=25`,
          paths: [`/api/readiness/search?failing=${GAP_CHECK}&limit=25`],
        },
        {
          name: 'GET /rollups?groupBy=owner',
          paths: ['/api/readiness/rollups?groupBy=owner'],
        },
        { name: 'GET /trend?days=90', paths: ['/api/readiness/trend?days=90'] },
        {
          name: 'GET /champions',
          paths: ['/api/readiness/champions'],
        },
        {
          name: 'GET /export?format=csv',
          paths: ['/api/readiness/export?format=csv'],
        },
        {
          name: 'GET /export?format=json',
          paths: ['/api/readiness/export?format=json'],
        },
        {
          name: `GET /search?owner=…&limit=25 (${owners.length} owners)`,
          paths: owners.map(
            o =>
              `/api/readiness/search?owner=${encodeURIComponent(o)}&limit=25`,
          ),
        },
        {
          name: `GET /rollups/group/{namespace}/{name} (${owningGroups.length} owning groups)`,
          paths: owningGroups.flatMap(o => {
            const [, namespace, name] = /^group:([^/]+)\/(.+)$/.exec(o) ?? [];
            return name
              ? [
                  `/api/readiness/rollups/group/${namespace}/${encodeURIComponent(
                    name,
                  )}`,
                ]
              : [];
          }),
        },
        {
          name: 'GET /rollups?groupBy=system',
          paths: ['/api/readiness/rollups?groupBy=system'],
        },
        {
          name: `GET /trend?days=90&owner=… (${owners.length} owners)`,
          paths: owners.map(
            o => `/api/readiness/trend?days=90&owner=${encodeURIComponent(o)}`,
          ),
        },
        {
          name: 'POST /summaries (25 refs)',
          paths: Array.from({ length: 50 }, (_, i) => ({
            method: 'POST',
            path: '/api/readiness/summaries',
            body: JSON.stringify({
              entityRefs: scored
                .slice(i * 25, i * 25 + 25)
                .map(
                  (r: { kind: string; namespace: string; name: string }) =>
                    `${r.kind.toLowerCase()}:${r.namespace}/${r.name}`,
                ),
            }),
          })),
        },
        { name: 'GET /checks', paths: ['/api/readiness/checks'] },
        { name: 'GET /runs', paths: ['/api/readiness/runs'] },
        { name: 'GET /exemptions', paths: ['/api/readiness/exemptions'] },
      ];
    const routeResults: unknown[] = [];
    for (const route of routes) {
      const probe = route.paths[0];
      if (probe === undefined) {
        log(`${route.name}: skipped, nothing to ask for in this catalog`);
        continue;
      }
      const first =
        typeof probe === 'string'
          ? await client.request<string>('GET', probe)
          : await client.request<string>(
              probe.method,
              probe.path,
              JSON.parse(probe.body),
            );
      if (first.status !== 200) {
        throw new Error(
          `${route.name}: ${first.status} ${JSON.stringify(first.body)}`,
        );
      }
      const bytes = Buffer.byteLength(
        typeof first.body === 'string'
          ? first.body
          : JSON.stringify(first.body),
      );
      for (const connections of [1, 20]) {
        const common = {
          origin: client.origin,
          paths: route.paths,
          authorization: client.authorization,
          connections,
        };
        await load({ ...common, seconds: WARM_UP_SECONDS });
        const cpuBefore = cpuMsOf(pid);
        const measured = await load({ ...common, seconds: SECONDS });
        await settled(client);
        // Includes answering the requests still queued when the load ended.
        const cpuMsPerRequest =
          (cpuMsOf(pid) - cpuBefore) / Math.max(1, measured.requests);
        const rps = measured.requests / measured.seconds;
        const p50 = percentile(measured.latencies, 50);
        const p95 = percentile(measured.latencies, 95);
        const p99 = percentile(measured.latencies, 99);
        push({
          benchmark: `${label}: ${route.name} ×${connections}`,
          p50Ms: p50,
          p95Ms: p95,
          requestsPerSecond: rps,
          note: `${measured.requests} requests, ${
            measured.errors
          } errors, p99 ${p99.toFixed(1)} ms, ${(bytes / 1024).toFixed(
            0,
          )} KB per response, backend CPU ${cpuMsPerRequest.toFixed(
            2,
          )} ms per request`,
        });
        routeResults.push({
          route: route.name,
          connections,
          requests: measured.requests,
          errors: measured.errors,
          requestsPerSecond: rps,
          p50Ms: p50,
          p95Ms: p95,
          p99Ms: p99,
          bytes,
          cpuMsPerRequest,
        });
        log(
          `${route.name} ×${connections}: p50 ${p50} p95 ${p95} ${rps.toFixed(
            0,
          )}/s`,
        );
      }
    }
    result.routes = routeResults;
    memory('after the route load');
    log('mixed load');
    push(await mixedLoad(stack));

    // A catalog change reaching its scorecard, once the mixed load's
    // queued requests are answered.
    await settled(client);
    try {
      const failing = await knex('check_results as r')
        .join('entity_scores as s', 's.entity_ref', 'r.entity_ref')
        .select('s.kind', 's.namespace', 's.name')
        .where({
          'r.check_id': GAP_CHECK,
          'r.state': 'fail',
          's.kind': 'Component',
        })
        .first();
      if (failing) {
        const entity = entities.find(
          e => e.kind === 'Component' && e.metadata.name === failing.name,
        )!;
        entity.metadata.links = [
          ...(entity.metadata.links ?? []),
          {
            url: 'https://runbooks.example.com/bench',
            type: 'runbook',
            title: 'Runbook',
          },
        ];
        const locations = await client.request<{ items: Entity[] }>(
          'GET',
          '/api/catalog/entities/by-query?filter=kind=location&limit=10',
        );
        const location = locations.body.items.find(
          l =>
            String(l.spec?.target ?? '').includes(catalogFile) ||
            l.spec?.type === 'file',
        );
        const changeStart = performance.now();
        writeCatalog(catalogFile, entities);
        if (location) {
          await client.request('POST', '/api/catalog/refresh', {
            entityRef: `location:${location.metadata.namespace ?? 'default'}/${
              location.metadata.name
            }`,
          });
        }
        const ref = `component/${failing.namespace}/${encodeURIComponent(
          failing.name,
        )}`;
        await waitFor(
          'the catalog to show the change',
          10 * 60_000,
          async () => {
            const res = await client.request<Entity>(
              'GET',
              `/api/catalog/entities/by-name/${ref}`,
            );
            return res.body.metadata?.links?.some(l => l.type === 'runbook')
              ? true
              : undefined;
          },
          250,
        );
        const catalogSeconds = (performance.now() - changeStart) / 1000;
        const refreshStart = performance.now();
        const refreshed = await client.request<{
          results: Array<{ checkId: string; state: string }>;
        }>('POST', `/api/readiness/entities/${ref}/refresh`);
        const refreshMs = performance.now() - refreshStart;
        const state = refreshed.body.results?.find(
          r => r.checkId === GAP_CHECK,
        )?.state;
        push({
          benchmark: `${label}: catalog change → new scorecard`,
          seconds: catalogSeconds + refreshMs / 1000,
          note: `file changed and location refreshed → catalog shows it: ${catalogSeconds.toFixed(
            1,
          )} s; POST /entities/…/refresh: ${refreshMs.toFixed(
            0,
          )} ms; ${GAP_CHECK} now ${state}`,
        });
      }
    } catch (error) {
      push({
        benchmark: `${label}: catalog change → new scorecard`,
        note: `failed: ${String(error)}`,
      });
    }
    memory('at the end');
  } catch (error) {
    // Keep what was measured.
    push({
      benchmark: `${label}: failed`,
      note: String((error as Error)?.stack ?? error),
    });
  } finally {
    release();
    await stack.close();
  }

  if (process.env.BENCH_RSS_BASELINE === 'true') {
    // The same backend, catalog and configuration without readiness: the
    // difference is the plugin's share of the RSS.
    try {
      const baseline = await startStack('baseline', { withReadiness: false });
      try {
        const { rssMb, peakMb } = rssOf(baseline.pid);
        result.baselineRssMb = rssMb;
        push({
          benchmark: `${label}: backend RSS without readiness, after ingestion`,
          entities: size,
          rssMb,
          note: `peak so far ${peakMb.toFixed(0)} MB; readiness' share: ${(
            rss['after ingestion'] - rssMb
          ).toFixed(0)} MB after ingestion, ${(
            rss['at the end'] - rssMb
          ).toFixed(0)} MB at the end`,
        });
      } finally {
        await baseline.close();
      }
    } catch (error) {
      push({
        benchmark: `${label}: backend without readiness`,
        note: `failed: ${String(error)}`,
      });
    }
  }

  const outDir = path.join(__dirname, 'out');
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(
    path.join(outDir, `stack-${stack.databaseLabel}-${size}.json`),
    `${JSON.stringify(
      {
        at: new Date().toISOString(),
        node: process.version,
        load: os.loadavg(),
        ...result,
        rows,
      },
      null,
      2,
    )}\n`,
  );
  return rows;
}
