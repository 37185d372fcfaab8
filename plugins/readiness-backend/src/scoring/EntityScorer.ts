import { performance } from 'node:perf_hooks';
import type { LoggerService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import {
  compileCheckPack,
  CompiledCheckPack,
  evaluateEntity,
  mapWithConcurrency,
  type CheckState,
  type Exemption,
  type RunInfo,
} from '@prodready/plugin-readiness-common';
import type {
  EntityScoreWrite,
  LevelChange,
  ReadinessStore,
  ScoreWriteStats,
} from '../database/ReadinessStore';
import type { ReadinessMetrics } from '../observability/ReadinessMetrics';
import type { FactCollector } from '../facts';
import type { PackIndex } from '../pack/PackIndex';
import {
  dependentsToRescore,
  type DependentRelations,
} from '../dependencies/dependentsToRescore';
import { describeError } from './runErrors';
import { toEntityScoreWrite } from './toEntityScoreWrite';

/**
 * Options of {@link EntityScorer}.
 *
 * @public
 */
export interface EntityScorerOptions {
  store: ReadinessStore;
  logger: LoggerService;
  collector: FactCollector;
  pack: PackIndex;
  metrics: ReadinessMetrics;
  /** Called after every write, e.g. to drop cached aggregates. */
  onWrite?: () => void;
  /** Called with the entities whose level changed in a write. */
  onLevelChanges?: (changes: LevelChange[]) => Promise<void>;
  /**
   * Which entities that read the level of one whose level moved (or that was
   * scored for the first time) are marked for the next delta pass, so that
   * their check reads the new level within seconds: its dependents when the
   * dependency check is on (`readiness.dependencies.enabled`), the Systems
   * and Domains it is part of when the roll-up check is
   * (`readiness.rollup.enabled`). Nothing is marked when absent.
   */
  rescoreDependents?: DependentRelations;
  now?: () => Date;
}

/**
 * A batch of entities scored by {@link EntityScorer.scoreBatch}, not yet
 * written.
 *
 * @public
 */
export interface ScoredBatch {
  writes: EntityScoreWrite[];
  /** The entities scored (not failed), whose etags are recorded on write. */
  scored: Entity[];
  /** Refs of entities scored, or kept after an error. */
  seen: string[];
  /** Refs of entities to which no check applies (not scored). */
  notScored: string[];
  errors: string[];
  stateCounts: Partial<Record<CheckState, number>>;
}

/**
 * What {@link EntityScorer.scoreAndWrite} did with a batch of entities.
 *
 * @public
 */
export interface BatchOutcome {
  /** Refs of entities scored and written, or kept after an error. */
  seen: string[];
  /** Refs of entities to which no check applies (not scored). */
  notScored: string[];
  errors: string[];
  stateCounts: Partial<Record<CheckState, number>>;
  stats: ScoreWriteStats;
}

/** The catalog etags of the given entities that have one. */
export function etagsOf(entities: Entity[]): Map<string, string> {
  const etags = new Map<string, string>();
  for (const entity of entities) {
    if (entity.metadata.etag) {
      etags.set(stringifyEntityRef(entity), entity.metadata.etag);
    }
  }
  return etags;
}

/**
 * Scores entities: collects their facts, evaluates the check pack with
 * their active exemptions, and writes the scores (with the catalog etags
 * they were scored at). Shared by full runs, shards, the delta pass and
 * single-entity rescoring.
 *
 * @public
 */
export class EntityScorer {
  private readonly compiledPack: CompiledCheckPack;

  constructor(private readonly options: EntityScorerOptions) {
    this.compiledPack = compileCheckPack(options.pack.pack);
  }

  now(): Date {
    return this.options.now ? this.options.now() : new Date();
  }

  /** Active exemptions by entity ref, of one entity or all. */
  async activeExemptionsByEntity(
    entityRef?: string,
  ): Promise<Map<string, Exemption[]>> {
    const list = await this.options.store.listExemptions({
      activeAt: this.now(),
      entityRef,
    });
    const byEntity = new Map<string, Exemption[]>();
    for (const exemption of list) {
      const items = byEntity.get(exemption.entityRef) ?? [];
      items.push(exemption);
      byEntity.set(exemption.entityRef, items);
    }
    return byEntity;
  }

  /**
   * Collects facts and evaluates one entity. Undefined when no check of the
   * pack applies to it (it is then not scored).
   */
  async scoreOne(
    entity: Entity,
    runId: string,
    signal: AbortSignal,
    exemptions: Exemption[] | undefined,
    collector: FactCollector = this.options.collector,
  ): Promise<EntityScoreWrite | undefined> {
    const started = performance.now();
    const facts = await collector.collect(entity, {
      runId,
      signal,
    });
    this.options.metrics.recordFacts((performance.now() - started) / 1000);
    const scorecard = evaluateEntity(this.compiledPack, facts, {
      exemptions: exemptions ?? [],
      now: this.now(),
    });
    if (scorecard.results.every(r => r.state === 'not-applicable')) {
      return undefined;
    }
    return toEntityScoreWrite(entity, facts, scorecard, this.options.pack);
  }

  /** Tells the listener about level changes; its failures are only logged. */
  async reportLevelChanges(changes: LevelChange[]): Promise<void> {
    if (changes.length === 0 || !this.options.onLevelChanges) {
      return;
    }
    try {
      await this.options.onLevelChanges(changes);
    } catch (error) {
      this.options.logger.warn(
        `Could not report ${changes.length} level changes: ${describeError(
          error,
        )}`,
      );
    }
  }

  /**
   * Writes scores in one transaction and records the etags the entities
   * were scored at; tells the write and level-change listeners.
   */
  async write(
    batch: EntityScoreWrite[],
    scored: Entity[],
  ): Promise<ScoreWriteStats> {
    const { store } = this.options;
    const stats = await store.writeScores(batch, this.now());
    const etags = etagsOf(scored);
    if (etags.size > 0) {
      await store.saveEntityEtags(etags);
    }
    this.options.onWrite?.();
    await this.markDependents(scored, stats);
    await this.reportLevelChanges(stats.levelChanges);
    return stats;
  }

  /**
   * Marks the dependents of the entities whose level moved in a write for
   * the next delta pass (in the database: any replica's pass finds them).
   * Bounded per write; a cycle stops where levels stop moving. Failures are
   * only logged: the next full run rescores them anyway.
   */
  private async markDependents(
    scored: Entity[],
    stats: ScoreWriteStats,
  ): Promise<void> {
    const follow = this.options.rescoreDependents;
    if (!follow || (!follow.dependencies && !follow.wholes)) {
      return;
    }
    const moved = new Set([
      ...stats.levelChanges.map(change => change.entityRef),
      ...stats.firstScored,
    ]);
    const dependents = dependentsToRescore(scored, moved, undefined, follow);
    if (dependents.length === 0) {
      return;
    }
    try {
      const marked = await this.options.store.markForRescore(dependents);
      if (marked > 0) {
        this.options.logger.debug(
          `${marked} dependents of ${moved.size} entities whose level moved are rescored by the next delta pass`,
        );
      }
    } catch (error) {
      this.options.logger.warn(
        `Could not mark ${
          dependents.length
        } dependents for rescoring: ${describeError(error)}`,
      );
    }
  }

  /**
   * Scores a batch of entities, `concurrency` at a time. An entity whose
   * scoring fails keeps what is stored for it, with the error.
   */
  async scoreBatch(
    entities: Entity[],
    runId: string,
    signal: AbortSignal,
    concurrency: number,
    exemptions?: Map<string, Exemption[]>,
  ): Promise<ScoredBatch> {
    const byEntity = exemptions ?? (await this.activeExemptionsByEntity());
    const out: ScoredBatch = {
      writes: [],
      scored: [],
      seen: [],
      notScored: [],
      errors: [],
      stateCounts: {},
    };
    // What the providers read from the database, read for the whole batch.
    const collector =
      (await this.options.collector
        .forEntities?.(entities, { runId, signal })
        // Never fails the batch: its entities are then read one by one.
        .catch(() => undefined)) ?? this.options.collector;
    const writes = await mapWithConcurrency(
      entities,
      concurrency,
      async entity => {
        const ref = stringifyEntityRef(entity);
        try {
          const write = await this.scoreOne(
            entity,
            runId,
            signal,
            byEntity.get(ref),
            collector,
          );
          (write ? out.seen : out.notScored).push(ref);
          out.scored.push(entity);
          return write;
        } catch (error) {
          out.seen.push(ref);
          out.errors.push(`${ref}: ${describeError(error)}`);
          return undefined;
        }
      },
    );
    out.writes = writes.filter((w): w is EntityScoreWrite => !!w);
    for (const write of out.writes) {
      for (const result of write.results) {
        out.stateCounts[result.state] =
          (out.stateCounts[result.state] ?? 0) + 1;
      }
    }
    return out;
  }

  /** Writes a scored batch (see {@link EntityScorer.write}). */
  async writeBatch(
    batch: ScoredBatch,
    trigger: RunInfo['trigger'],
  ): Promise<ScoreWriteStats> {
    const stats = await this.write(batch.writes, batch.scored);
    this.options.metrics.recordEntitiesScored(batch.writes.length, trigger);
    return stats;
  }

  /** Scores a batch of entities and writes them in one transaction. */
  async scoreAndWrite(
    entities: Entity[],
    run: Pick<RunInfo, 'id' | 'trigger'>,
    signal: AbortSignal,
    concurrency: number,
    exemptions?: Map<string, Exemption[]>,
  ): Promise<BatchOutcome> {
    const batch = await this.scoreBatch(
      entities,
      run.id,
      signal,
      concurrency,
      exemptions,
    );
    const stats = await this.writeBatch(batch, run.trigger);
    return {
      seen: batch.seen,
      notScored: batch.notScored,
      errors: batch.errors,
      stateCounts: batch.stateCounts,
      stats,
    };
  }
}
