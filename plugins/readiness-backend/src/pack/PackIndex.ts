import { InputError } from '@backstage/errors';
import {
  toCheckInfo,
  type CheckInfo,
  type CheckPack,
  type CheckPackResponse,
} from '@prodready/plugin-readiness-common';

/**
 * Lookups over the check pack in use: level order, check info, categories.
 *
 * @internal
 */
export class PackIndex {
  readonly #levelRanks: Map<string, number>;
  readonly #checks: Map<string, CheckInfo>;

  constructor(readonly pack: CheckPack) {
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
}
