import type { Entity } from '@backstage/catalog-model';
import type { OwnerFacts, OwnerShare, SystemFacts } from '../types';
import { isRecord } from '../util/isRecord';
import { readGroupContacts } from './readGroupContacts';
import { readDomainRef, readEntityRef } from './readCatalogRefs';

/**
 * A member of an owning group: its ref, and the User entity when the catalog
 * has it (members listed by ref but missing are kept, by ref).
 *
 * @public
 */
export interface OwnerMember {
  /** Full ref of the member, as the group lists it. */
  ref: string;
  /** The member's User entity, when the catalog has it. */
  entity?: Entity;
}

/**
 * Options of {@link buildOwnerFacts}.
 *
 * @public
 */
export interface BuildOwnerFactsOptions {
  /** The full ref of `spec.owner` (see `readOwnerRef`); undefined when the entity has none. */
  ownerRef: string | undefined;
  /** The entity at `ownerRef`, when the catalog has it. */
  owner?: Entity;
  /** The owning group's members (see `readGroupMemberRefs`, `readUserGroupRefs`). */
  members?: ReadonlyArray<OwnerMember>;
  /** Most members kept, by ref order (default: all). */
  maxMembers?: number;
  /** The owner's share of the catalog (see `judgeOwnerShare`), when counted. */
  share?: OwnerShare;
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function profileOf(entity: Entity): Record<string, unknown> {
  const spec = isRecord(entity.spec) ? entity.spec : {};
  return isRecord(spec.profile) ? spec.profile : {};
}

function describeMember({
  ref,
  entity,
}: OwnerMember): OwnerFacts['members'][number] {
  const member: OwnerFacts['members'][number] = { ref };
  if (!entity) {
    return member;
  }
  const profile = profileOf(entity);
  const displayName =
    nonEmptyString(profile.displayName) ??
    nonEmptyString(entity.metadata?.title);
  const email = nonEmptyString(profile.email);
  if (displayName) {
    member.displayName = displayName;
  }
  if (email) {
    member.email = email;
  }
  return member;
}

/**
 * Builds the `owner` facts of an entity from its owner and that owner's
 * members, however they were found: the backend looks them up in the catalog,
 * the CLI in the files it was given.
 *
 * - No `ownerRef`: not resolved, so "has an owner" checks fail.
 * - No owner entity, or one that is neither a Group nor a User: not resolved.
 * - Otherwise resolved, with the owner's display name (profile, title or
 *   name), profile email, contacts (`readGroupContacts`) and, for a Group,
 *   its members' names and emails sorted by ref, and its `share` of the
 *   catalog when given.
 *
 * @public
 */
export function buildOwnerFacts(options: BuildOwnerFactsOptions): OwnerFacts {
  const { ownerRef, owner, members = [], maxMembers, share } = options;
  const kind = owner?.kind?.toLocaleLowerCase('en-US');
  if (!ownerRef) {
    return { resolved: false, contacts: [], members: [] };
  }
  if (!owner || (kind !== 'group' && kind !== 'user')) {
    return { ownerRef, resolved: false, contacts: [], members: [] };
  }
  const profile = profileOf(owner);
  const facts: OwnerFacts = {
    ownerRef,
    resolved: true,
    kind,
    contacts: readGroupContacts(owner),
    members:
      kind === 'group'
        ? members
            .map(describeMember)
            .sort((a, b) => a.ref.localeCompare(b.ref))
            .slice(0, maxMembers)
        : [],
  };
  const displayName =
    nonEmptyString(profile.displayName) ??
    nonEmptyString(owner.metadata?.title) ??
    nonEmptyString(owner.metadata?.name);
  const email = nonEmptyString(profile.email);
  if (displayName) {
    facts.displayName = displayName;
  }
  if (email) {
    facts.email = email;
  }
  if (share) {
    facts.share = share;
  }
  return facts;
}

/**
 * Options of {@link buildSystemFacts}.
 *
 * @public
 */
export interface BuildSystemFactsOptions {
  /** The entity scored. */
  entity: Entity;
  /** The full ref of its system (see `readSystemRef`); undefined when it has none. */
  systemRef: string | undefined;
  /** The System entity at `systemRef`, when the catalog has it. */
  system?: Entity;
}

/**
 * Builds the `system` facts of an entity: its system, that system's title
 * and domain; without a system, the entity's own `spec.domain`.
 *
 * @public
 */
export function buildSystemFacts(
  options: BuildSystemFactsOptions,
): SystemFacts {
  const { entity, systemRef } = options;
  if (!systemRef) {
    const domainRef = readDomainRef(entity);
    return domainRef ? { resolved: false, domainRef } : { resolved: false };
  }
  const system = readEntityRef(entity) === systemRef ? entity : options.system;
  if (!system || system.kind?.toLocaleLowerCase('en-US') !== 'system') {
    return { systemRef, resolved: false };
  }
  const facts: SystemFacts = { systemRef, resolved: true };
  const title =
    nonEmptyString(system.metadata?.title) ??
    nonEmptyString(system.metadata?.name);
  if (title) {
    facts.systemTitle = title;
  }
  const domainRef = readDomainRef(system);
  if (domainRef) {
    facts.domainRef = domainRef;
  }
  return facts;
}
