/*
 * `attestations`: owner-team members' statements that an attested check
 * holds (a DR drill, a load test, a security review), with an evidence link
 * and an expiry. Every attestation is kept (the history of who attested
 * what); the latest per entity and check applies. `notified_at` records the
 * reminder sent before expiry.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('attestations', table => {
    table.comment('Attestations of attested checks, newest applies');
    table.string('id', 36).primary().notNullable();
    table.string('entity_ref', 255).notNullable();
    table.string('check_id', 255).notNullable();
    table.text('evidence_url').notNullable().comment('http(s) link');
    table.text('note').nullable();
    table.string('author', 255).notNullable().comment('User entity ref');
    table.string('created_at', 32).notNullable();
    table.string('expires_at', 32).notNullable();
    table
      .string('notified_at', 32)
      .nullable()
      .comment('When the owner was told of the coming expiry');
    table.index(['entity_ref', 'check_id'], 'attestations_entity_check_idx');
    table.index(['expires_at'], 'attestations_expiry_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('attestations');
};
