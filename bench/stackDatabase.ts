/*
 * Where a benchmark stack keeps its data (a fresh SQLite directory or a
 * PostgreSQL database of its own) and the app-config it starts with.
 */
import fs from 'node:fs';
import path from 'node:path';
import knexFactory, { type Knex } from 'knex';
import { stringify } from 'yaml';
import type { KeptCatalog } from './keptCatalog';

export interface DatabaseSetup {
  label: string;
  /** `backend.database` config. */
  config: Record<string, unknown>;
  /** A knex client on the readiness plugin's database (after startup). */
  readinessKnex(): Knex;
  /** True when the catalog's database was kept from an earlier run. */
  catalogReused(): Promise<boolean>;
  /** Drops what this run created; a kept catalog stays. */
  cleanUp(): Promise<void>;
}

export function sqliteSetup(dir: string, kept?: KeptCatalog): DatabaseSetup {
  const directory = path.join(dir, 'sqlite');
  let knex: Knex | undefined;
  return {
    label: 'sqlite',
    config: {
      client: 'better-sqlite3',
      connection: { directory },
      // The catalog's own database in memory: on a SQLite file its
      // ingestion of 10,000 entities takes over an hour on a busy 2-core
      // machine. Readiness keeps its SQLite file. A kept catalog
      // (BENCH_KEEP_CATALOG) is a file in its own directory.
      plugin: kept
        ? { catalog: { connection: { directory: kept.dir } } }
        : process.env.BENCH_CATALOG_SQLITE_FILE === 'true'
        ? {}
        : { catalog: { connection: ':memory:' } },
    },
    async catalogReused() {
      return (
        kept !== undefined &&
        fs.existsSync(path.join(kept.dir, 'catalog.sqlite'))
      );
    },
    readinessKnex() {
      knex ??= knexFactory({
        client: 'better-sqlite3',
        connection: { filename: path.join(directory, 'readiness.sqlite') },
        useNullAsDefault: true,
      });
      return knex;
    },
    async cleanUp() {
      await knex?.destroy();
    },
  };
}

export function postgresSetup(
  connectionString: string,
  kept?: KeptCatalog,
): DatabaseSetup {
  const url = new URL(connectionString);
  const prefix = `perf_stack_${Date.now()}_`;
  let knex: Knex | undefined;
  // Asked before the backend starts (it creates the database).
  let reused: Promise<boolean> | undefined;
  const catalogReused = () => {
    reused ??= (async () => {
      if (!kept) {
        return false;
      }
      const admin = knexFactory({ client: 'pg', connection: connectionString });
      try {
        const { rows } = await admin.raw(
          'select 1 from pg_database where datname = ?',
          [kept.pgDatabase],
        );
        return rows.length > 0;
      } finally {
        await admin.destroy();
      }
    })();
    return reused;
  };
  return {
    label: 'postgres',
    config: {
      client: 'pg',
      prefix,
      connection: {
        host: url.hostname,
        port: Number(url.port || 5432),
        user: decodeURIComponent(url.username || 'postgres'),
        password: decodeURIComponent(url.password) || undefined,
      },
      ...(kept
        ? { plugin: { catalog: { connection: { database: kept.pgDatabase } } } }
        : {}),
    },
    catalogReused,
    readinessKnex() {
      const own = new URL(connectionString);
      own.pathname = `/${prefix}readiness`;
      knex ??= knexFactory({ client: 'pg', connection: own.toString() });
      return knex;
    },
    async cleanUp() {
      await knex?.destroy();
      const admin = knexFactory({ client: 'pg', connection: connectionString });
      try {
        const { rows } = await admin.raw(
          'select datname from pg_database where datname like ?',
          [`${prefix}%`],
        );
        for (const { datname } of rows as Array<{ datname: string }>) {
          await admin.raw(`drop database if exists "${datname}" with (force)`);
        }
      } finally {
        await admin.destroy();
      }
    },
  };
}

export function writeConfig(
  file: string,
  catalogFile: string,
  database: Record<string, unknown>,
  port: number,
): void {
  const config = {
    app: { baseUrl: `http://127.0.0.1:${port}` },
    backend: {
      baseUrl: `http://127.0.0.1:${port}`,
      listen: { port, host: '127.0.0.1' },
      database,
      // newEntity.bench.ts serves single-entity catalog files on the next
      // port and registers them, as a team registering a component does.
      reading: { allow: [{ host: `127.0.0.1:${port + 1}` }] },
    },
    auth: {
      environment: 'production',
      providers: { guest: { dangerouslyAllowOutsideDevelopment: true } },
    },
    permission: { enabled: true },
    catalog: {
      // The catalog reprocesses every entity this often (production default
      // 100–150 s). At 10,000 entities on 2 shared cores that reprocessing
      // never finishes, and each pass re-parses the whole YAML file in one
      // blocking step (seconds at 50,000): it would measure the catalog, not
      // readiness. Ingestion is unaffected (new entities are processed at
      // once); the catalog-change step refreshes the location explicitly.
      processingInterval: {
        minutes: Number(process.env.BENCH_CATALOG_PROCESSING_MINUTES ?? 60),
      },
      rules: [
        {
          allow: [
            'Component',
            'System',
            'API',
            'Resource',
            'Location',
            'Group',
            'User',
            'Domain',
          ],
        },
      ],
      locations: [{ type: 'file', target: catalogFile }],
    },
    readiness: {
      // Rescores only when the benchmark asks.
      schedule: {
        frequency: { hours: 24 },
        timeout: { minutes: 30 },
        // The scheduler polls for triggers only after the initial delay: a
        // short one, the first run sees an empty catalog.
        initialDelay: { seconds: 1 },
      },
      scoring: { maxSettleRuns: 0 },
    },
  };
  fs.writeFileSync(file, stringify(config));
}
