/*
 * `entity_scorecards`: each scored entity's scorecard as the store would
 * assemble it (score, results with exemptions, recent history, snapshots),
 * one JSON document per entity, rebuilt in the transaction that writes the
 * entity's scores, results or exemptions. An entity's page is then one
 * indexed read instead of seven queries. Rebuilt on demand: an entity
 * without a document is read the slow way until its next write.
 *
 * Also a second `store_versions` row, `scores`, bumped by every write of
 * `entity_scores` (evaluation times included) and by removals, for caches of
 * what is derived from the score rows alone (the export).
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('entity_scorecards', table => {
    table.comment('Precomputed scorecard of each scored entity (JSON)');
    table
      .string('entity_ref', 255)
      .primary()
      .notNullable()
      .comment('Entity ref, as in entity_scores');
    table
      .text('document', 'longtext')
      .notNullable()
      .comment('JSON ScorecardDocument: score, results, history, snapshots');
    table
      .string('built_at', 32)
      .notNullable()
      .comment('When the document was built (ISO-8601 UTC)');
  });
  await knex('store_versions').insert({ name: 'scores', version: 0 });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex('store_versions').where('name', 'scores').delete();
  await knex.schema.dropTable('entity_scorecards');
};
