/*
 * Shared rescoring across replicas and the delta pass (issues 12 and 13).
 *
 * `run_shards`: a full run split into shards of entity refs. Any replica
 * claims a `pending` shard (or a `running` one whose lease expired: its
 * replica died), heartbeats it while scoring and marks it `done`; shard -1 of
 * each run is its finalization (removing entities gone from the catalog),
 * claimable once every other shard has ended.
 *
 * `entity_etags`: the catalog `metadata.etag` of each entity as last scored,
 * so the frequent delta pass scores only new and changed entities.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('run_shards', table => {
    table.comment('Shards of full runs, claimed by any replica');
    table.string('run_id', 36).notNullable();
    table
      .integer('shard')
      .notNullable()
      .comment('0..n-1 score entities; -1 finalizes the run');
    table.text('refs').notNullable().comment('JSON string[] of entity refs');
    table
      .string('status', 16)
      .notNullable()
      .comment('pending, running, done or failed');
    table.string('owner', 64).nullable().comment('Replica working on it');
    table.string('heartbeat_at', 32).nullable();
    table.integer('attempts').notNullable().defaultTo(0);
    table.integer('entities_done').notNullable().defaultTo(0);
    table.text('errors').notNullable().comment('JSON string[]');
    table.text('gone').notNullable().comment('JSON string[] of refs to remove');
    table.primary(['run_id', 'shard']);
    table.index(['status', 'run_id'], 'run_shards_status_idx');
  });
  await knex.schema.createTable('entity_etags', table => {
    table.comment('Catalog etag of each entity as last scored');
    table.string('entity_ref', 255).primary().notNullable();
    table.string('etag', 255).notNullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('entity_etags');
  await knex.schema.dropTable('run_shards');
};
