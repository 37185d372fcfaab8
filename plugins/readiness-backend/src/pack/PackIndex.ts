import { InputError } from '@backstage/errors';
import {
  computeTargetGap,
  toCheckInfo,
  type CheckInfo,
  type CheckResult,
  type EntitySummary,
  type TargetGap,
  type TargetPackView,
  type TargetSubject,
  type CheckPack,
  type CheckPackResponse,
} from '@prodready/plugin-readiness-common';

/**
 * Lookups over the check pack in use: level order, check info, categories,
 * and the target level of each tier (`readiness.targets.byTier`, none when
 * not given).
 *
 * @internal
 */
export class PackIndex {
  readonly #levelRanks: Map<string, number>;
  readonly #checks: Map<string, CheckInfo>;
  readonly #targetView: TargetPackView;

  constructor(
    readonly pack: CheckPack,
    readonly targetsByTier: Readonly<Record<string, string>> = {},
  ) {
    this.#targetView = {
      levelIds: pack.levels.map(level => level.id),
      checkLevel: id => this.#checks.get(id)?.level,
    };
    this.#levelRanks = new Map(
      pack.levels.map((level, i) => [level.id, i + 1]),
    );
    this.#checks = new Map(
      pack.checks.map(check => [check.id, toCheckInfo(check)]),
    );
  }

  /** 1-based position of a level in the pack's order; 0 for none or unknown. */
  levelRank(levelId: string | undefined): number {
    return levelId ? this.#levelRanks.get(levelId) ?? 0 : 0;
  }

  /**
   * The rank of a level given in a request; InputError naming the parameter
   * when the pack has no such level.
   */
  requireLevelRank(parameter: string, levelId: string): number {
    const rank = this.#levelRanks.get(levelId);
    if (rank === undefined) {
      throw new InputError(
        `Invalid ${parameter} '${levelId}': not a level of the check pack (${[
          ...this.#levelRanks.keys(),
        ].join(', ')})`,
      );
    }
    return rank;
  }

  /** Whether the pack has a check. */
  hasCheck(checkId: string): boolean {
    return this.#checks.has(checkId);
  }

  /**
   * Throws InputError naming the parameter for check ids not in the pack.
   */
  requireChecks(parameter: string, checkIds: string[] | undefined): void {
    for (const id of checkIds ?? []) {
      if (!this.#checks.has(id)) {
        throw new InputError(
          `Invalid ${parameter} '${id}': not a check of the check pack`,
        );
      }
    }
  }

  /** The API description of a check. */
  checkInfo(checkId: string): CheckInfo | undefined {
    return this.#checks.get(checkId);
  }

  /** Ids of every check, in pack order. */
  checkIds(): string[] {
    return [...this.#checks.keys()];
  }

  /** The pack as the API describes it. */
  toResponse(): CheckPackResponse {
    return {
      levels: this.pack.levels,
      categories: this.pack.categories,
      checks: [...this.#checks.values()],
    };
  }

  /**
   * The gap of an entity to its tier's target level; `undefined` without a
   * target. Blocking checks are listed when `results` are given.
   */
  targetGap(
    subject: TargetSubject,
    results?: ReadonlyArray<
      Pick<CheckResult, 'checkId' | 'state' | 'notConfigured'>
    >,
  ): TargetGap | undefined {
    return computeTargetGap(
      this.#targetView,
      this.targetsByTier,
      subject,
      results,
    );
  }

  /**
   * A summary with its target and levels to go. A summary with neither a
   * level nor a next level has no level that applies (an API, a System).
   */
  withTarget<T extends EntitySummary>(summary: T): T {
    const gap = this.targetGap({
      tier: summary.tier,
      level: summary.level,
      levelApplicable: summary.level !== undefined || !!summary.nextLevel,
    });
    if (!gap) {
      return summary;
    }
    return { ...summary, target: gap.level, levelsToTarget: gap.levelsToGo };
  }

  /**
   * Each targeted tier with the 1-based rank of its target level, for the
   * store's `belowTarget` filter and `targetGap` sort.
   */
  targetRanks(): Array<{ tier: string; rank: number }> {
    return Object.entries(this.targetsByTier)
      .map(([tier, level]) => ({ tier, rank: this.levelRank(level) }))
      .filter(target => target.rank > 0);
  }
}
