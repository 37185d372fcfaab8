import {
  mockServices,
  type TestDatabaseId,
} from '@backstage/backend-test-utils';
import type { Knex } from 'knex';
import { DatabaseReadinessStore } from '../database/DatabaseReadinessStore';
import { createTestDatabases } from './createTestDatabases';

/**
 * A migrated store on a fresh database, and the database's connection.
 *
 * @internal
 */
export interface TestStore {
  knex: Knex;
  store: DatabaseReadinessStore;
}

/**
 * Declares the same tests once per database the store tests run on (see
 * {@link createTestDatabases}), as `describe('<title> on <database>')`.
 * `createStore` gives a migrated store on a fresh database at each call.
 *
 * @internal
 */
export function describeEachDatabase(
  title: string,
  tests: (
    createStore: () => Promise<TestStore>,
    databaseId: TestDatabaseId,
  ) => void,
): void {
  const databases = createTestDatabases();
  describe.each(databases.eachSupportedId())(`${title} on %p`, databaseId => {
    tests(async () => {
      const knex = await databases.init(databaseId);
      const store = await DatabaseReadinessStore.create({
        database: mockServices.database({ knex }),
      });
      return { knex, store };
    }, databaseId);
  });
}
