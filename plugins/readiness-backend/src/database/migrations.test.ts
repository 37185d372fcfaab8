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
  'store_versions',
  'pushed_facts',
  'attestations',
  'entity_scorecards',
  'campaigns',
  'campaign_history',
  'campaign_progress',
  'campaign_notifications',
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

  it('history: up removes duplicate changes and makes each change unique; down removes the rule', async () => {
    const knex = await databases.init(databaseId);
    const directory = DatabaseReadinessStore.migrationsDirectory;
    // Up to the migration before the rule.
    await knex.migrate.up({ directory, name: '20250601000000_init.js' });
    await knex.migrate.up({
      directory,
      name: '20250602000000_change_detection.js',
    });
    const change = (
      at: string,
      from: string | null,
      to: string,
      checkId = 'c',
    ) => ({
      entity_ref: 'component:default/a',
      check_id: checkId,
      from_state: from,
      to_state: to,
      at,
    });
    await knex('check_history').insert([
      change('2025-01-01T00:00:00.000Z', 'pass', 'fail'),
      // Written again by a concurrent scoring a moment later.
      change('2025-01-01T00:00:00.004Z', 'pass', 'fail'),
      change('2025-01-02T00:00:00.000Z', 'fail', 'pass'),
      change('2025-01-03T00:00:00.000Z', 'pass', 'fail'),
      // The same change at the same time, twice.
      change('2025-01-04T00:00:00.000Z', null, 'fail', 'd'),
      change('2025-01-04T00:00:00.000Z', null, 'fail', 'd'),
    ]);

    await knex.migrate.up({
      directory,
      name: '20251205100000_history_written_once.js',
    });
    const rows = await knex('check_history')
      .select('check_id', 'from_state', 'to_state', 'at', 'from_evaluated_at')
      .orderBy(['check_id', 'at']);
    expect(rows.map(r => [r.check_id, r.from_state, r.to_state, r.at])).toEqual(
      [
        ['c', 'pass', 'fail', '2025-01-01T00:00:00.000Z'],
        ['c', 'fail', 'pass', '2025-01-02T00:00:00.000Z'],
        ['c', 'pass', 'fail', '2025-01-03T00:00:00.000Z'],
        ['d', null, 'fail', '2025-01-04T00:00:00.000Z'],
      ],
    );
    expect(rows.every(r => r.from_evaluated_at === r.at)).toBe(true);
    const again = {
      ...change('2025-01-05T00:00:00.000Z', 'fail', 'pass'),
      from_evaluated_at: '2025-01-04T00:00:00.000Z',
    };
    await knex('check_history').insert(again);
    await expect(
      knex('check_history').insert({
        ...again,
        at: '2025-01-05T00:00:00.001Z',
      }),
    ).rejects.toHaveProperty(
      'message',
      expect.stringMatching(CONSTRAINT_VIOLATION),
    );

    await knex.migrate.down({
      directory,
      name: '20251205100000_history_written_once.js',
    });
    expect(
      await knex.schema.hasColumn('check_history', 'from_evaluated_at'),
    ).toBe(false);
    // Without the rule the same change may be written twice again.
    await knex('check_history').insert([
      change('2025-01-06T00:00:00.000Z', 'pass', 'fail'),
      change('2025-01-06T00:00:00.000Z', 'pass', 'fail'),
    ]);
    await knex.migrate.latest({ directory });
    expect(
      await knex.schema.hasColumn('check_history', 'from_evaluated_at'),
    ).toBe(true);
  });

  it('runs: up keeps the newest running full run and fails the orphans; down removes the marker', async () => {
    const knex = await databases.init(databaseId);
    const directory = DatabaseReadinessStore.migrationsDirectory;
    await knex.migrate.up({ directory, name: '20250601000000_init.js' });
    await knex.migrate.up({
      directory,
      name: '20250602000000_change_detection.js',
    });
    await knex.migrate.up({
      directory,
      name: '20251205100000_history_written_once.js',
    });
    const run = (id: string, startedAt: string, trigger = 'manual') => ({
      id,
      trigger,
      status: 'running',
      claimed: true,
      started_at: startedAt,
      heartbeat_at: startedAt,
      entities_done: 0,
      errors: '[]',
    });
    await knex('runs').insert([
      run('orphan', '2025-01-01T00:00:00.000Z'),
      run('newest', '2025-01-01T00:00:01.000Z', 'schedule'),
      run('entity', '2025-01-01T00:00:02.000Z', 'entity'),
    ]);

    await knex.migrate.up({
      directory,
      name: '20251205110000_one_active_run.js',
    });
    const rows = await knex('runs')
      .select('id', 'status', 'active', 'errors')
      .orderBy('id');
    expect(rows.map(r => [r.id, r.status, r.active])).toEqual([
      ['entity', 'running', null],
      ['newest', 'running', 'full'],
      ['orphan', 'failed', null],
    ]);
    expect(JSON.parse(rows[2].errors)).toEqual([
      expect.stringMatching(/^Orphaned/),
    ]);
    await expect(
      knex('runs').insert({
        ...run('second', '2025-01-02T00:00:00.000Z'),
        active: 'full',
      }),
    ).rejects.toHaveProperty(
      'message',
      expect.stringMatching(CONSTRAINT_VIOLATION),
    );

    await knex.migrate.down({
      directory,
      name: '20251205110000_one_active_run.js',
    });
    expect(await knex.schema.hasColumn('runs', 'active')).toBe(false);
  });

  it('pushed facts: up keeps one value per entity and key; down removes the table', async () => {
    const knex = await databases.init(databaseId);
    const directory = DatabaseReadinessStore.migrationsDirectory;
    await knex.migrate.latest({ directory });
    const row = {
      entity_ref: 'component:default/a',
      fact_key: 'coverage',
      value: '83',
      observed_at: '2026-01-01T00:00:00.000Z',
      stale_at: '2026-01-08T00:00:00.000Z',
      pushed_at: '2026-01-01T00:00:01.000Z',
      pushed_by: 'plugin:ci',
    };
    await knex('pushed_facts').insert(row);
    await expect(
      knex('pushed_facts').insert({ ...row, value: '90' }),
    ).rejects.toHaveProperty(
      'message',
      expect.stringMatching(CONSTRAINT_VIOLATION),
    );
    await knex.migrate.down({
      directory,
      name: '20261205140000_attestations.js',
    });
    expect(await knex.schema.hasTable('attestations')).toBe(false);
    await knex.migrate.down({
      directory,
      name: '20261205130000_pushed_facts.js',
    });
    expect(await knex.schema.hasTable('pushed_facts')).toBe(false);
    expect(await knex.schema.hasTable('exemptions')).toBe(true);
  });
});
