import type { DatabaseService } from '@backstage/backend-plugin-api';
import { GAP_STATES } from '@prodready/plugin-readiness-common';
import type { Knex } from 'knex';
import { opt } from '../database/rows';
import { whereRefIn } from '../database/sql';
import type {
  DigestCounts,
  DigestLevelChange,
  DigestNewPass,
  DigestsStore,
} from './DigestsStore';

/** Most new passes read for one digest. */
const MAX_NEW_PASSES = 200;

/**
 * The {@link DigestsStore} on the plugin's database (table `team_digests`,
 * created by the plugin's migrations, which `DatabaseReadinessStore.create`
 * runs; scores and history from the store's tables).
 *
 * @internal
 */
export class DatabaseDigestsStore implements DigestsStore {
  /** Creates the store on the plugin's database. */
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseDigestsStore> {
    return new DatabaseDigestsStore(await options.database.getClient());
  }

  /** Creates the store on a knex client, for tests and tooling. */
  static fromKnex(db: Knex): DatabaseDigestsStore {
    return new DatabaseDigestsStore(db);
  }

  private constructor(private readonly db: Knex) {}

  async claimDigest(
    teamRef: string,
    week: string,
    now: Date,
  ): Promise<boolean> {
    // The primary key makes the claim atomic across replicas: a second
    // insert fails, on every database alike.
    try {
      await this.db('team_digests').insert({
        team_ref: teamRef,
        week,
        claimed_at: now.toISOString(),
        sent_at: null,
        summary: null,
      });
      return true;
    } catch (error) {
      const claimed = await this.db('team_digests')
        .where({ team_ref: teamRef, week })
        .first('team_ref');
      if (claimed) {
        return false;
      }
      throw error;
    }
  }

  async completeDigest(
    teamRef: string,
    week: string,
    now: Date,
    counts: DigestCounts,
  ): Promise<void> {
    await this.db('team_digests')
      .where({ team_ref: teamRef, week })
      .update({ sent_at: now.toISOString(), summary: JSON.stringify(counts) });
  }

  async releaseDigest(teamRef: string, week: string): Promise<void> {
    await this.db('team_digests')
      .where({ team_ref: teamRef, week })
      .whereNull('sent_at')
      .delete();
  }

  async listLevelChanges(
    ownerRefs: string[],
    sinceDay: string,
  ): Promise<DigestLevelChange[]> {
    if (ownerRefs.length === 0) {
      return [];
    }
    const current: Array<{
      entity_ref: string;
      title: string | null;
      level: string | null;
    }> = await this.db('entity_scores')
      .select('entity_ref', 'title', 'level')
      .whereIn('owner', ownerRefs);
    if (current.length === 0) {
      return [];
    }
    const refs = current.map(r => r.entity_ref);
    // Each entity's last snapshot before the period.
    const before: Array<{ entity_ref: string; level: string | null }> =
      await whereRefIn(
        this.db,
        this.db('score_snapshots as s')
          .select('s.entity_ref', 's.level')
          .where('s.day', '<', sinceDay)
          .whereNotNull('s.score')
          .whereNotExists(
            this.db('score_snapshots as later')
              .select(this.db.raw('1'))
              .whereRaw('?? = ??', ['later.entity_ref', 's.entity_ref'])
              .andWhere('later.day', '<', sinceDay)
              .andWhereRaw('?? > ??', ['later.day', 's.day']),
          ),
        's.entity_ref',
        refs,
      );
    const previous = new Map(before.map(r => [r.entity_ref, opt(r.level)]));
    return current
      .filter(
        r =>
          previous.has(r.entity_ref) &&
          previous.get(r.entity_ref) !== opt(r.level),
      )
      .map(r => ({
        entityRef: r.entity_ref,
        title: opt(r.title),
        from: previous.get(r.entity_ref),
        to: opt(r.level),
      }))
      .sort((a, b) => a.entityRef.localeCompare(b.entityRef));
  }

  async listFailingCheckIds(ownerRefs: string[]): Promise<string[]> {
    if (ownerRefs.length === 0) {
      return [];
    }
    const rows: Array<{ check_id: string }> = await this.db(
      'check_results as r',
    )
      .join('entity_scores as s', 's.entity_ref', 'r.entity_ref')
      .distinct('r.check_id')
      .whereIn('s.owner', ownerRefs)
      .whereIn('r.state', GAP_STATES)
      .orderBy('r.check_id');
    return rows.map(r => r.check_id);
  }

  async listNewPasses(
    checkIds: string[],
    since: string,
    excludeOwnerRefs: string[],
  ): Promise<DigestNewPass[]> {
    if (checkIds.length === 0) {
      return [];
    }
    const query = this.db('check_history as h')
      .join('entity_scores as s', 's.entity_ref', 'h.entity_ref')
      .join('check_results as r', function onResult() {
        this.on('r.entity_ref', '=', 'h.entity_ref').andOn(
          'r.check_id',
          '=',
          'h.check_id',
        );
      })
      .select('h.entity_ref', 'h.check_id', 's.owner')
      .min({ at: 'h.at' })
      .whereIn('h.check_id', checkIds)
      .where('h.to_state', 'pass')
      .where('h.at', '>=', since)
      .where('r.state', 'pass')
      .groupBy('h.entity_ref', 'h.check_id', 's.owner')
      .orderBy([{ column: 'at' }, { column: 'h.entity_ref' }])
      .limit(MAX_NEW_PASSES);
    if (excludeOwnerRefs.length > 0) {
      query.whereNotIn('s.owner', excludeOwnerRefs);
    }
    const rows = (await query) as unknown as Array<{
      entity_ref: string;
      check_id: string;
      owner: string;
      at: string;
    }>;
    return rows.map(r => ({
      entityRef: r.entity_ref,
      checkId: r.check_id,
      owner: r.owner ? r.owner : undefined,
      at: r.at,
    }));
  }
}
