/* eslint-disable jest/no-export -- a helper that declares its callers'
   tests, one of them its own: the notice of which databases they ran on */
import type {
  BackendFeature,
  ServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  type TestDatabaseId,
} from '@backstage/backend-test-utils';
import type { RunInfo } from '@prodready/plugin-readiness-common';
import type { JsonObject } from '@backstage/types';
import type { Entity } from '@backstage/catalog-model';
import knexFactory, { type Knex } from 'knex';
import type { Server } from 'node:http';
import request from 'supertest';
import { readinessPlugin } from '../plugin';
import { createTestDatabases } from './createTestDatabases';

/**
 * One running instance of the readiness plugin, as one process of a
 * deployment with several replicas.
 *
 * @internal
 */
export interface ReadinessReplica {
  server: Server;
  /** `POST /runs` as a user; expects the 202 of a started (or running) run. */
  startRun(): Promise<RunInfo>;
  /** Stops the backend; later calls do nothing, so a test may kill it early. */
  stop(): Promise<void>;
}

/**
 * What differs between the replicas of the replica tests.
 *
 * @internal
 */
export interface ReadinessReplicaOptions {
  /** This replica's own connection pool to the shared database. */
  knex: Knex;
  /** The catalog double this replica reads. */
  catalog: ServiceFactory;
  /** The scheduler: the mock one, or the real one for its global task lock. */
  scheduler: ServiceFactory;
  /** The `readiness.*` config. */
  readiness: JsonObject;
  /** More features, e.g. a fact provider module. */
  features?: BackendFeature[];
}

/**
 * What {@link describeReplicas} gives its tests. Everything it creates is
 * stopped or closed after each test, newest first (replicas before the
 * connection pools they use).
 *
 * @internal
 */
export interface ReplicaTestContext {
  /** A fresh database for this test, and the first pool to it. */
  createDatabase(): Promise<Knex>;
  /** Another connection pool to the same database, as another process has. */
  connectAgain(knex: Knex, maxConnections?: number): Knex;
  /** Starts a replica on its own pool of the shared database. */
  startReplica(options: ReadinessReplicaOptions): Promise<ReadinessReplica>;
  /** Runs `cleanup` after the test, before what was created earlier. */
  onCleanup(cleanup: () => Promise<void>): void;
}

const userAuth = mockCredentials.user.header('user:default/jane');

/**
 * The catalog of the replica tests: the group `team-a` and `count`
 * production services it owns (`svc-000`, `svc-001`, …); those for which
 * `withRunbook(i)` holds have a runbook link, so changing the predicate
 * changes results and writes history.
 *
 * @internal
 */
export function replicaTestEntities(
  count: number,
  withRunbook: (i: number) => boolean,
): Entity[] {
  return [
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'team-a', namespace: 'default' },
      spec: { type: 'team', children: [] },
    },
    ...Array.from(
      { length: count },
      (_, i): Entity => ({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: `svc-${String(i).padStart(3, '0')}`,
          namespace: 'default',
          ...(withRunbook(i)
            ? {
                links: [
                  {
                    url: `https://wiki.example.com/runbooks/svc-${i}`,
                    title: 'Runbook',
                    type: 'runbook',
                  },
                ],
              }
            : {}),
        },
        spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
      }),
    ),
  ];
}

/**
 * Declares tests of several readiness replicas sharing one PostgreSQL
 * database, once per PostgreSQL test database. PostgreSQL only: replicas
 * need real concurrent connections (and some tests `pg_terminate_backend`).
 * Without `BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING` only one
 * test runs, and its title says why the others did not.
 *
 * @internal
 */
export function describeReplicas(
  title: string,
  tests: (context: ReplicaTestContext, databaseId: TestDatabaseId) => void,
): void {
  const databases = createTestDatabases();
  const postgresIds = databases
    .eachSupportedId()
    .map(([id]) => id)
    .filter(id => id.startsWith('POSTGRES'));

  it(`runs "${title}" on PostgreSQL only (here: ${
    postgresIds.length > 0
      ? postgresIds.join(', ')
      : 'none, BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is not set'
  })`, () => {
    expect(postgresIds.every(id => id.startsWith('POSTGRES'))).toBe(true);
  });

  for (const databaseId of postgresIds) {
    describe(`${title} on one ${databaseId} database`, () => {
      const cleanups: Array<() => Promise<void>> = [];
      const context: ReplicaTestContext = {
        createDatabase: () => databases.init(databaseId),
        connectAgain(knex, maxConnections = 5) {
          const { client, connection } = knex.client.config as Knex.Config;
          const pool = knexFactory({
            client,
            connection: { ...(connection as Knex.PgConnectionConfig) },
            pool: { min: 0, max: maxConnections },
          });
          cleanups.push(() => pool.destroy());
          return pool;
        },
        async startReplica(options) {
          const replica = await startReadinessReplica(options);
          cleanups.push(() => replica.stop());
          return replica;
        },
        onCleanup(cleanup) {
          cleanups.push(cleanup);
        },
      };

      tests(context, databaseId);

      // Declared after the tests' own hooks, so theirs (e.g. releasing a
      // held catalog) run first and nothing waits on a gate while stopping.
      afterEach(async () => {
        for (const cleanup of cleanups.splice(0).reverse()) {
          await cleanup().catch(() => undefined);
        }
        jest.restoreAllMocks();
      });
    });
  }
}

async function startReadinessReplica(
  options: ReadinessReplicaOptions,
): Promise<ReadinessReplica> {
  const backend = await startTestBackend({
    features: [
      readinessPlugin,
      ...(options.features ?? []),
      options.catalog,
      options.scheduler,
      mockServices.database.factory({ knex: options.knex }),
      mockServices.rootConfig.factory({
        data: { readiness: options.readiness },
      }),
    ],
  });
  let stopped = false;
  return {
    server: backend.server,
    async startRun() {
      const res = await request(backend.server)
        .post('/api/readiness/runs')
        .set('Authorization', userAuth);
      expect(res.status).toBe(202);
      return res.body as RunInfo;
    },
    async stop() {
      if (!stopped) {
        stopped = true;
        await backend.stop();
      }
    },
  };
}
