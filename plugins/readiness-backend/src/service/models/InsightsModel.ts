import type {
  ChampionsResponse,
  RollupGroup,
  RollupResponse,
  TeamContact,
  TrendPoint,
} from '@prodready/plugin-readiness-common';
import type {
  ReadinessStore,
  ScoreSnapshot,
  SnapshotFilter,
  VisibleEntityRefs,
} from '../../database/ReadinessStore';
import { ExpiringCache } from '../../lib/ExpiringCache';
import type { ScoresVersionWatch } from '../../lib/ScoresVersionWatch';
import { parseEntityRefParam } from '../../lib/parseEntityRefParam';
import { visibilityKey } from '../../lib/visibilityKey';
import type { PackIndex } from '../../pack/PackIndex';
import {
  dayOf,
  entityTrendPoints,
  trendPoints,
  trendStartDay,
} from './trendPoints';

/** Level key of entities below the lowest level. */
const NO_LEVEL = 'none';
/** A champion needs at least this many entities to which the check applies. */
const MIN_CHAMPION_APPLICABLE = 2;

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

interface GroupAccumulator {
  entities: number;
  belowTarget: number;
  scoreSum: number;
  levels: Record<string, number>;
  categories: Map<string, { passed: number; failed: number }>;
}

function newAccumulator(): GroupAccumulator {
  return {
    entities: 0,
    belowTarget: 0,
    scoreSum: 0,
    levels: {},
    categories: new Map(),
  };
}

/**
 * Options of {@link InsightsModel}.
 *
 * @internal
 */
export interface InsightsModelOptions {
  store: ReadinessStore;
  pack: PackIndex;
  /** The scores version every cached aggregate is keyed by. */
  scoresVersion: ScoresVersionWatch;
  /**
   * How long a computed aggregate is kept at most (it is stale as soon as
   * the scores version changes).
   */
  cacheTtlMs: number;
  now?: () => Date;
}

/**
 * Organisation-wide views: roll-ups, trends and champions. Aggregates are
 * cached per visibility and scores version: a write of scores or exemptions
 * by any replica bumps the version in the database, so no replica serves an
 * aggregate of older scores (see {@link ScoresVersionWatch}); `cacheTtlMs`
 * only bounds how long an unused entry is kept.
 *
 * @internal
 */
export class InsightsModel {
  readonly #cache: ExpiringCache<unknown>;

