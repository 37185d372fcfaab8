/*
 * `team_digests`: the weekly readiness digest sent to each team, one row per
 * team and week. A row is claimed before the notification is sent, so that
 * a digest goes out once per team and week whichever replica runs the task
 * and however often it runs; a failed send gives the claim back.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('team_digests', table => {
    table.comment('Weekly readiness digests sent to teams');
    table
      .string('team_ref', 255)
      .notNullable()
      .comment('Group entity ref of the team');
    table
      .string('week', 10)
      .notNullable()
      .comment('Monday (UTC) of the week the digest covers, YYYY-MM-DD');
    table.string('claimed_at', 32).notNullable();
    table
      .string('sent_at', 32)
      .nullable()
      .comment('When the notification was sent; null while sending');
    table
      .text('summary')
      .nullable()
      .comment('JSON counts of what the digest held');
    table.primary(['team_ref', 'week']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('team_digests');
};
