import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import {
  readEntityTier,
  toEntityRef,
  type Contact,
  type EntityScorecard,
  type FactDocument,
  type OwnerFacts,
  type RepositoryFacts,
  type SystemFacts,
  type TeamContact,
} from '@prodready/plugin-readiness-common';
import type { EntityScoreWrite } from '../database/ReadinessStore';
import type { PackIndex } from '../pack/PackIndex';
import { GAP_STATES } from '@prodready/plugin-readiness-common';

/** Languages by dependency ecosystem, for learn-from similarity. */
const LANGUAGES: Record<string, string> = {
  npm: 'javascript',
  go: 'go',
  pypi: 'python',
  maven: 'java',
  gradle: 'java',
};

/** Member emails used as contacts when a team lists none of its own. */
const MAX_MEMBER_CONTACTS = 5;

function okData<T>(facts: FactDocument, namespace: string): T | undefined {
  const ns = facts.namespaces[namespace];
  return ns?.status === 'ok' ? (ns.data as T | undefined) : undefined;
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function ownerContact(owner: OwnerFacts | undefined): TeamContact | undefined {
  if (!owner?.resolved || !owner.ownerRef) {
    return undefined;
  }
  let contacts: Contact[] = [...(owner.contacts ?? [])];
  if (contacts.length === 0) {
    contacts = (owner.members ?? [])
      .filter(m => m.email)
      .slice(0, MAX_MEMBER_CONTACTS)
      .map(m => ({
        type: 'email' as const,
        label: m.displayName ? `${m.displayName} <${m.email}>` : m.email!,
        url: `mailto:${m.email}`,
      }));
  }
  return { ref: owner.ownerRef, displayName: owner.displayName, contacts };
}

function traitsOf(entity: Entity, repository: RepositoryFacts | undefined) {
  const traits = new Set<string>();
  const tags = Array.isArray(entity.metadata.tags) ? entity.metadata.tags : [];
  for (const tag of tags) {
    const text = asString(tag);
    if (text) {
      traits.add(`tag:${text.toLocaleLowerCase('en-US')}`);
    }
  }
  for (const dependency of repository?.dependencies ?? []) {
    const language = LANGUAGES[dependency.ecosystem];
    if (language) {
      traits.add(`lang:${language}`);
    }
  }
  return [...traits];
}

/**
 * Turns an entity, its facts and its scorecard into the row the store keeps:
 * catalog fields for search and roll-ups (owner, system and domain as full
 * refs, preferring what the catalog facts resolved), the score, level rank,
 * similarity traits and the owner's contacts.
 *
 * @internal
 */
export function toEntityScoreWrite(
  entity: Entity,
  facts: FactDocument,
  scorecard: EntityScorecard,
  pack: PackIndex,
): EntityScoreWrite {
  const namespace = entity.metadata.namespace ?? 'default';
  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  const owner = okData<OwnerFacts>(facts, 'owner');
  const system = okData<SystemFacts>(facts, 'system');
  const repository = okData<RepositoryFacts>(facts, 'repository');
  const isSystem = entity.kind.toLocaleLowerCase('en-US') === 'system';

  return {
    summary: {
      entityRef: stringifyEntityRef(entity),
      kind: entity.kind,
      namespace,
      name: entity.metadata.name,
      title: asString(entity.metadata.title),
      type: asString(spec.type),
      lifecycle: asString(spec.lifecycle),
      owner:
        owner?.ownerRef ??
        toEntityRef(spec.owner, {
          defaultKind: 'group',
          defaultNamespace: namespace,
        }),
      system:
        system?.systemRef ??
        (isSystem
          ? stringifyEntityRef(entity)
          : toEntityRef(spec.system, {
              defaultKind: 'system',
              defaultNamespace: namespace,
            })),
      domain:
        system?.domainRef ??
        toEntityRef(spec.domain, {
          defaultKind: 'domain',
          defaultNamespace: namespace,
        }),
      tier: readEntityTier(entity),
      score: scorecard.score,
      level: scorecard.level,
      gaps: scorecard.results.filter(r => GAP_STATES.includes(r.state)).length,
    },
    levelRank: pack.levelRank(scorecard.level),
    nextLevel: scorecard.nextLevel,
    blockingCheckIds: scorecard.blockingCheckIds,
    categories: scorecard.categories,
    traits: traitsOf(entity, repository),
    results: scorecard.results,
    ownerContact: ownerContact(owner),
  };
}
