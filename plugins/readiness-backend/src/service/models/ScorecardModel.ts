import { NotFoundError } from '@backstage/errors';
import type {
  EntityScorecardResponse,
  LearnFromExemplar,
  TeamContact,
  TrendPoint,
} from '@prodready/plugin-readiness-common';
import type {
  ExemplarCandidate,
  ReadinessStore,
  ScorecardDocument,
  StoredEntityScore,
  VisibleEntityRefs,
} from '../../database/ReadinessStore';
import { SCORECARD_HISTORY_LIMIT } from '../../database/operations/scorecardDocuments';
import type { PackIndex } from '../../pack/PackIndex';
import type { ExemplarFinder } from '../../learnFrom/ExemplarFinder';
import type { InsightsModel } from './InsightsModel';
import { PreparedJson } from '../PreparedJson';
import { visibilityKey } from '../../lib/visibilityKey';
import { ScorecardBodyCache } from './ScorecardBodyCache';
import {
  GAP_STATES,
  levelApplicability,
} from '@prodready/plugin-readiness-common';

/** History events returned with a scorecard. */
const HISTORY_LIMIT = SCORECARD_HISTORY_LIMIT;
/** Days of score trend returned with a scorecard. */
const TREND_DAYS = 90;

/**
 * Options of {@link ScorecardModel}.
 *
 * @internal
 */
export interface ScorecardModelOptions {
  store: ReadinessStore;
  pack: PackIndex;
  insights: InsightsModel;
  /** Ranks learn-from exemplars (in memory, see {@link ExemplarFinder}). */
  exemplars: Pick<ExemplarFinder, 'find' | 'indexVersion'>;
  /** Learn-from exemplars per failing check. */
  learnFromLimit: number;
  /** Where prepared bodies are kept; default one of 64 MB. */
  bodies?: ScorecardBodyCache;
}

function explainSimilarity(
  entity: StoredEntityScore,
  candidate: ExemplarCandidate,
): string[] {
  const reasons: string[] = [];
  const other = candidate.entity;
  if (entity.system && other.system === entity.system) {
    reasons.push('same system');
  }
  if (entity.domain && other.domain === entity.domain) {
    reasons.push('same domain');
  }
  if (entity.type && other.type === entity.type) {
    reasons.push(`same type ${entity.type}`);
  }
  const mine = new Set(entity.traits);
  for (const trait of candidate.traits) {
    if (!mine.has(trait)) {
      continue;
    }
    if (trait.startsWith('tag:')) {
      reasons.push(`shares tag ${trait.slice(4)}`);
    } else if (trait.startsWith('lang:')) {
      reasons.push(`same language ${trait.slice(5)}`);
    }
  }
  return reasons;
}

/**
 * One entity's scorecard: its results with check info and remediation, who
 * to learn from for each failing check, its owner's contacts, its change
 * history and trend.
 *
 * @internal
 */
export class ScorecardModel {
  readonly #bodies: ScorecardBodyCache;

  constructor(private readonly options: ScorecardModelOptions) {
    this.#bodies = options.bodies ?? new ScorecardBodyCache();
  }

  /**
   * The scorecard as a prepared JSON body, reused while nothing it was built
   * from changed: a repeat request reads one small row (the entity's
   * document time and evaluation time, the store's results and scores
   * versions; see `ReadinessStore.getScorecardVersion`) and does no JSON
   * work. The key adds the caller's visibility (learn-from exemplars differ)
   * and the day (the trend ends today). A body ranked on a learn-from index
   * older than the store's results is served but not kept. The caller must
   * already have checked that the entity is visible.
   */
  async getScorecardJson(
    entityRef: string,
    visible: VisibleEntityRefs,
  ): Promise<PreparedJson> {
    const { store, exemplars, learnFromLimit } = this.options;
    const stored = await store.getScorecardVersion(entityRef);
    if (!stored) {
      // Not scored (404), or scored before documents existed.
      return PreparedJson.of(await this.getScorecard(entityRef, visible));
    }
    const day = this.options.insights.today();
    const key = `${entityRef}\n${visibilityKey(visible)}`;
    const version = [
      stored.builtAt,
      stored.evaluatedAt,
      stored.resultsVersion,
      stored.scoresVersion,
      day,
    ].join('|');
    const kept = this.#bodies.get(key, version);
    if (kept) {
      return kept;
    }
    const indexBefore = exemplars.indexVersion;
    const body = PreparedJson.of(await this.getScorecard(entityRef, visible));
    const indexAfter = exemplars.indexVersion;
    const rankedOnCurrentIndex =
      indexBefore === indexAfter && indexAfter === stored.resultsVersion;
    if (learnFromLimit === 0 || rankedOnCurrentIndex) {
      this.#bodies.set(key, version, await body.compact());
    }
    return body;
  }

