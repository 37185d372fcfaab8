import type { Knex } from 'knex';
import type { ClaimedShard, RunShardsSummary, ShardOutcome } from '../types';
import { parseJson } from '../rows';
import { INSERT_CHUNK, chunk, isPostgres, isSqlite } from '../sql';

/*
 * Shards of full runs, claimed by any replica (migration 20261205130000).
 *
 * A claim is a compare-and-swap on `attempts` (it grows with every claim),
 * so of any number of replicas claiming one shard one wins, on every
 * database; on PostgreSQL and MySQL the candidate is also read with
 * `FOR UPDATE SKIP LOCKED`, so concurrent claimers pick different shards
 * instead of contending for the same row.
 */

/** The shard that finalizes a run, claimable once every other has ended. */
export const FINAL_SHARD = -1;

/** Candidates read per claim attempt on SQLite (no row locks). */
const SQLITE_CANDIDATES = 5;

interface ShardRow {
  run_id: string;
  shard: number;
  refs: string;
  status: string;
  owner: string | null;
  heartbeat_at: string | null;
  attempts: number;
  entities_done: number;
  errors: string;
  gone: string;
}

/** Creates the pending shards of a run and its finalization shard. */
export async function createShards(
  db: Knex,
  runId: string,
  refChunks: string[][],
): Promise<void> {
  const rows: ShardRow[] = [...refChunks, []].map((refs, i) => ({
    run_id: runId,
    shard: i === refChunks.length ? FINAL_SHARD : i,
    refs: JSON.stringify(refs),
    status: 'pending',
    owner: null,
    heartbeat_at: null,
    attempts: 0,
    entities_done: 0,
    errors: '[]',
    gone: '[]',
  }));
  await db.transaction(async tx => {
    // Few rows per statement: each carries up to a shard's worth of refs.
    for (const part of chunk(rows, Math.min(INSERT_CHUNK, 20))) {
      await tx('run_shards').insert(part);
    }
  });
}

/** Options of {@link claimShard}. */
export interface ClaimShardOptions {
  owner: string;
  now: Date;
  /** A running shard whose heartbeat is older than this is taken over. */
  leaseExpiredBefore: Date;
  /** A shard claimed this often is not claimed again but failed. */
  maxAttempts: number;
}

function candidates(db: Knex, options: ClaimShardOptions) {
  return db<ShardRow>('run_shards as s')
    .whereIn('s.run_id', db('runs').select('id').where('status', 'running'))
    .andWhere(q =>
      q
        .where('s.status', 'pending')
        .orWhere(expired =>
          expired
            .where('s.status', 'running')
            .andWhere(
              's.heartbeat_at',
              '<',
              options.leaseExpiredBefore.toISOString(),
            ),
        ),
    )
    .andWhere(q =>
      q
        .where('s.shard', '>=', 0)
        .orWhereNotExists(
          db('run_shards as o')
            .select('o.shard')
            .whereRaw('?? = ??', ['o.run_id', 's.run_id'])
            .andWhere('o.shard', '>=', 0)
            .whereIn('o.status', ['pending', 'running']),
        ),
    )
    .orderBy([
      { column: 's.run_id', order: 'asc' },
      { column: 's.shard', order: 'asc' },
    ]);
}

/**
 * Takes one candidate if it is still as read: marks it running for `owner`,
 * or failed when it was claimed `maxAttempts` times already.
 */
async function take(
  db: Knex,
  row: ShardRow,
  options: ClaimShardOptions,
): Promise<ClaimedShard | 'failed' | undefined> {
  const iso = options.now.toISOString();
  const where = {
    run_id: row.run_id,
    shard: row.shard,
    status: row.status,
    attempts: row.attempts,
  };
  if (row.attempts >= options.maxAttempts) {
    const errors = parseJson<string[]>(row.errors, []);
    errors.push(
      `Shard ${row.shard} abandoned: claimed ${row.attempts} times, its last replica (${row.owner}) sent no heartbeat since ${row.heartbeat_at}`,
    );
    await db('run_shards')
      .where(where)
      .update({ status: 'failed', errors: JSON.stringify(errors) });
    return 'failed';
  }
  const errors = parseJson<string[]>(row.errors, []);
  if (row.status === 'running') {
    errors.push(
      `Shard ${row.shard} taken over from ${row.owner}: no heartbeat since ${row.heartbeat_at}`,
    );
  }
  const updated = await db('run_shards')
    .where(where)
    .update({
      status: 'running',
      owner: options.owner,
      heartbeat_at: iso,
      attempts: row.attempts + 1,
      errors: JSON.stringify(errors),
    });
  if (updated !== 1) {
    return undefined;
  }
  return {
    runId: row.run_id,
    shard: row.shard,
    refs: parseJson<string[]>(row.refs, []),
    attempts: row.attempts + 1,
    owner: options.owner,
  };
}

/**
 * Claims a pending shard of a running run, or one whose lease expired (its
 * replica died), or the finalization of a run whose shards have all ended.
 */
