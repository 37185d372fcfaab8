/*
 * `pushed_facts`: facts computed outside Backstage (in CI: test coverage, a
 * load-test report, a security scan…) and pushed through `POST /facts`. The
 * latest value per entity and fact key; a value goes stale `ttl` after it
 * was observed (`stale_at`), and its checks are then `unknown`.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('pushed_facts', table => {
    table.comment('Latest pushed value of each fact key for each entity');
    table.string('entity_ref', 255).notNullable();
    table
      .string('fact_key', 128)
      .notNullable()
      .comment('Declared in readiness.pushedFacts');
    table.text('value').notNullable().comment('JSON value');
    table
      .string('observed_at', 32)
      .notNullable()
      .comment('When the pusher computed it (ISO 8601 UTC)');
    table
      .string('stale_at', 32)
      .notNullable()
      .comment('observed_at plus the TTL of the key');
    table.string('pushed_at', 32).notNullable();
    table
      .string('pushed_by', 255)
      .notNullable()
      .comment('User or service principal that pushed it');
    table.primary(['entity_ref', 'fact_key']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('pushed_facts');
};
