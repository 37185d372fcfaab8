import {
  DEFAULT_NAMESPACE,
  Entity,
  RELATION_HAS_MEMBER,
  RELATION_MEMBER_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { toEntityRef } from '../entity/toEntityRef';
import { isRecord } from '../util/isRecord';

/*
 * Readers of the entity refs that owner and system facts follow. Refs are
 * full and lower-case (`group:default/payments`): entity refs compare
 * case-insensitively in the catalog, so lower case is the one spelling used
 * to look entities up by ref.
 */

/** Trimmed non-empty string, or undefined. */
function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function namespaceOf(entity: Entity): string {
  return nonEmptyString(entity.metadata?.namespace) ?? DEFAULT_NAMESPACE;
}

function specOf(entity: Entity): Record<string, unknown> {
  return isRecord(entity.spec) ? entity.spec : {};
}

function normalizeRef(
  value: unknown,
  defaultKind: string,
  defaultNamespace: string,
): string | undefined {
  return toEntityRef(value, {
    defaultKind,
    defaultNamespace,
  })?.toLocaleLowerCase('en-US');
}

function refList(
  value: unknown,
  defaultKind: string,
  defaultNamespace: string,
): string[] {
  if (!Array.isArray(value)) {
    return [];
  }
  return value
    .map(item => normalizeRef(item, defaultKind, defaultNamespace))
    .filter((ref): ref is string => Boolean(ref));
}

function relationTargets(entity: Entity, type: string): string[] {
  const relations = Array.isArray(entity.relations) ? entity.relations : [];
  return relations
    .filter(r => isRecord(r) && r.type === type)
    .map(r => nonEmptyString(r.targetRef)?.toLocaleLowerCase('en-US'))
    .filter((ref): ref is string => Boolean(ref));
}

/**
 * The full, lower-case ref of an entity.
 *
 * @public
 */
export function readEntityRef(entity: Entity): string {
  return stringifyEntityRef(entity).toLocaleLowerCase('en-US');
}

/**
 * The full, lower-case ref of an entity's `spec.owner` (a Group unless the
 * ref names another kind), or undefined when it has none or it is invalid.
 *
 * @public
 */
export function readOwnerRef(entity: Entity): string | undefined {
  return normalizeRef(specOf(entity).owner, 'group', namespaceOf(entity));
}

/**
 * The full, lower-case ref of the system an entity belongs to: its own ref
 * for a System, otherwise its `spec.system`; undefined when it has none.
 *
 * @public
 */
export function readSystemRef(entity: Entity): string | undefined {
  if (entity.kind?.toLocaleLowerCase('en-US') === 'system') {
    return readEntityRef(entity);
  }
  return normalizeRef(specOf(entity).system, 'system', namespaceOf(entity));
}

/**
 * The full, lower-case ref of an entity's own `spec.domain`, if any.
 *
 * @public
 */
export function readDomainRef(entity: Entity): string | undefined {
  return normalizeRef(specOf(entity).domain, 'domain', namespaceOf(entity));
}

/**
 * The users a group lists as members: its `hasMember` relations and
 * `spec.members`, users only, each once.
 *
 * @public
 */
export function readGroupMemberRefs(group: Entity): string[] {
  const listed = [
    ...relationTargets(group, RELATION_HAS_MEMBER),
    ...refList(specOf(group).members, 'user', namespaceOf(group)),
  ];
  return [...new Set(listed.filter(ref => ref.startsWith('user:')))];
}

/**
 * The groups a user says it belongs to: its `memberOf` relations and
 * `spec.memberOf`, each once.
 *
 * @public
 */
export function readUserGroupRefs(user: Entity): string[] {
  return [
    ...new Set([
      ...relationTargets(user, RELATION_MEMBER_OF),
      ...refList(specOf(user).memberOf, 'group', namespaceOf(user)),
    ]),
  ];
}