  /**
   * The scorecard of a scored entity. The caller must already have checked
   * that the entity is visible; `visible` restricts the exemplars.
   */
  async getScorecard(
    entityRef: string,
    visible: VisibleEntityRefs,
  ): Promise<EntityScorecardResponse> {
    const { store, insights } = this.options;
    // The precomputed document: one read. Entities scored before documents
    // existed (until their next rescore) are read query by query.
    const document = await store.getScorecardDocument(entityRef);
    if (document) {
      return this.assemble(entityRef, visible, {
        ...document,
        trend: insights.entityTrend(document.snapshots, TREND_DAYS),
      });
    }
    // Everything that does not depend on the score is read at once.
    const [score, results, history, trend] = await Promise.all([
      store.getScore(entityRef),
      store.listResults(entityRef),
      store.listHistory(entityRef, HISTORY_LIMIT),
      insights.trend({ days: TREND_DAYS, entityRef }, undefined),
    ]);
    if (!score) {
      throw new NotFoundError(`Entity ${entityRef} has not been scored`);
    }
    return this.assemble(entityRef, visible, {
      score,
      results,
      history,
      trend,
    });
  }

  /** Adds check info, learn-from exemplars and owner contacts. */
  private async assemble(
    entityRef: string,
    visible: VisibleEntityRefs,
    stored: Omit<ScorecardDocument, 'snapshots'> & { trend: TrendPoint[] },
  ): Promise<EntityScorecardResponse> {
    const { store, pack, exemplars: finder, learnFromLimit } = this.options;
    const { score, results: allResults, trend } = stored;
    const history = stored.history.slice(0, HISTORY_LIMIT);
    const results = allResults.filter(r => pack.hasCheck(r.checkId));
    const failing = results
      .filter(r => GAP_STATES.includes(r.state))
      .map(r => r.checkId);
    const exemplars =
      learnFromLimit > 0 && failing.length > 0
        ? await finder.find({
            checkIds: failing,
            entityRef,
            owner: score.owner,
            system: score.system,
            domain: score.domain,
            type: score.type,
            traits: score.traits,
            limit: learnFromLimit,
            visibleEntityRefs: visible,
          })
        : [];
    const owners = await store.getOwners([
      ...(score.owner ? [score.owner] : []),
      ...exemplars.map(e => e.entity.owner ?? ''),
    ]);
    const contact = (ref: string): TeamContact =>
      owners.get(ref) ?? { ref, contacts: [] };

    const learnFrom = new Map<string, LearnFromExemplar[]>();
    for (const candidate of exemplars) {
      const list = learnFrom.get(candidate.checkId) ?? [];
      list.push({
        entity: candidate.entity,
        owner: contact(candidate.entity.owner ?? ''),
        similarity: explainSimilarity(score, candidate),
        evidence: candidate.evidence,
      });
      learnFrom.set(candidate.checkId, list);
    }

    const order = new Map(pack.checkIds().map((id, i) => [id, i]));
    results.sort(
      (a, b) => (order.get(a.checkId) ?? 0) - (order.get(b.checkId) ?? 0),
    );

    const {
      traits: _traits,
      nextLevel,
      blockingCheckIds,
      categories,
      ...summary
    } = score;
    const applicability = levelApplicability(
      results
        .filter(r => r.state !== 'not-applicable')
        .map(r => pack.checkInfo(r.checkId)?.category ?? ''),
    );
    // From the stored document and config alone: no query of its own, and a
    // change of targets shows without a rescore.
    const targetGap = pack.targetGap(
      {
        tier: summary.tier,
        level: summary.level,
        levelApplicable: applicability.levelApplicable,
      },
      results,
    );
    return {
      entity: targetGap
        ? {
            ...summary,
            nextLevel,
            target: targetGap.level,
            levelsToTarget: targetGap.levelsToGo,
          }
        : { ...summary, nextLevel },
      ...applicability,
      nextLevel,
      blockingCheckIds,
      targetGap,
      categories,
      results: results.map(result => ({
        ...result,
        check: pack.checkInfo(result.checkId)!,
        learnFrom: GAP_STATES.includes(result.state)
          ? learnFrom.get(result.checkId) ?? []
          : undefined,
      })),
      owner: score.owner ? contact(score.owner) : undefined,
      history,
      trend,
    };
  }
}
