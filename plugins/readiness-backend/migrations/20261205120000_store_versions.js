/*
 * `store_versions`: counters that writes bump in the same transaction, so
 * every replica can tell from the database that something it derived from
 * the stored results (the learn-from exemplar index) is out of date.
 * One row, `results`, is bumped whenever result rows, score rows or scored
 * entities change.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('store_versions', table => {
    table.comment('Counters bumped by writes; caches compare them to go stale');
    table.string('name', 64).primary().notNullable().comment('What changed');
    table
      .bigInteger('version')
      .notNullable()
      .defaultTo(0)
      .comment('Bumped by each write that changed it');
  });
  await knex('store_versions').insert({ name: 'results', version: 0 });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('store_versions');
};
