/*
 * Cheaper change detection and fewer rows:
 * - `entity_scores.results_hash`: a digest of the entity's results, so a
 *   rescore that changes nothing compares one value per entity instead of
 *   reading every result row;
 * - `entity_scores.not_applicable`: the checks that do not apply to the entity
 *   (JSON object of check id to reason); they no longer get result rows.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('entity_scores', table => {
    table
      .string('results_hash', 64)
      .notNullable()
      .defaultTo('')
      .comment('Digest of the results; equal digests mean nothing changed');
    table
      .text('not_applicable')
      .notNullable()
      .defaultTo('{}')
      .comment('JSON object: check id to reason, for checks that do not apply');
  });
  await knex('check_results').where('state', 'not-applicable').delete();
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('entity_scores', table => {
    table.dropColumn('results_hash');
    table.dropColumn('not_applicable');
  });
};
