import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  parseEntityRef,
  RELATION_PARENT_OF,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { EntityRollupScope } from '@prodready/plugin-readiness-common';
import { isRecord } from '@prodready/plugin-readiness-common';
import { retryTransientErrors } from '../lib/retryTransientErrors';

/** Deeper trees are cut here: no real organisation nests teams this deep. */
const MAX_GROUP_DEPTH = 20;
/** Groups fetched per catalog call while walking down a tree. */
const GROUPS_PER_CALL = 200;
const GROUP_FIELDS = ['kind', 'metadata', 'spec.children', 'relations'];

/**
 * Whose entities a roll-up counts, and through which catalog field.
 *
 * @internal
 */
export interface RollupScope {
  scope: EntityRollupScope;
  /** Full refs of the members: groups for a team, the system or domain. */
  members: string[];
  /** The stored catalog field that holds a member ref. */
  field: 'owner' | 'system' | 'domain';
}

function childRefs(group: Entity): string[] {
  const refs = new Set<string>();
  for (const relation of group.relations ?? []) {
    if (relation.type === RELATION_PARENT_OF) {
      refs.add(relation.targetRef);
    }
  }
  // spec.children gives the same edges before the catalog has turned them
  // into relations (and in catalogs that only declare them there).
  const children = isRecord(group.spec) ? group.spec.children : undefined;
  if (Array.isArray(children)) {
    for (const child of children) {
      if (typeof child !== 'string' || child.trim() === '') continue;
      try {
        refs.add(
          stringifyEntityRef(
            parseEntityRef(child, {
              defaultKind: 'group',
              defaultNamespace: group.metadata.namespace ?? 'default',
            }),
          ),
        );
      } catch {
        // A malformed child ref names no group: nothing to walk into.
      }
    }
  }
  return [...refs].filter(ref => ref.startsWith('group:'));
}

/**
 * Finds what a roll-up of a Group, System or Domain covers. A team's
 * members are the group and every group below it, transitively (through
 * `parentOf` relations and `spec.children`), read from the catalog with the
 * caller's credentials so that hidden groups stay hidden.
 *
 * @internal
 */
export class RollupScopeResolver {
  /** Creates the resolver. */
  static create(options: { catalog: CatalogService }): RollupScopeResolver {
    return new RollupScopeResolver(options.catalog);
  }

  private constructor(private readonly catalog: CatalogService) {}

  /**
   * The scope of a roll-up of `entity`; InputError for kinds that hold no
   * other entities.
   */
  async resolve(
    entity: Entity,
    credentials: BackstageCredentials,
  ): Promise<RollupScope> {
    const ref = stringifyEntityRef(entity);
    switch (entity.kind.toLocaleLowerCase('en-US')) {
      case 'group':
        return {
          scope: 'team',
          members: await this.descendants(entity, credentials),
          field: 'owner',
        };
      case 'system':
        return { scope: 'system', members: [ref], field: 'system' };
      case 'domain':
        return { scope: 'domain', members: [ref], field: 'domain' };
      default:
        throw new InputError(
          `Invalid kind '${entity.kind}': roll-ups exist for Group, System and Domain entities`,
        );
    }
  }

  /**
   * For each group the caller may read, the groups above it (its parents,
   * their parents, and so on; not itself), through `parentOf` relations and
   * `spec.children` as {@link RollupScopeResolver.resolve} walks them: what a
   * roll-up by team with child teams included counts each owner into.
   */
  async ancestors(
    credentials: BackstageCredentials,
  ): Promise<Map<string, string[]>> {
    const parents = new Map<string, Set<string>>();
    const { items } = await retryTransientErrors(() =>
      this.catalog.getEntities(
        { filter: { kind: 'group' }, fields: GROUP_FIELDS },
        { credentials },
      ),
    );
    const visible = new Set(items.map(group => stringifyEntityRef(group)));
    for (const group of items) {
      const parent = stringifyEntityRef(group);
      for (const child of childRefs(group)) {
        if (!visible.has(child) || child === parent) continue;
        const set = parents.get(child) ?? new Set<string>();
        set.add(parent);
        parents.set(child, set);
      }
    }
    const ancestors = new Map<string, string[]>();
    for (const ref of visible) {
      const found = new Set<string>();
      let frontier = [...(parents.get(ref) ?? [])];
      // Cycles and depth are bounded as in the walk down.
      for (let depth = 0; depth < MAX_GROUP_DEPTH && frontier.length; depth++) {
        const next: string[] = [];
        for (const parent of frontier) {
          if (parent === ref || found.has(parent)) continue;
          found.add(parent);
          next.push(...(parents.get(parent) ?? []));
        }
        frontier = next;
      }
      if (found.size) ancestors.set(ref, [...found].sort());
    }
    return ancestors;
  }

  /**
   * The group and every group below it that the caller may read, each once,
   * the group first.
   */
  private async descendants(
    group: Entity,
    credentials: BackstageCredentials,
  ): Promise<string[]> {
    const members = [stringifyEntityRef(group)];
    const queued = new Set<string>(members);
    const enqueue = (refs: string[]) =>
      refs.filter(ref => {
        if (queued.has(ref)) return false;
        queued.add(ref);
        return true;
      });
    let frontier = enqueue(childRefs(group));
    for (let depth = 0; depth < MAX_GROUP_DEPTH && frontier.length; depth++) {
      const next: string[] = [];
      for (let i = 0; i < frontier.length; i += GROUPS_PER_CALL) {
        const entityRefs = frontier.slice(i, i + GROUPS_PER_CALL);
        const { items } = await retryTransientErrors(() =>
          this.catalog.getEntitiesByRefs(
            { entityRefs, fields: GROUP_FIELDS },
            { credentials },
          ),
        );
        for (const child of items) {
          if (!child) continue; // missing, or hidden from the caller
          members.push(stringifyEntityRef(child));
          next.push(...enqueue(childRefs(child)));
        }
      }
      frontier = next;
    }
    return members;
  }
}
