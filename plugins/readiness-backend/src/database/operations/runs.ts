import { randomUUID } from 'node:crypto';
import type { RunInfo } from '@prodready/plugin-readiness-common';
import type { Knex } from 'knex';
import type { CreateRunOptions, RunUpdate } from '../ReadinessStore';
import { parseJson, toRunInfo } from '../rows';
import type { RunRow } from '../tables';

/*
 * Scoring runs: creation, claiming, progress and their end.
 */

/** Creates a run. */
export async function createRun(
  db: Knex,
  options: CreateRunOptions,
): Promise<RunInfo> {
  const iso = options.now.toISOString();
  const row: RunRow = {
    id: randomUUID(),
    trigger: options.trigger,
    status: 'running',
    claimed: options.claimed,
    started_at: iso,
    finished_at: null,
    heartbeat_at: iso,
    entities_total: null,
    entities_done: 0,
    errors: '[]',
  };
  await db('runs').insert(row);
  return toRunInfo(row);
}

/** Claims the oldest run requested through the API, if any. */
export async function claimRequestedRun(
  db: Knex,
  now: Date,
): Promise<RunInfo | undefined> {
  const candidates: RunRow[] = await db('runs')
    .where({ claimed: false, status: 'running' })
    .orderBy('started_at', 'asc')
    .limit(5);
  const iso = now.toISOString();
  for (const candidate of candidates) {
    const updated = await db('runs')
      .where({ id: candidate.id, claimed: false })
      .update({ claimed: true, started_at: iso, heartbeat_at: iso });
    if (updated === 1) {
      return toRunInfo({
        ...candidate,
        claimed: true,
        started_at: iso,
        heartbeat_at: iso,
      });
    }
  }
  return undefined;
}

/** Updates a run's progress or outcome. */
export async function updateRun(
  db: Knex,
  id: string,
  update: RunUpdate,
): Promise<void> {
  const patch: Partial<RunRow> = {
    heartbeat_at: update.heartbeatAt.toISOString(),
  };
  if (update.status) {
    patch.status = update.status;
  }
  if (update.finishedAt) {
    patch.finished_at = update.finishedAt.toISOString();
  }
  if (update.entitiesTotal !== undefined) {
    patch.entities_total = update.entitiesTotal;
  }
  if (update.entitiesDone !== undefined) {
    patch.entities_done = update.entitiesDone;
  }
  if (update.errors) {
    patch.errors = JSON.stringify(update.errors);
  }
  await db('runs').where('id', id).update(patch);
}

/** One run. */
export async function getRun(
  db: Knex,
  id: string,
): Promise<RunInfo | undefined> {
  const row: RunRow | undefined = await db('runs').where('id', id).first();
  return row ? toRunInfo(row) : undefined;
}

/** Recent runs, newest first. */
export async function listRuns(db: Knex, limit: number): Promise<RunInfo[]> {
  const rows: RunRow[] = await db('runs')
    .orderBy([
      { column: 'started_at', order: 'desc' },
      { column: 'id', order: 'desc' },
    ])
    .limit(limit);
  return rows.map(toRunInfo);
}

/**
 * A full run still running with a heartbeat after the given time, or still
 * waiting to be claimed.
 */
export async function getActiveRun(
  db: Knex,
  heartbeatAfter: Date,
): Promise<RunInfo | undefined> {
  const row: RunRow | undefined = await db('runs')
    .where('status', 'running')
    .whereIn('trigger', ['schedule', 'manual'])
    .andWhere(qb =>
      qb
        .where('claimed', false)
        .orWhere('heartbeat_at', '>', heartbeatAfter.toISOString()),
    )
    .orderBy('started_at', 'desc')
    .first();
  return row ? toRunInfo(row) : undefined;
}

/** Marks full runs whose heartbeat stopped before the given time as failed. */
export async function failStaleRuns(
  db: Knex,
  heartbeatBefore: Date,
  now: Date,
): Promise<number> {
  const stale: RunRow[] = await db('runs')
    .where({ status: 'running', claimed: true })
    .andWhere('heartbeat_at', '<', heartbeatBefore.toISOString());
  for (const row of stale) {
    const errors = parseJson<string[]>(row.errors, []);
    errors.push(
      `Interrupted: no progress since ${row.heartbeat_at}; the process running it probably stopped`,
    );
    await db('runs')
      .where({ id: row.id, status: 'running' })
      .update({
        status: 'failed',
        finished_at: now.toISOString(),
        errors: JSON.stringify(errors),
      });
  }
  return stale.length;
}
