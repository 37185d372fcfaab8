/*
 * History is written once: each change of state is keyed by the entity, the
 * check, the new state and the evaluation time of the score it was found
 * against (`from_evaluated_at`). Two scorings of one entity that start from
 * the same stored score find the same changes; the unique index keeps one
 * row of each (the store inserts history ignoring conflicts).
 *
 * Before the index is built, duplicates written by concurrent scorings are
 * removed: a row repeating the change of the row just before it (same entity
 * and check, same from and to state) and rows at the same time with the same
 * change. Rows written before this migration are keyed by their own time.
 */

// @ts-check

const UNIQUE = 'check_history_once_idx';

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  // A change repeated right after itself is a duplicate: between two real
  // changes to the same state there is always a change away from it.
  await knex.raw(`
    delete from check_history where id in (
      select id from (
        select id, from_state, to_state,
          lag(from_state) over (partition by entity_ref, check_id order by at, id) as prev_from,
          lag(to_state) over (partition by entity_ref, check_id order by at, id) as prev_to
        from check_history
      ) ranked
      where prev_to = to_state
        and coalesce(prev_from, '') = coalesce(from_state, '')
    )`);
  // Same change at the same time: keep the first.
  await knex.raw(`
    delete from check_history where id in (
      select id from (
        select later.id from check_history later
        join check_history first
          on first.entity_ref = later.entity_ref
          and first.check_id = later.check_id
          and first.to_state = later.to_state
          and first.at = later.at
          and first.id < later.id
      ) duplicates
    )`);
  await knex.schema.alterTable('check_history', table => {
    table
      .string('from_evaluated_at', 32)
      .notNullable()
      .defaultTo('')
      .comment(
        'Evaluation time of the score the change was found against; with entity, check and new state, the key of the change',
      );
  });
  await knex('check_history').update({ from_evaluated_at: knex.ref('at') });
  await knex.schema.alterTable('check_history', table => {
    table.unique(['entity_ref', 'check_id', 'to_state', 'from_evaluated_at'], {
      indexName: UNIQUE,
    });
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('check_history', table => {
    table.dropUnique(
      ['entity_ref', 'check_id', 'to_state', 'from_evaluated_at'],
      UNIQUE,
    );
  });
  await knex.schema.alterTable('check_history', table => {
    table.dropColumn('from_evaluated_at');
  });
};
