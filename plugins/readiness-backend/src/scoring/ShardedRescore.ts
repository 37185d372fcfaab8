import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { RunInfo } from '@prodready/plugin-readiness-common';
import type { ClaimedShard, ReadinessStore } from '../database/ReadinessStore';
import type { DefaultScoringService } from './DefaultScoringService';
import type { ScoringService } from './ScoringService';
import { abortReason } from './deadlines';
import { describeError, errorsWithCount, MAX_RUN_ERRORS } from './runErrors';

/** Default time between two heartbeats of a claimed shard. */
const DEFAULT_HEARTBEAT_INTERVAL_MS = 10_000;
/** Default time without a heartbeat after which a shard is taken over. */
const DEFAULT_LEASE_MS = 60_000;
/** Default claims of one shard before it is failed. */
const DEFAULT_MAX_ATTEMPTS = 5;
/** Default wait of the planning replica between two looks for work. */
const DEFAULT_POLL_INTERVAL_MS = 500;
/** Refs per catalog request when checking which entities still exist. */
const REFS_PER_REQUEST = 500;
/** The fields that make an entity ref. */
const REF_FIELDS = ['kind', 'metadata.namespace', 'metadata.name'];

/**
 * Options of {@link ShardedRescore.create}.
 *
 * @public
 */
