import {
  parseEntityRef,
  RELATION_CONSUMES_API,
  RELATION_DEPENDS_ON,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import {
  isRecord,
  readEntityTier,
  type DependencyFact,
  type DependencyFacts,
  type EntitySummary,
  type FactNamespace,
  type TeamContact,
} from '@prodready/plugin-readiness-common';
import type { ReadinessFactProvider } from '@prodready/plugin-readiness-node';
import type { ReadinessStore } from '../database/ReadinessStore';
import type { BatchFactProvider } from '../facts/BatchFactProvider';
import type { PackIndex } from '../pack/PackIndex';

/** Kinds whose entities reach a level when scored (see `levelApplicable`). */
const LEVELLED_KINDS: ReadonlySet<string> = new Set(['component', 'resource']);

/** More than this many dependencies are cut, the first ones kept. */
const MAX_DEPENDENCIES = 50;

/**
 * The level an entity's dependencies must reach: one for every entity, and
 * stricter ones per tier.
 *
 * @internal
 */
export interface DependencyPolicy {
  /** Level id every dependency must reach; absent asks for none. */
  minimumLevel?: string;
  /** Level id per normalised tier (`tier-1`), overriding `minimumLevel`. */
  minimumLevelByTier: Record<string, string>;
}

/** The refs an entity depends on, from relations or, before the catalog has made those, from its spec. */
function dependencyRefs(
  entity: Entity,
): Array<{ ref: string; relation: DependencyFact['relation'] }> {
  const found = new Map<string, DependencyFact['relation']>();
  for (const relation of entity.relations ?? []) {
    if (relation.type === RELATION_DEPENDS_ON) {
      found.set(relation.targetRef, 'dependsOn');
    } else if (relation.type === RELATION_CONSUMES_API) {
      found.set(relation.targetRef, 'consumesApi');
    }
  }
  if (found.size === 0 && isRecord(entity.spec)) {
    const namespace = entity.metadata.namespace ?? 'default';
    const add = (value: unknown, relation: DependencyFact['relation']) => {
      if (!Array.isArray(value)) return;
      for (const item of value) {
        if (typeof item !== 'string') continue;
        try {
          const ref = parseEntityRef(item, {
            defaultKind: relation === 'consumesApi' ? 'api' : 'component',
            defaultNamespace: namespace,
          });
          found.set(stringifyEntityRef(ref), relation);
        } catch {
          // Not a reference: the entity-ref checks report it.
        }
      }
    };
    add(entity.spec.dependsOn, 'dependsOn');
    add(entity.spec.consumesApis, 'consumesApi');
  }
  return [...found.entries()]
    .slice(0, MAX_DEPENDENCIES)
    .map(([ref, relation]) => ({ ref, relation }));
}

/**
 * Fills the `dependencies` namespace: what the entity depends on
 * (`dependsOn`, consumed APIs), each with its stored level, its owner's
 * contacts, and whether it reaches the level the entity's policy asks of its
 * dependencies (stricter for higher tiers). Levels are those of the last
 * scoring of each dependency.
 *
 * @internal
 */
export class DependencyFactProvider implements BatchFactProvider {
  readonly id = 'dependencies';
  readonly namespaces = ['dependencies'];

  /** Creates the provider. */
  static create(options: {
    store: Pick<ReadinessStore, 'listSummaries' | 'getOwners'>;
    pack: PackIndex;
    policy: DependencyPolicy;
  }): DependencyFactProvider {
    return new DependencyFactProvider(
      options.store,
      options.pack,
      options.policy,
    );
  }

  private constructor(
    private readonly store: Pick<ReadinessStore, 'listSummaries' | 'getOwners'>,
    private readonly pack: PackIndex,
    private readonly policy: DependencyPolicy,
  ) {}

  async collect(
    entity: Entity,
  ): Promise<Record<string, FactNamespace<DependencyFacts>>> {
    const refs = dependencyRefs(entity);
    if (refs.length === 0) {
      return {
        dependencies: { status: 'ok', data: { dependencies: [] } },
      };
    }
    const { summaries, owners } = await this.read(refs.map(r => r.ref));
    return this.describe(entity, refs, summaries, owners);
  }

  /** Reads the dependencies of these entities in one go. */
  async forEntities(entities: Entity[]): Promise<ReadinessFactProvider> {
    const refsOf = new Map(
      entities.map(entity => [entity, dependencyRefs(entity)]),
    );
    const { summaries, owners } = await this.read([
      ...new Set([...refsOf.values()].flatMap(refs => refs.map(r => r.ref))),
    ]);
    return {
      id: this.id,
      namespaces: this.namespaces,
      collect: async entity => {
        const refs = refsOf.get(entity);
        if (!refs) {
          return this.collect(entity);
        }
        return this.describe(entity, refs, summaries, owners);
      },
    };
  }

  /** The stored summaries of these refs and their owners' contacts. */
  private async read(refs: string[]): Promise<{
    summaries: Map<string, EntitySummary>;
    owners: Map<string, TeamContact>;
  }> {
    if (refs.length === 0) {
      return { summaries: new Map(), owners: new Map() };
    }
    const summaries = new Map(
      (await this.store.listSummaries(refs, undefined)).map(s => [
        s.entityRef,
        s,
      ]),
    );
    const owners = await this.store.getOwners([
      ...new Set(
        [...summaries.values()].flatMap(s => (s.owner ? [s.owner] : [])),
      ),
    ]);
    return { summaries, owners };
  }

  /** The dependencies namespace of an entity from what was read. */
  private describe(
    entity: Entity,
    refs: Array<{ ref: string; relation: DependencyFact['relation'] }>,
    summaries: ReadonlyMap<string, EntitySummary>,
    owners: ReadonlyMap<string, TeamContact>,
  ): Record<string, FactNamespace<DependencyFacts>> {
    if (refs.length === 0) {
      return {
        dependencies: { status: 'ok', data: { dependencies: [] } },
      };
    }
    const tier = readEntityTier(entity);
    const required =
      (tier && this.policy.minimumLevelByTier[tier]) ||
      this.policy.minimumLevel;
    const requiredRank = required ? this.pack.levelRank(required) : 0;
    const levels = new Map(this.pack.pack.levels.map(l => [l.id, l.title]));
    const dependencies = refs.map(({ ref, relation }): DependencyFact => {
      const summary = summaries.get(ref);
      if (!summary) {
        return {
          ref,
          relation,
          scored: false,
          requiredLevel: required,
          meetsRequired: true,
        };
      }
      return {
        ref,
        relation,
        scored: true,
        title: summary.title,
        level: summary.level,
        levelTitle: summary.level ? levels.get(summary.level) : undefined,
        score: summary.score,
        owner: summary.owner ? owners.get(summary.owner) : undefined,
        requiredLevel: required,
        // An API or a System without operational checks has no level to
        // judge: only what can reach a level is held to one.
        meetsRequired:
          (!summary.level && !LEVELLED_KINDS.has(summary.kind.toLowerCase())) ||
          this.pack.levelRank(summary.level) >= requiredRank,
      };
    });
    return { dependencies: { status: 'ok', data: { dependencies } } };
  }
}
