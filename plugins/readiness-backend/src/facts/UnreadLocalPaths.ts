import type { SetupLocalPaths } from '@prodready/plugin-readiness-common';

/**
 * The entities whose source location is a local path the backend may not
 * read, as of their last scoring here: the repository fact provider records
 * them, the setup notice of `GET /checks` says so once, with the config key
 * to set (their check reasons speak of the entity only). One path per
 * entity, so the count follows the catalog: an entity rescored with another
 * location, or removed from it, is forgotten.
 *
 * @internal
 */
export class UnreadLocalPaths {
  readonly #paths = new Map<string, string>();

  /**
   * @param allowLocalPaths - `readiness.repository.allowLocalPaths`: when
   *   false every local path is unread, else those outside `localRoots`.
   */
  constructor(private readonly allowLocalPaths: boolean) {}

  /** The entity's local source location was not read. */
  record(entityRef: string, path: string): void {
    this.#paths.set(entityRef, path);
  }

  /** The entity was scored without an unread local path (or is gone). */
  forget(entityRef: string): void {
    this.#paths.delete(entityRef);
  }

  /**
   * What the setup notice says, or undefined when no entity is affected.
   *
   * @param checkIds - the checks that read the repository
   */
  describe(checkIds: string[]): SetupLocalPaths | undefined {
    if (this.#paths.size === 0) {
      return undefined;
    }
    // The same example on every call: the first path in sort order.
    const examplePath = [...this.#paths.values()].sort()[0];
    if (!this.allowLocalPaths) {
      return {
        entityCount: this.#paths.size,
        examplePath,
        configKey: 'readiness.repository.allowLocalPaths',
        checkIds,
        howTo:
          "Set `readiness.repository.allowLocalPaths: true` to read `dir:` and `file:` source locations from the backend's disk, and `readiness.repository.localRoots` to the directories that hold them (by default the checkout of the app). Meant for development: in production, point `backstage.io/source-location` at the repository's URL (`url:https://…`), which the SCM integrations read.",
      };
    }
    return {
      entityCount: this.#paths.size,
      examplePath,
      configKey: 'readiness.repository.localRoots',
      checkIds,
      howTo:
        "Add the directories that hold these repositories to `readiness.repository.localRoots` (absolute, or relative to the backend's working directory): local source locations are read only below them.",
    };
  }
}
