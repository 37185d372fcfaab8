import { RELATION_HAS_PART, type Entity } from '@backstage/catalog-model';
import type { FactNamespace } from '@prodready/plugin-readiness-common';
import type { ReadinessFactProvider } from '@prodready/plugin-readiness-node';
import type { ReadinessStore } from '../database/ReadinessStore';
import type { PackIndex } from '../pack/PackIndex';

/** Kinds whose parts are rolled up: a System's components, a Domain's systems. */
const ROLLED_UP_KINDS: ReadonlySet<string> = new Set(['system', 'domain']);

/** Kinds of parts that can reach a level (an API has no operational check). */
const LEVELLED_PART_KINDS: ReadonlySet<string> = new Set([
  'component',
  'resource',
  'system',
]);

/** More than this many parts are cut, the first ones kept. */
const MAX_PARTS = 200;

/**
 * One part of a System or Domain, as last scored.
 *
 * @internal
 */
export interface PartFact {
  ref: string;
  /** Whether a scorecard of the part is stored. */
  scored: boolean;
  title?: string;
  /** Stored level id; absent when it reaches none. */
  level?: string;
  levelTitle?: string;
  /** 1-based rank of `level` in the pack; 0 for none. */
  levelRank: number;
  /** Whether a level means something for the part (it has operational checks). */
  levelApplicable: boolean;
}

/**
 * The `parts` namespace: the parts of a System or Domain.
 *
 * @internal
 */
export interface PartsFacts {
  parts: PartFact[];
}

/** The refs of an entity's parts of the levelled kinds (`hasPart` relations). */
function partRefs(entity: Entity): string[] {
  const refs = new Set<string>();
  for (const relation of entity.relations ?? []) {
    const kind = relation.targetRef.split(':')[0]?.toLowerCase();
    if (relation.type === RELATION_HAS_PART && LEVELLED_PART_KINDS.has(kind)) {
      refs.add(relation.targetRef);
    }
  }
  return [...refs].sort().slice(0, MAX_PARTS);
}

/**
 * Fills the `parts` namespace of Systems and Domains: their parts
 * (`hasPart`: a System's components and resources, a Domain's systems) with
 * the level each reached when it was last scored, so the roll-up checks
 * (`rollupChecks`) tell whether a System's components reach a level. Levels
 * come from the store, so a System scored before its components reads them
 * on the next pass (the backend reruns after its first full run); a part not
 * scored yet is listed as such. Other kinds get no parts.
 *
 * @internal
 */
export class PartsFactProvider implements ReadinessFactProvider {
  readonly id = 'parts';
  readonly namespaces = ['parts'];

  /** Creates the provider. */
  static create(options: {
    store: Pick<ReadinessStore, 'listSummaries'>;
    pack: PackIndex;
  }): PartsFactProvider {
    return new PartsFactProvider(options.store, options.pack);
  }

  private constructor(
    private readonly store: Pick<ReadinessStore, 'listSummaries'>,
    private readonly pack: PackIndex,
  ) {}

  async collect(
    entity: Entity,
  ): Promise<Record<string, FactNamespace<PartsFacts>>> {
    const refs = ROLLED_UP_KINDS.has(entity.kind.toLowerCase())
      ? partRefs(entity)
      : [];
    if (refs.length === 0) {
      return { parts: { status: 'ok', data: { parts: [] } } };
    }
    const summaries = new Map(
      (await this.store.listSummaries(refs, undefined)).map(s => [
        s.entityRef,
        s,
      ]),
    );
    const titles = new Map(this.pack.pack.levels.map(l => [l.id, l.title]));
    const parts = refs.map((ref): PartFact => {
      const summary = summaries.get(ref);
      if (!summary) {
        return { ref, scored: false, levelRank: 0, levelApplicable: true };
      }
      return {
        ref,
        scored: true,
        title: summary.title,
        level: summary.level,
        levelTitle: summary.level ? titles.get(summary.level) : undefined,
        levelRank: this.pack.levelRank(summary.level),
        // Neither a level nor a next one: no operational check applies.
        levelApplicable:
          summary.level !== undefined || summary.nextLevel !== undefined,
      };
    });
    return { parts: { status: 'ok', data: { parts } } };
  }
}