export async function claimShard(
  db: Knex,
  options: ClaimShardOptions,
): Promise<ClaimedShard | undefined> {
  for (let round = 0; round < 10; round += 1) {
    if (isSqlite(db)) {
      const rows: ShardRow[] = await candidates(db, options)
        .select('s.*')
        .limit(SQLITE_CANDIDATES);
      if (rows.length === 0) {
        return undefined;
      }
      for (const row of rows) {
        const taken = await take(db, row, options);
        if (taken && taken !== 'failed') {
          return taken;
        }
      }
      continue;
    }
    const outcome = await db.transaction(async tx => {
      const query = candidates(tx, options).select('s.*').limit(1);
      const [row]: ShardRow[] = await (isPostgres(tx)
        ? query.forUpdate('s').skipLocked()
        : query.forUpdate().skipLocked());
      return row ? (await take(tx, row, options)) ?? 'retry' : 'none';
    });
    if (outcome === 'none') {
      return undefined;
    }
    if (outcome !== 'retry' && outcome !== 'failed') {
      return outcome;
    }
  }
  return undefined;
}

function owned(db: Knex, claim: ClaimedShard) {
  return db('run_shards').where({
    run_id: claim.runId,
    shard: claim.shard,
    status: 'running',
    owner: claim.owner,
    attempts: claim.attempts,
  });
}

/**
 * Records that the shard's replica is alive (and so its run); false when
 * the shard was taken over or its run ended.
 */
export async function heartbeatShard(
  db: Knex,
  claim: ClaimedShard,
  now: Date,
): Promise<boolean> {
  const iso = now.toISOString();
  const updated = await owned(db, claim).update({ heartbeat_at: iso });
  await db('runs')
    .where({ id: claim.runId, status: 'running' })
    .update({ heartbeat_at: iso });
  return updated === 1;
}

/**
 * Ends a shard done and adds its entities to its run's progress; false (and
 * nothing recorded) when it was taken over meanwhile.
 */
export async function completeShard(
  db: Knex,
  claim: ClaimedShard,
  outcome: ShardOutcome,
  now: Date,
): Promise<boolean> {
  return db.transaction(async tx => {
    // Earlier failed attempts stay on record (why it took longer).
    const [row]: Array<Pick<ShardRow, 'errors'>> = await owned(
      tx,
      claim,
    ).select('errors');
    if (!row) {
      return false;
    }
    const updated = await owned(tx, claim).update({
      status: 'done',
      heartbeat_at: now.toISOString(),
      entities_done: outcome.entitiesDone,
      errors: JSON.stringify([
        ...parseJson<string[]>(row.errors, []),
        ...outcome.errors,
      ]),
      gone: JSON.stringify(outcome.gone),
    });
    if (updated !== 1) {
      return false;
    }
    if (outcome.entitiesDone > 0) {
      await tx('runs')
        .where('id', claim.runId)
        .increment('entities_done', outcome.entitiesDone);
    }
    await tx('runs')
      .where({ id: claim.runId, status: 'running' })
      .update({ heartbeat_at: now.toISOString() });
    return true;
  });
}

/**
 * Gives a shard back after its worker failed: pending again for any
 * replica, or failed with the reason once claimed `maxAttempts` times.
 */
export async function releaseShard(
  db: Knex,
  claim: ClaimedShard,
  reason: string,
  maxAttempts: number,
): Promise<void> {
  const [row]: ShardRow[] = await owned(db, claim).select('errors');
  if (!row) {
    return;
  }
  const errors = parseJson<string[]>(row.errors, []);
  errors.push(reason);
  await owned(db, claim).update({
    status: claim.attempts >= maxAttempts ? 'failed' : 'pending',
    owner: null,
    errors: JSON.stringify(errors),
  });
}

/** The shards of a run, for its finalization. */
export async function summarizeShards(
  db: Knex,
  runId: string,
): Promise<RunShardsSummary> {
  const rows: ShardRow[] = await db('run_shards')
    .where('run_id', runId)
    .andWhere('shard', '>=', 0)
    .orderBy('shard');
  const summary: RunShardsSummary = {
    shards: rows.length,
    done: 0,
    failed: 0,
    entitiesDone: 0,
    refs: [],
    gone: [],
    errors: [],
  };
  for (const row of rows) {
    summary.done += row.status === 'done' ? 1 : 0;
    summary.failed += row.status === 'failed' ? 1 : 0;
    summary.entitiesDone += row.entities_done;
    summary.refs.push(...parseJson<string[]>(row.refs, []));
    summary.gone.push(...parseJson<string[]>(row.gone, []));
    summary.errors.push(...parseJson<string[]>(row.errors, []));
  }
  return summary;
}

/** Deletes the shards of runs that have ended. */
export async function deleteEndedShards(db: Knex): Promise<number> {
  return db('run_shards')
    .whereIn('run_id', db('runs').select('id').whereNot('status', 'running'))
    .delete();
}
