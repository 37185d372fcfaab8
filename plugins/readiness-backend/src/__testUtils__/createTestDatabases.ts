import { TestDatabases } from '@backstage/backend-test-utils';

/**
 * The databases the store tests run on: SQLite always; PostgreSQL 15 when
 * `BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING` is set (e.g.
 * `postgresql://postgres@127.0.0.1:5432`, as `.ci/run` does). Docker is never
 * used, so the PostgreSQL case is skipped where the variable is absent.
 *
 * @internal
 */
export function createTestDatabases(): TestDatabases {
  return TestDatabases.create({
    ids: ['SQLITE_3', 'POSTGRES_15'],
    disableDocker: true,
  });
}
