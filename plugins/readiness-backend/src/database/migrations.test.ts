import { DatabaseReadinessStore } from './DatabaseReadinessStore';
import {
  CONSTRAINT_VIOLATION,
  createTestDatabases,
} from '../__testUtils__/createTestDatabases';

jest.setTimeout(60_000);

const databases = createTestDatabases();

const TABLES = [
  'entity_scores',
  'check_results',
  'check_history',
  'score_snapshots',
  'owners',
  'runs',
  'exemptions',
];

describe.each(databases.eachSupportedId())('migrations on %p', databaseId => {
  it('migrate up creates every table and down removes them all', async () => {
    const knex = await databases.init(databaseId);
    const directory = DatabaseReadinessStore.migrationsDirectory;

    await knex.migrate.latest({ directory });
    for (const table of TABLES) {
      expect({ table, exists: await knex.schema.hasTable(table) }).toEqual({
        table,
        exists: true,
      });
    }
    // One result per entity and check.
    await knex('check_results').insert({
      entity_ref: 'component:default/a',
      check_id: 'c',
      state: 'fail',
      reason: 'r',
      evidence: '[]',
      exemption_id: null,
      updated_at: '2025-01-01T00:00:00.000Z',
    });
    await expect(
      knex('check_results').insert({
        entity_ref: 'component:default/a',
        check_id: 'c',
        state: 'pass',
        reason: 'r',
        evidence: '[]',
        exemption_id: null,
        updated_at: '2025-01-01T00:00:00.000Z',
      }),
    ).rejects.toHaveProperty(
      'message',
      expect.stringMatching(CONSTRAINT_VIOLATION),
    );

    await knex.migrate.rollback({ directory }, true);
    for (const table of TABLES) {
      expect({ table, exists: await knex.schema.hasTable(table) }).toEqual({
        table,
        exists: false,
      });
    }

    // And up again on the emptied database.
    await knex.migrate.latest({ directory });
    expect(await knex.schema.hasTable('entity_scores')).toBe(true);
  });
});
