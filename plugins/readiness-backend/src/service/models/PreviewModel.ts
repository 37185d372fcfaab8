import { ConfigReader } from '@backstage/config';
import type { JsonObject, JsonValue } from '@backstage/types';
import { InputError } from '@backstage/errors';
import {
  compileCheckPack,
  createCheckPack,
  findUnevaluatedChecks,
  levelFromStoredResults,
  readCheckPackFromConfig,
  summarizePackChange,
  type CheckDefinition,
  type CheckPack,
  type CompiledCheckPack,
  type PackChangeOutcome,
  type PackChangePreview,
} from '@prodready/plugin-readiness-common';
import type {
  ReadinessStore,
  VisibleEntityRefs,
} from '../../database/ReadinessStore';
import type { PackIndex } from '../../pack/PackIndex';

/**
 * A proposed pack in the shape of the `readiness.checks` and
 * `readiness.levels` configuration.
 *
 * @internal
 */
export interface ProposedPackConfig {
  checks?: unknown[];
  levels?: unknown[];
}

/**
 * Options of {@link PreviewModel}.
 *
 * @internal
 */
export interface PreviewModelOptions {
  store: Pick<ReadinessStore, 'listStoredLevels'>;
  pack: PackIndex;
  /** The checks added in code (modules, the dependency check), as at startup. */
  extraChecks: CheckDefinition[];
  /** `readiness.notifications.enabled`. */
  notificationsEnabled: boolean;
}

/**
 * What a check-pack change would do to levels, from the stored results
 * (facts are not stored): exact for changes that re-assign checks; checks
 * with a new or changed rule are not evaluated, and the entities whose level
 * depends on them are answered as undetermined, with the reason.
 *
 * @internal
 */
export class PreviewModel {
  readonly #base: CompiledCheckPack;

  constructor(private readonly options: PreviewModelOptions) {
    this.#base = compileCheckPack(options.pack.pack);
  }

  /** Promoting advisory checks; InputError naming `promote` otherwise. */
  async promote(
    checkIds: string[],
    visible: VisibleEntityRefs,
  ): Promise<PackChangePreview> {
    const { pack } = this.options;
    const ids = new Set(checkIds);
    for (const id of ids) {
      if (!pack.hasCheck(id)) {
        throw new InputError(
          `Invalid promote '${id}': not a check of the check pack`,
        );
      }
      if (!pack.checkInfo(id)?.advisory) {
        throw new InputError(
          `Invalid promote '${id}': not an advisory check (it is counted already)`,
        );
      }
    }
    const proposed = createCheckPack({
      levels: pack.pack.levels,
      checks: pack.pack.checks.map(check => {
        if (!ids.has(check.id)) {
          return check;
        }
        const { advisory: _, ...promoted } = check;
        return promoted;
      }),
    });
    return this.preview(proposed, visible);
  }

  /**
   * A proposed `readiness.checks`/`readiness.levels`; InputError naming the
   * configuration path and value when it is not a valid pack.
   */
  async proposed(
    config: ProposedPackConfig,
    visible: VisibleEntityRefs,
  ): Promise<PackChangePreview> {
    // Request bodies are parsed JSON: they are JSON values.
    const readiness: JsonObject = {};
    if (config.checks !== undefined) {
      readiness.checks = config.checks as JsonValue[];
    }
    if (config.levels !== undefined) {
      readiness.levels = config.levels as JsonValue[];
    }
    const proposed = readCheckPackFromConfig(new ConfigReader({ readiness }), {
      extraChecks: this.options.extraChecks,
    });
    return this.preview(proposed, visible);
  }

  private async preview(
    proposed: CheckPack,
    visible: VisibleEntityRefs,
  ): Promise<PackChangePreview> {
    const base = this.options.pack.pack;
    const unevaluated = findUnevaluatedChecks(base, proposed);
    const compiled = compileCheckPack(proposed);
    const stored = await this.options.store.listStoredLevels(visible);
    const outcomes = stored.map((entity): PackChangeOutcome => {
      const level = levelFromStoredResults(entity, {
        base: this.#base,
        proposed: compiled,
        unevaluated,
      });
      return {
        entityRef: entity.entityRef,
        owner: entity.owner,
        from: entity.level,
        ...('undetermined' in level
          ? { undetermined: level.undetermined }
          : { to: level.level }),
      };
    });
    return summarizePackChange(outcomes, {
      base,
      proposed,
      unevaluatedChecks: unevaluated,
      notificationsEnabled: this.options.notificationsEnabled,
    });
  }
}
