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

/**
 * Claimable shards of the given runs: pending ones, or running ones whose
 * lease expired; the entity shards, or (`final`) the finalization shards.
 * One table only: MySQL/MariaDB would otherwise lock (and skip) rows of the
 * joined or sub-queried tables as well.
 */
function candidates(
  db: Knex,
  runIds: string[],
  final: boolean,
  options: ClaimShardOptions,
) {
  return db<ShardRow>('run_shards')
    .whereIn('run_id', runIds)
    .andWhere('shard', final ? '=' : '>=', final ? FINAL_SHARD : 0)
    .andWhere(q =>
      q
        .where('status', 'pending')
        .orWhere(expired =>
          expired
            .where('status', 'running')
            .andWhere(
              'heartbeat_at',
              '<',
              options.leaseExpiredBefore.toISOString(),
            ),
        ),
    )
    .modify(qb => {
      // MySQL sorts after reading every candidate, and a locking read locks
      // each row it reads: concurrent claimers would then all skip the rows
      // one of them read. Without an order it stops at the first free row.
      if (isSqlite(db) || isPostgres(db)) {
        qb.orderBy([
          { column: 'run_id', order: 'asc' },
          { column: 'shard', order: 'asc' },
        ]);
      }
    });
}

/** Running runs, and those of them whose entity shards have all ended. */
async function runsToWorkOn(
  db: Knex,
): Promise<{ running: string[]; finishable: string[] }> {
  const running = (
    await db('runs').select('id').where('status', 'running')
  ).map((row: { id: string }) => row.id);
  if (running.length === 0) {
    return { running, finishable: [] };
  }
  const busy = new Set(
    (
      await db('run_shards')
        .distinct('run_id')
        .whereIn('run_id', running)
        .andWhere('shard', '>=', 0)
        .whereIn('status', ['pending', 'running'])
    ).map((row: { run_id: string }) => row.run_id),
  );
  return { running, finishable: running.filter(id => !busy.has(id)) };
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
    const { running, finishable } = await runsToWorkOn(db);
    if (running.length === 0) {
      return undefined;
    }
    let retry = false;
    for (const [runIds, final] of [
      [running, false],
      [finishable, true],
    ] as const) {
      if (runIds.length === 0) {
        continue;
      }
      const outcome = await claimOne(db, [...runIds], final, options);
      if (outcome === 'retry') {
        retry = true;
      } else if (outcome) {
        return outcome;
      }
    }
    if (!retry) {
      return undefined;
    }
  }
  return undefined;
}

/**
 * Claims one candidate: undefined when there is none, `retry` when the
 * candidates read were taken or failed meanwhile.
 */
async function claimOne(
  db: Knex,
  runIds: string[],
  final: boolean,
  options: ClaimShardOptions,
): Promise<ClaimedShard | 'retry' | undefined> {
  if (isSqlite(db)) {
    const rows: ShardRow[] = await candidates(db, runIds, final, options).limit(
      SQLITE_CANDIDATES,
    );
    for (const row of rows) {
      const taken = await take(db, row, options);
      if (taken && taken !== 'failed') {
        return taken;
      }
    }
    return rows.length > 0 ? 'retry' : undefined;
  }
  return db.transaction(async tx => {
    const [row]: ShardRow[] = await candidates(tx, runIds, final, options)
      .limit(1)
      .forUpdate()
      .skipLocked();
    if (!row) {
      return undefined;
    }
    const taken = await take(tx, row, options);
    return taken && taken !== 'failed' ? taken : 'retry';
  });
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
