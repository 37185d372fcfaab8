/*
 * One full run at a time, decided by the database: `runs.active` is `full`
 * while a full run (schedule or manual) runs and NULL otherwise, and a unique
 * index on it lets only one row hold the marker (NULLs never collide on
 * SQLite, PostgreSQL or MySQL). Creating a full run is then one INSERT that
 * succeeds on one replica only; ending a run clears its marker.
 *
 * Full runs left running by older versions: the newest keeps running (it
 * gets the marker); the others are orphans and are marked failed.
 */

// @ts-check

const UNIQUE = 'runs_active_idx';

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('runs', table => {
    table
      .string('active', 16)
      .nullable()
      .comment('`full` while a full run runs, else NULL; unique: one at a time');
  });
  const running = await knex('runs')
    .select('id')
    .where('status', 'running')
    .whereIn('trigger', ['schedule', 'manual'])
    .orderBy([
      { column: 'started_at', order: 'desc' },
      { column: 'id', order: 'desc' },
    ]);
  const now = new Date().toISOString();
  for (const [i, { id }] of running.entries()) {
    if (i === 0) {
      await knex('runs').where('id', id).update({ active: 'full' });
    } else {
      const row = await knex('runs').select('errors').where('id', id).first();
      let errors = [];
      try {
        errors = JSON.parse(row.errors);
      } catch {
        errors = [];
      }
      errors.push(
        'Orphaned: another full run was started at the same time; only the newest one runs',
      );
      await knex('runs')
        .where('id', id)
        .update({
          status: 'failed',
          finished_at: now,
          errors: JSON.stringify(errors),
        });
    }
  }
  await knex.schema.alterTable('runs', table => {
    table.unique(['active'], { indexName: UNIQUE });
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('runs', table => {
    table.dropUnique(['active'], UNIQUE);
  });
  await knex.schema.alterTable('runs', table => {
    table.dropColumn('active');
  });
};
