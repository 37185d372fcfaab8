/*
 * Initial schema of the readiness store. Timestamps are ISO-8601 UTC strings
 * (`Date#toISOString`), which sort and compare correctly as text on every
 * supported database; days are `YYYY-MM-DD`.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  // One row per scored entity: the catalog fields used for search and
  // roll-ups, the score and level, and the engine's per-entity summary.
  await knex.schema.createTable('entity_scores', table => {
    table.comment('Latest score of each scored catalog entity');
    table.string('entity_ref', 255).primary().notNullable();
    table.string('kind', 255).notNullable();
    table.string('namespace', 255).notNullable();
    table.string('name', 255).notNullable();
    table.text('title').nullable();
    table.string('type', 255).nullable();
    table.string('lifecycle', 255).nullable();
    table
      .string('owner', 255)
      .notNullable()
      .defaultTo('')
      .comment('Owner entity ref; empty when the entity has none');
    table.string('system', 255).nullable();
    table.string('domain', 255).nullable();
    table.string('tier', 255).nullable();
    table.double('score').notNullable();
    table.string('level', 255).nullable();
    table
      .integer('level_rank')
      .notNullable()
      .comment('1-based position of level in the pack order; 0 for none');
    table.integer('gaps').notNullable().comment('Count of failing checks');
    table.string('next_level', 255).nullable();
    table.text('blocking').notNullable().comment('JSON array of check ids');
    table.text('categories').notNullable().comment('JSON CategorySummary[]');
    table
      .text('traits')
      .notNullable()
      .comment('`|tag:x|lang:y|`, for learn-from similarity');
    table
      .text('search_text')
      .notNullable()
      .comment('Lower-cased name, title, owner and system for text search');
    table.string('evaluated_at', 32).notNullable();
    table.index(['score', 'entity_ref'], 'entity_scores_score_idx');
    table.index(['name', 'entity_ref'], 'entity_scores_name_idx');
    table.index(['level_rank', 'entity_ref'], 'entity_scores_level_idx');
    table.index(['gaps', 'entity_ref'], 'entity_scores_gaps_idx');
    table.index(['owner', 'entity_ref'], 'entity_scores_owner_idx');
    table.index(['system'], 'entity_scores_system_idx');
    table.index(['domain'], 'entity_scores_domain_idx');
    table.index(['kind'], 'entity_scores_kind_idx');
    table.index(['type'], 'entity_scores_type_idx');
    table.index(['lifecycle'], 'entity_scores_lifecycle_idx');
    table.index(['tier'], 'entity_scores_tier_idx');
  });

  // Latest result per entity and check.
  await knex.schema.createTable('check_results', table => {
    table.comment('Latest result of each check for each scored entity');
    table.string('entity_ref', 255).notNullable();
    table.string('check_id', 255).notNullable();
    table.string('state', 16).notNullable();
    table.text('reason').notNullable();
    table.text('evidence').notNullable().comment('JSON Evidence[]');
    table.string('exemption_id', 36).nullable();
    table
      .string('updated_at', 32)
      .notNullable()
      .comment('When the result last changed');
    table.primary(['entity_ref', 'check_id']);
    // Search by gaps: "every entity failing check X" is an index range scan.
    table.index(['check_id', 'state', 'entity_ref'], 'check_results_gap_idx');
  });

  // Change-only history: a row only when a check's state changes.
  await knex.schema.createTable('check_history', table => {
    table.comment('State changes of check results');
    table.bigIncrements('id').primary();
    table.string('entity_ref', 255).notNullable();
    table.string('check_id', 255).notNullable();
    table.string('from_state', 16).nullable();
    table.string('to_state', 16).notNullable();
    table.string('at', 32).notNullable();
    table.index(['entity_ref', 'at'], 'check_history_entity_idx');
    table.index(['at'], 'check_history_at_idx');
  });

  // Change-only daily snapshots of each entity's score and level, for trends.
  await knex.schema.createTable('score_snapshots', table => {
    table.comment(
      'Score and level of an entity on each day either changed; a null score marks removal from the catalog',
    );
    table.string('entity_ref', 255).notNullable();
    table.string('day', 10).notNullable();
    table.double('score').nullable();
    table.string('level', 255).nullable();
    table.primary(['entity_ref', 'day']);
    table.index(['day'], 'score_snapshots_day_idx');
  });

  // Owners' contacts, captured from the owner facts while scoring.
  await knex.schema.createTable('owners', table => {
    table.comment('Contacts of owning groups, from the owner facts');
    table.string('owner_ref', 255).primary().notNullable();
    table.text('display_name').nullable();
    table.text('contacts').notNullable().comment('JSON Contact[]');
    table.string('updated_at', 32).notNullable();
  });

  await knex.schema.createTable('runs', table => {
    table.comment('Scoring runs with progress and errors');
    table.string('id', 36).primary().notNullable();
    table.string('trigger', 16).notNullable();
    table.string('status', 16).notNullable();
    table
      .boolean('claimed')
      .notNullable()
      .defaultTo(false)
      .comment('False while a requested run waits for the scheduler');
    table.string('started_at', 32).notNullable();
    table.string('finished_at', 32).nullable();
    table.string('heartbeat_at', 32).notNullable();
    table.integer('entities_total').nullable();
    table.integer('entities_done').notNullable().defaultTo(0);
    table.text('errors').notNullable().comment('JSON string[]');
    table.index(['started_at'], 'runs_started_idx');
    table.index(['status'], 'runs_status_idx');
  });

  await knex.schema.createTable('exemptions', table => {
    table.comment('Exemptions of entities from checks');
    table.string('id', 36).primary().notNullable();
    table.string('entity_ref', 255).notNullable();
    table.string('check_id', 255).notNullable();
    table.text('reason').notNullable();
    table.string('author', 255).notNullable();
    table.string('created_at', 32).notNullable();
    table.string('expires_at', 32).nullable();
    table.index(['entity_ref'], 'exemptions_entity_idx');
    table.index(['check_id'], 'exemptions_check_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('exemptions');
  await knex.schema.dropTable('runs');
  await knex.schema.dropTable('owners');
  await knex.schema.dropTable('score_snapshots');
  await knex.schema.dropTable('check_history');
  await knex.schema.dropTable('check_results');
  await knex.schema.dropTable('entity_scores');
};
