import { TestDatabases } from '@backstage/backend-test-utils';

/**
 * The databases the store tests run on: SQLite always; PostgreSQL 15 when
 * `BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING` is set (e.g.
 * `postgresql://postgres@127.0.0.1:5432`, as `.ci/run` does); MySQL when
 * `BACKSTAGE_TEST_DATABASE_MYSQL8_CONNECTION_STRING` is set (e.g.
 * `mysql://user:password@127.0.0.1:3306/test`; `.ci/run` points it at the
 * machine's MariaDB when there is one). Docker is never used, so a database
 * whose variable is absent is skipped.
 *
 * @internal
 */
export function createTestDatabases(): TestDatabases {
  return TestDatabases.create({
    ids: ['SQLITE_3', 'POSTGRES_15', 'MYSQL_8'],
    disableDocker: true,
  });
}

/**
 * How each supported database words a violated NOT NULL, primary-key or
 * foreign-key constraint.
 *
 * @internal
 */
export const CONSTRAINT_VIOLATION =
  /constraint|cannot be null|duplicate entry|foreign key/i;
