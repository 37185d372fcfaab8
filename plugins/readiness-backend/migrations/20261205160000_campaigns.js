/*
 * Campaigns: a named goal (checks to pass or a level to reach) over a scope
 * of entities, with a start, a deadline and an owner.
 *
 * - `campaigns`: the campaigns created through the API (those declared in
 *   app-config.yaml are not stored). Goal and scope are JSON.
 * - `campaign_history`: append-only, who changed what and when.
 * - `campaign_progress`: one row per campaign and day (entities in scope,
 *   entities done), upserted as scores change, for the progress chart.
 * - `campaign_notifications`: what owners were told (a campaign created, an
 *   entity meeting the goal), claimed before sending so that replicas never
 *   send the same notification twice.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('campaigns', table => {
    table.comment('Readiness campaigns created through the API');
    table.string('id', 64).primary().notNullable();
    table.string('title', 255).notNullable();
    table.text('description').nullable().comment('Markdown');
    table
      .string('owner', 255)
      .notNullable()
      .comment('Group or user entity ref');
    table.text('goal').notNullable().comment('JSON CampaignGoal');
    table.text('scope').notNullable().comment('JSON CampaignScope');
    table.string('starts_at', 10).notNullable().comment('ISO day');
    table.string('deadline', 10).notNullable().comment('ISO day');
    table.string('created_at', 32).notNullable();
    table.string('created_by', 255).nullable();
    table.string('updated_at', 32).notNullable();
    table.string('closed_at', 32).nullable();
  });
  await knex.schema.createTable('campaign_history', table => {
    table.comment('Append-only history of changes to campaigns');
    table.increments('id').primary();
    table.string('campaign_id', 64).notNullable();
    table.string('at', 32).notNullable();
    table.string('actor', 255).nullable();
    table
      .string('action', 16)
      .notNullable()
      .comment('created, updated, closed or reopened');
    table
      .text('changes')
      .nullable()
      .comment('JSON: changed fields, new values');
    table.index(['campaign_id'], 'campaign_history_campaign_idx');
  });
  await knex.schema.createTable('campaign_progress', table => {
    table.comment('Daily progress of each campaign, for its chart');
    table.string('campaign_id', 64).notNullable();
    table.string('day', 10).notNullable().comment('ISO day (UTC)');
    table.integer('entities').notNullable();
    table.integer('done').notNullable();
    table.primary(['campaign_id', 'day']);
  });
  await knex.schema.createTable('campaign_notifications', table => {
    table.comment('Notifications sent about campaigns, each once');
    table.string('campaign_id', 64).notNullable();
    table
      .string('kind', 16)
      .notNullable()
      .comment('created (per owner) or met (per entity)');
    table.string('subject', 255).notNullable().comment('Owner or entity ref');
    table.string('notified_at', 32).notNullable();
    table.primary(['campaign_id', 'kind', 'subject']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('campaign_notifications');
  await knex.schema.dropTable('campaign_progress');
  await knex.schema.dropTable('campaign_history');
  await knex.schema.dropTable('campaigns');
};