  constructor(private readonly options: InsightsModelOptions) {
    this.#cache = new ExpiringCache({
      ttlMs: options.cacheTtlMs,
      maxEntries: 200,
    });
  }

  /** Drops cached aggregates (after a write by this process). */
  invalidate(): void {
    this.options.scoresVersion.invalidate();
    this.#cache.clear();
  }

  /** Today's day (`YYYY-MM-DD`, UTC), the last day of every trend. */
  today(): string {
    return dayOf(this.now());
  }

  private now(): Date {
    return this.options.now ? this.options.now() : new Date();
  }

  private async cached<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const version = await this.options.scoresVersion.current();
    return this.#cache.get(`${version}:${key}`, compute) as Promise<T>;
  }

  /**
   * Scored entities grouped by owner, system or domain. With `ancestors`
   * (the groups above each group), an entity also counts in every group
   * above its owner, once per group.
   */
  async rollups(
    groupBy: RollupResponse['groupBy'],
    visible: VisibleEntityRefs,
    options?: { ancestors: Map<string, string[]> },
  ): Promise<RollupResponse> {
    if (options) {
      // The tree is the caller's view of the catalog: not cached with it.
      return this.computeRollups(groupBy, visible, options.ancestors);
    }
    return this.cached(`rollups:${groupBy}:${visibilityKey(visible)}`, () =>
      this.computeRollups(groupBy, visible),
    );
  }

  private async computeRollups(
    groupBy: RollupResponse['groupBy'],
    visible: VisibleEntityRefs,
    ancestors?: Map<string, string[]>,
  ): Promise<RollupResponse> {
    const rows = await this.options.store.listRollupRows(groupBy, visible);
    const groups = new Map<string, GroupAccumulator>();
    const total = newAccumulator();
    const { pack } = this.options;
    const add = (acc: GroupAccumulator, row: (typeof rows)[number]) => {
      acc.entities += 1;
      const target = pack.targetGap({
        tier: row.tier,
        level: row.level,
        levelApplicable: row.level !== undefined || !!row.nextLevel,
      });
      if (target && target.levelsToGo > 0) {
        acc.belowTarget += 1;
      }
      acc.scoreSum += row.score;
      const level = row.level ?? NO_LEVEL;
      acc.levels[level] = (acc.levels[level] ?? 0) + 1;
      for (const category of row.categories) {
        const c = acc.categories.get(category.category) ?? {
          passed: 0,
          failed: 0,
        };
        c.passed += category.passed;
        c.failed += category.failed;
        acc.categories.set(category.category, c);
      }
    };
    for (const row of rows) {
      add(total, row);
      if (row.key) {
        for (const key of [row.key, ...(ancestors?.get(row.key) ?? [])]) {
          let acc = groups.get(key);
          if (!acc) {
            acc = newAccumulator();
            groups.set(key, acc);
          }
          add(acc, row);
        }
      }
    }
    const order = this.options.pack.pack.categories;
    const toGroup = (key: string, acc: GroupAccumulator): RollupGroup => {
      const categories: Record<string, number> = {};
      const names = [
        ...order.filter(c => acc.categories.has(c)),
        ...[...acc.categories.keys()].filter(c => !order.includes(c)).sort(),
      ];
      for (const name of names) {
        const c = acc.categories.get(name)!;
        const decided = c.passed + c.failed;
        if (decided > 0) {
          categories[name] = round(c.passed / decided, 4);
        }
      }
      return {
        key,
        entities: acc.entities,
        belowTarget: acc.belowTarget,
        meanScore: acc.entities ? round(acc.scoreSum / acc.entities, 1) : 0,
        levels: acc.levels,
        categories,
      };
    };
    return {
      groupBy,
      ...(ancestors ? { includeChildren: true } : {}),
      groups: [...groups.entries()]
        .map(([key, acc]) => toGroup(key, acc))
        .sort((a, b) => b.entities - a.entities || a.key.localeCompare(b.key)),
      total: toGroup('total', total),
    };
  }

  /**
   * Daily mean score and level counts over the last `days` days (today
   * included), of every visible entity or of one owner's or one entity's.
   */
  async trend(
    options: { days: number; owner?: string; entityRef?: string },
    visible: VisibleEntityRefs,
  ): Promise<TrendPoint[]> {
    const owner = options.owner
      ? parseEntityRefParam('owner', options.owner, {
          defaultKind: 'group',
          defaultNamespace: 'default',
        })
      : undefined;
    const today = dayOf(this.now());
    const compute = () =>
      this.computeTrend(
        options.days,
        { owner, entityRef: options.entityRef, visibleEntityRefs: visible },
        today,
      );
    if (options.entityRef) {
      // One entity's trend is two indexed reads; caching one per scorecard
      // would evict the organisation-wide aggregates.
      return compute();
    }
    const key = `trend:${options.days}:${owner ?? ''}:${today}:${visibilityKey(
      visible,
    )}`;
    return this.cached(key, compute);
  }

  private async computeTrend(
    days: number,
    filter: SnapshotFilter,
    today: string,
  ): Promise<TrendPoint[]> {
    const startDay = trendStartDay(days, today);
    const [before, since] = await Promise.all([
      this.options.store.listLatestSnapshotsBefore(startDay, filter),
      this.options.store.listSnapshotsSince(startDay, filter),
    ]);
    return trendPoints(before, since, days, today);
  }

  /**
   * One entity's trend of `days` days ending today, from every snapshot of
   * the entity (oldest first): what {@link InsightsModel.trend} answers for
   * it, without reading the store.
   */
  entityTrend(snapshots: ScoreSnapshot[], days: number): TrendPoint[] {
    return entityTrendPoints(snapshots, days, dayOf(this.now()));
  }

  /** For each check, the owners with the highest pass rate. */
  async champions(
    options: { checkId?: string; limit: number },
    visible: VisibleEntityRefs,
  ): Promise<ChampionsResponse> {
    if (options.checkId) {
      this.options.pack.requireChecks('checkId', [options.checkId]);
    }
    return this.cached(
      `champions:${options.checkId ?? ''}:${options.limit}:${visibilityKey(
        visible,
      )}`,
      () => this.computeChampions(options, visible),
    );
  }

  private async computeChampions(
    options: { checkId?: string; limit: number },
    visible: VisibleEntityRefs,
  ): Promise<ChampionsResponse> {
    const counts = await this.options.store.listOwnerCheckCounts({
      checkId: options.checkId,
      visibleEntityRefs: visible,
    });
    const byCheck = new Map<string, typeof counts>();
    for (const row of counts) {
      if (row.applicable < MIN_CHAMPION_APPLICABLE || row.passing === 0) {
        continue;
      }
      const list = byCheck.get(row.checkId) ?? [];
      list.push(row);
      byCheck.set(row.checkId, list);
    }
    const picked = new Map<string, typeof counts>();
    const ownerRefs = new Set<string>();
    for (const [checkId, list] of byCheck) {
      const top = list
        .sort(
          (a, b) =>
            b.passing / b.applicable - a.passing / a.applicable ||
            b.passing - a.passing ||
            a.owner.localeCompare(b.owner),
        )
        .slice(0, options.limit);
      picked.set(checkId, top);
      top.forEach(t => ownerRefs.add(t.owner));
    }
    const owners = await this.options.store.getOwners([...ownerRefs]);
    const contact = (ref: string): TeamContact =>
      owners.get(ref) ?? { ref, contacts: [] };
    const checkIds = options.checkId
      ? [options.checkId]
      : this.options.pack.checkIds();
    return {
      checks: checkIds.map(checkId => ({
        checkId,
        champions: (picked.get(checkId) ?? []).map(row => ({
          owner: contact(row.owner),
          passRate: round(row.passing / row.applicable, 4),
          passing: row.passing,
          applicable: row.applicable,
        })),
      })),
    };
  }
}
