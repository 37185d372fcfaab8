import type {
  ChampionsResponse,
  EntityRollup,
  EntityRollupGap,
  EntitySummary,
} from '@prodready/plugin-readiness-common';
import type {
  ReadinessStore,
  StoreSearchAfter,
  StoreSearchFilters,
  VisibleEntityRefs,
} from '../database/ReadinessStore';
import type { PackIndex } from '../pack/PackIndex';
import type { RollupScope } from './RollupScopeResolver';

/** Level key of entities below the lowest level (as in `/rollups`). */
const NO_LEVEL = 'none';
/** Entities listed in a roll-up; the counts cover every one. */
const DEFAULT_MAX_ENTITIES = 1000;
const PAGE_SIZE = 500;
const WEAKEST = 5;
const ENTITIES_PER_GAP = 10;

/**
 * Options of {@link EntityRollupModel}.
 *
 * @internal
 */
export interface EntityRollupModelOptions {
  store: Pick<
    ReadinessStore,
    'search' | 'countSearch' | 'listFailingCheckIds' | 'listSummaries'
  >;
  pack: PackIndex;
  /** The champions of every check among what the caller may read. */
  champions: (visible: VisibleEntityRefs) => Promise<ChampionsResponse>;
  /** Entities listed at most (default 1,000); counts are never capped. */
  maxEntities?: number;
}

/**
 * The readiness of what a team, a system or a domain holds: level
 * distribution, the weakest links, the gaps that block the most entities'
 * next level, and the checks where the team is a champion.
 *
 * @internal
 */
export class EntityRollupModel {
  constructor(private readonly options: EntityRollupModelOptions) {}

  /** The roll-up of `entityRef` over its scope, as the caller may see it. */
  async rollup(
    entityRef: string,
    scope: RollupScope,
    visible: VisibleEntityRefs,
  ): Promise<EntityRollup> {
    const { store, pack } = this.options;
    const max = this.options.maxEntities ?? DEFAULT_MAX_ENTITIES;
    // The rolled-up entity itself (a System is scored too) is not its own
    // member: its own checks are on its own tab.
    const filters = {
      [scope.field]: scope.members,
      visibleEntityRefs: visible,
    };
    const [listed, matching, [self], champions] = await Promise.all([
      this.weakestFirst(filters, max + 1),
      store.countSearch(filters),
      store.listSummaries([entityRef], visible),
      scope.scope === 'team'
        ? this.options.champions(visible)
        : Promise.resolve(undefined),
    ]);
    const members = new Set(scope.members);
    const selfInScope = self && members.has(self[scope.field] ?? '') ? 1 : 0;
    const entities = listed
      .filter(e => e.entityRef !== entityRef)
      .slice(0, max);
    const failing = await store.listFailingCheckIds(
      entities.map(e => e.entityRef),
    );
    const withFailing = entities.map(e => ({
      ...pack.withTarget(e),
      failingCheckIds: failing.get(e.entityRef) ?? [],
    }));
    const levels: Record<string, number> = {};
    let scoreSum = 0;
    for (const entity of withFailing) {
      const level = entity.level ?? NO_LEVEL;
      levels[level] = (levels[level] ?? 0) + 1;
      scoreSum += entity.score;
    }
    const lowestRank = Math.min(
      ...withFailing.map(e => pack.levelRank(e.level)),
    );
    return {
      entityRef,
      scope: scope.scope,
      members: scope.members,
      entities: withFailing,
      totalEntities: Math.max(0, matching - selfInScope),
      belowTarget: withFailing.filter(e => (e.levelsToTarget ?? 0) > 0).length,
      meanScore: withFailing.length
        ? Math.round((scoreSum / withFailing.length) * 10) / 10
        : 0,
      levels,
      weakest: withFailing
        .filter(e => pack.levelRank(e.level) === lowestRank)
        .slice(0, WEAKEST),
      gaps: this.rankGaps(withFailing),
      championOf: champions ? championChecks(champions, members) : [],
    };
  }

  /** Entities in scope, lowest score first, at most `max`. */
  private async weakestFirst(
    filters: StoreSearchFilters,
    max: number,
  ): Promise<EntitySummary[]> {
    const items: EntitySummary[] = [];
    let after: StoreSearchAfter | undefined;
    do {
      const page = await this.options.store.search({
        ...filters,
        sort: 'score',
        order: 'asc',
        limit: Math.min(PAGE_SIZE, max - items.length),
        after,
      });
      items.push(...page.items);
      after = page.next;
    } while (after && items.length < max);
    return items;
  }

  /**
   * Failing checks ranked by how many entities' next level each blocks (a
   * check of that level or below), then by how many entities fail it.
   */
  private rankGaps(entities: EntitySummary[]): EntityRollupGap[] {
    const { pack } = this.options;
    const gaps = new Map<
      string,
      { failing: number; blocking: number; blocked: string[]; other: string[] }
    >();
    for (const entity of entities) {
      const nextRank = pack.levelRank(entity.level) + 1;
      for (const checkId of entity.failingCheckIds ?? []) {
        const info = pack.checkInfo(checkId);
        if (!info) continue; // a check since removed from the pack
        const gap = gaps.get(checkId) ?? {
          failing: 0,
          blocking: 0,
          blocked: [],
          other: [],
        };
        gap.failing += 1;
        if (pack.levelRank(info.level) <= nextRank) {
          gap.blocking += 1;
          gap.blocked.push(entity.entityRef);
        } else {
          gap.other.push(entity.entityRef);
        }
        gaps.set(checkId, gap);
      }
    }
    return [...gaps.entries()]
      .map(([checkId, gap]) => ({
        checkId,
        failing: gap.failing,
        blocking: gap.blocking,
        entityRefs: [...gap.blocked, ...gap.other].slice(0, ENTITIES_PER_GAP),
      }))
      .sort(
        (a, b) =>
          b.blocking - a.blocking ||
          b.failing - a.failing ||
          a.checkId.localeCompare(b.checkId),
      );
  }
}

/** The checks where one of `members` is among the champions. */
function championChecks(
  champions: ChampionsResponse,
  members: Set<string>,
): EntityRollup['championOf'] {
  const result: EntityRollup['championOf'] = [];
  for (const check of champions.checks) {
    for (const champion of check.champions) {
      if (members.has(champion.owner.ref)) {
        result.push({
          checkId: check.checkId,
          owner: champion.owner,
          passRate: champion.passRate,
        });
      }
    }
  }
  return result;
}