export interface ShardedRescoreOptions {
  /** Scores and writes entities, cleans up after complete runs. */
  scoring: DefaultScoringService;
  store: ReadinessStore;
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  kinds: string[];
  /** Entities per catalog page while planning a run. */
  pageSize: number;
  /** Entities per shard. */
  shardSize: number;
  /** Entities scored at a time within a shard. */
  concurrency: number;
  /** This replica's name in claimed shards; a random one by default. */
  owner?: string;
  /** Time between two heartbeats of a claimed shard; 10 s by default. */
  heartbeatIntervalMs?: number;
  /** Time without a heartbeat after which a shard is taken over; 60 s by default. */
  leaseMs?: number;
  /** Claims of one shard before it is failed with the reason; 5 by default. */
  maxAttempts?: number;
  /** Wait of the planning replica between two looks for work; 0.5 s by default. */
  pollIntervalMs?: number;
  now?: () => Date;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise(resolve => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

/**
 * A full rescore shared by every replica: the replica that runs the global
 * rescore task lists the catalog's entity refs (cheap: three fields), splits
 * them into shards of `shardSize` stored in `run_shards`, and then works on
 * shards like every other replica does from its local shard task
 * ({@link ShardedRescore.workShards}). A claimed shard is heartbeated; a
 * shard of a replica that died is taken over once its lease expires; a shard
 * that fails (e.g. the catalog answers errors) goes back to pending and is
 * retried, at most `maxAttempts` times. The last shard, -1, finalizes the
 * run once every other has ended: entities gone from the catalog are removed
 * only when every shard is done; a run with a failed shard ends failed with
 * the reason and removes nothing.
 *
 * @public
 */
export class ShardedRescore implements ScoringService {
  /** Creates the sharded rescore. */
  static create(options: ShardedRescoreOptions): ShardedRescore {
    return new ShardedRescore(options);
  }

  /** This replica's name in the shards it claims. */
  readonly owner: string;

  private constructor(private readonly options: ShardedRescoreOptions) {
    this.owner =
      options.owner ??
      `${hostname().slice(0, 40)}-${process.pid}-${randomUUID().slice(0, 8)}`;
  }

  private now(): Date {
    return this.options.now ? this.options.now() : new Date();
  }

  private leaseMs(): number {
    return this.options.leaseMs ?? DEFAULT_LEASE_MS;
  }

  private maxAttempts(): number {
    return this.options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  }

  scoreEntity(entity: Entity): Promise<void> {
    return this.options.scoring.scoreEntity(entity);
  }

  /**
   * Plans the run's shards, works on shards until none is left to claim, and
   * waits until the run has ended (finalized by whichever replica ended its
   * last shard). Never throws.
   */
  async rescoreAll(run: RunInfo, signal: AbortSignal): Promise<RunInfo> {
    const { store } = this.options;
    const logger = this.options.logger.child({ runId: run.id });
    setMaxListeners(0, signal);
    try {
      const refs = await this.listRefs(signal);
      const chunks: string[][] = [];
      for (let i = 0; i < refs.length; i += this.options.shardSize) {
        chunks.push(refs.slice(i, i + this.options.shardSize));
      }
      await store.createShards(run.id, chunks);
      await store.updateRun(run.id, {
        entitiesTotal: refs.length,
        heartbeatAt: this.now(),
      });
      logger.info(
        `Rescore started (${run.trigger}): ${refs.length} entities in ${chunks.length} shards`,
      );
      for (;;) {
        if (signal.aborted) {
          throw abortReason(signal);
        }
        const worked = await this.workShards(signal);
        const current = await store.getRun(run.id);
        if (!current || current.status !== 'running') {
          logger.info(
            `Rescore ${current?.status ?? 'gone'}: ${
              current?.entitiesDone ?? 0
            } entities; this replica scored ${worked} shards in its last turn`,
          );
          return current ?? { ...run, status: 'failed' };
        }
        if (worked === 0) {
          await sleep(
            this.options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS,
            signal,
          );
        }
      }
    } catch (error) {
      const now = this.now();
      const current = await store.getRun(run.id).catch(() => undefined);
      if (current && current.status !== 'running') {
        // The run ended (its last shard finalized it, here or on another
        // replica) before this replica stopped: an abort at shutdown must not
        // turn a finished run into a failed one.
        logger.info(
          `Rescore ${
            current.status
          } before this replica stopped: ${describeError(error)}`,
        );
        return current;
      }
      const errors = [
        ...(current?.errors ?? []),
        `Run failed: ${describeError(error)}`,
      ];
      await store
        .updateRun(run.id, {
          status: 'failed',
          finishedAt: now,
          errors,
          heartbeatAt: now,
        })
        .catch(updateError =>
          logger.error(
            `Could not record the failure of run ${run.id}: ${describeError(
              updateError,
            )}`,
          ),
        );
      logger.error(`Rescore failed: ${describeError(error)}`);
      return {
        ...(current ?? run),
        status: 'failed',
        finishedAt: now.toISOString(),
        errors,
      };
    }
  }

  /** The refs of every entity of the scored kinds, page by page. */
  private async listRefs(signal: AbortSignal): Promise<string[]> {
    const { catalog, auth, kinds, pageSize } = this.options;
    const credentials = await auth.getOwnServiceCredentials();
    const refs: string[] = [];
    let cursor: string | undefined;
    do {
      if (signal.aborted) {
        throw abortReason(signal);
      }
      const page = await catalog.queryEntities(
        cursor
          ? { cursor, limit: pageSize }
          : { filter: { kind: kinds }, fields: REF_FIELDS, limit: pageSize },
        { credentials },
      );
      refs.push(...page.items.map(e => stringifyEntityRef(e)));
      cursor = page.pageInfo.nextCursor;
    } while (cursor);
    return refs;
  }

  /**
   * Claims and works on shards of any running run until none is left to
   * claim (the body of each replica's shard task). Returns how many shards
   * it ended.
   */
  async workShards(signal: AbortSignal): Promise<number> {
    let worked = 0;
    while (!signal.aborted) {
      const now = this.now();
      const claim = await this.options.store.claimShard({
        owner: this.owner,
        now,
        leaseExpiredBefore: new Date(now.getTime() - this.leaseMs()),
        maxAttempts: this.maxAttempts(),
      });
      if (!claim) {
        break;
      }
      const ok = await this.workShard(claim, signal);
      if (!ok) {
        // Back off: the next turn (or another replica) retries it.
        break;
      }
      worked += 1;
    }
    return worked;
  }

  /** Works on one claimed shard with heartbeats; false when it failed. */
  private async workShard(
    claim: ClaimedShard,
    signal: AbortSignal,
  ): Promise<boolean> {
    const { store } = this.options;
    const logger = this.options.logger.child({
      runId: claim.runId,
      shard: claim.shard,
    });
    const lost = new AbortController();
    const shardSignal = AbortSignal.any([signal, lost.signal]);
    setMaxListeners(0, shardSignal);
    const timer = setInterval(() => {
      store.heartbeatShard(claim, this.now()).then(
        owned => {
          if (!owned) {
            lost.abort(new Error(`Shard ${claim.shard} was taken over`));
          }
        },
        error =>
          logger.warn(
            `Could not record the heartbeat of shard ${
              claim.shard
            }: ${describeError(error)}`,
          ),
      );
    }, this.options.heartbeatIntervalMs ?? DEFAULT_HEARTBEAT_INTERVAL_MS);
    timer.unref?.();
    try {
      if (claim.shard < 0) {
        await this.finalize(claim);
      } else {
        await this.scoreShard(claim, shardSignal);
      }
      return true;
    } catch (error) {
      const reason = `Shard ${claim.shard} (attempt ${claim.attempts} by ${
        this.owner
      }): ${describeError(error)}`;
      logger.warn(reason);
      await store
        .releaseShard(claim, reason, this.maxAttempts())
        .catch(releaseError =>
          logger.warn(
            `Could not give shard ${claim.shard} back: ${describeError(
              releaseError,
            )}`,
          ),
        );
      return false;
    } finally {
      clearInterval(timer);
    }
  }

  /** Scores the entities of one shard and ends it. */
  private async scoreShard(
    claim: ClaimedShard,
    signal: AbortSignal,
  ): Promise<void> {
    const { store, catalog, auth } = this.options;
    const credentials = await auth.getOwnServiceCredentials();
    const run = await store.getRun(claim.runId);
    const { items } = await catalog.getEntitiesByRefs(
      { entityRefs: claim.refs },
      { credentials },
    );
    if (signal.aborted) {
      throw abortReason(signal);
    }
    const present = items.filter((e): e is Entity => !!e);
    const missing = claim.refs.filter((_, i) => !items[i]);
    const outcome = await this.options.scoring.scorer.scoreAndWrite(
      present,
      { id: claim.runId, trigger: run?.trigger ?? 'schedule' },
      signal,
      this.options.concurrency,
    );
    await store.completeShard(
      claim,
      {
        entitiesDone: present.length,
        errors: outcome.errors.slice(0, MAX_RUN_ERRORS),
        gone: [...missing, ...outcome.notScored],
      },
      this.now(),
    );
  }

  /**
   * Ends a run whose shards have all ended: removes entities gone from the
   * catalog (only when every shard is done) and records the outcome.
   */
  private async finalize(claim: ClaimedShard): Promise<void> {
    const { store } = this.options;
    const summary = await store.summarizeShards(claim.runId);
    const errors = errorsWithCount(
      summary.errors.slice(0, MAX_RUN_ERRORS),
      summary.errors.length,
    );
    const now = this.now();
    if (summary.failed > 0) {
      errors.push(
        `Run failed: ${summary.failed} of ${summary.shards} shards failed; their entities keep their last results and nothing was removed`,
      );
      await store.updateRun(claim.runId, {
        status: 'failed',
        finishedAt: now,
        entitiesDone: summary.entitiesDone,
        errors,
        heartbeatAt: now,
      });
    } else {
      const planned = new Set(summary.refs);
      // Entities scored after the run was planned (by the delta pass) are
      // not in its shards: removed only when the catalog no longer has them.
      const unplanned = (await store.listScoredEntityRefs()).filter(
        ref => !planned.has(ref),
      );
      const gone = [...summary.gone, ...(await this.missing(unplanned))];
      await this.options.scoring.cleanUpAfterRun(gone, summary.entitiesDone);
      // The gauge an unsharded run sets from what it scored, here from the
      // store (this replica scored only some shards); best effort.
      await this.options.scoring
        .recordResultCounts()
        .catch(error =>
          this.options.logger.warn(
            `Could not count the results by state: ${describeError(error)}`,
          ),
        );
      await store.updateRun(claim.runId, {
        status: 'succeeded',
        finishedAt: now,
        entitiesDone: summary.entitiesDone,
        errors,
        heartbeatAt: now,
      });
    }
    await store.completeShard(
      claim,
      { entitiesDone: 0, errors: [], gone: [] },
      now,
    );
    await store.deleteEndedShards();
  }

  /** The refs the catalog does not have. */
  private async missing(refs: string[]): Promise<string[]> {
    const { catalog, auth } = this.options;
    if (refs.length === 0) {
      return [];
    }
    const credentials = await auth.getOwnServiceCredentials();
    const out: string[] = [];
    for (let i = 0; i < refs.length; i += REFS_PER_REQUEST) {
      const part = refs.slice(i, i + REFS_PER_REQUEST);
      const { items } = await catalog.getEntitiesByRefs(
        { entityRefs: part, fields: REF_FIELDS },
        { credentials },
      );
      out.push(...part.filter((_, j) => !items[j]));
    }
    return out;
  }
}
