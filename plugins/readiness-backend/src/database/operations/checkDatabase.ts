import type { Knex } from 'knex';

/**
 * The cheapest round trip to the database (`select 1`): resolves when the
 * database answers, rejects with the driver's error when it does not.
 *
 * @internal
 */
export async function checkDatabase(knex: Knex): Promise<void> {
  await knex.raw('select 1');
}
