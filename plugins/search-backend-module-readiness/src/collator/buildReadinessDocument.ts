import { parseEntityRef } from '@backstage/catalog-model';
import {
  CHECK_SYNONYMS,
  levelWord,
  type CheckInfo,
  type CheckPackResponse,
  type EntitySummary,
} from '@prodready/plugin-readiness-common';
import type { ReadinessDocument } from './ReadinessDocument';

/**
 * Input of {@link buildReadinessDocument}.
 *
 * @public
 */
export interface BuildReadinessDocumentOptions {
  /** The entity's summary as `GET /search` returns it. */
  entity: EntitySummary;
  /** Ids of the entity's failing checks. */
  failingCheckIds: string[];
  /** Ids of the checks it passes on declared evidence only (nothing observed). */
  declaredOnlyCheckIds?: string[];
  /** The check pack, for titles, categories and level titles. */
  pack: CheckPackResponse;
  /**
   * Where the document leads; `:namespace`, `:kind` and `:name` are
   * replaced (lower-cased, URI-encoded).
   */
  locationTemplate: string;
}

function shortName(ref: string | undefined): string | undefined {
  if (!ref) {
    return undefined;
  }
  try {
    return parseEntityRef(ref).name;
  } catch {
    return ref;
  }
}

/** The document field of one check's gap. */
export function gapField(checkId: string): `gap_${string}` {
  return `gap_${checkId.replace(/[^\p{L}\p{N}]+/gu, '_')}`;
}

/**
 * A failing check's words: its title and the words people use for it, then
 * whose gap it is (entity, owner, system), so that "payments rollback" finds
 * the payments service lacking a rollback in one field.
 */
function gapWords(check: CheckInfo, whose: Array<string | undefined>): string {
  const synonyms = CHECK_SYNONYMS[check.id] ?? [];
  return [
    check.title.toLocaleLowerCase('en-US'),
    ...synonyms,
    ...whose.filter(Boolean),
  ].join('; ');
}

function levelTitle(pack: CheckPackResponse, level?: string): string {
  return levelWord(level, pack.levels);
}

/**
 * Builds the search document of one scored entity.
 *
 * The text lists the gaps first ("Missing: runbook linked, rollback is
 * documented or automated."), then the owner, system, level and score, so
 * that the words of a gap query ("missing runbook", "rollback") and of a
 * team ("payments") all hit it. Each failing check also fills its own
 * `gap_…` field with its title and synonyms ("playbook", "revert"), which
 * weighs a gap's words above the rest. Category words are left out of the
 * text (a query for "runbook" must not find the services missing
 * postmortems, of the runbook category). Checks passed on declared evidence
 * only are named too ("declared evidence only: ci configured"), so claims
 * that nothing observed backs can be found. Passing checks are not otherwise
 * mentioned, so a query for a gap does not find the entities that have
 * closed it.
 *
 * @public
 */
export function buildReadinessDocument(
  options: BuildReadinessDocumentOptions,
): ReadinessDocument {
  const { entity, pack, locationTemplate } = options;
  const checksById = new Map<string, CheckInfo>(
    pack.checks.map(check => [check.id, check]),
  );
  const failing = options.failingCheckIds
    .map(id => checksById.get(id) ?? undefined)
    .filter((check): check is CheckInfo => check !== undefined);
  const unknownIds = options.failingCheckIds.filter(id => !checksById.has(id));

  const name = entity.title ?? entity.name;
  const level = levelTitle(pack, entity.level);
  const owner = shortName(entity.owner);
  const system = shortName(entity.system);
  const gaps = [
    ...failing.map(check => check.title.toLocaleLowerCase('en-US')),
    ...unknownIds,
  ];
  const gapFields: Record<`gap_${string}`, string> = {};
  for (const check of pack.checks) {
    gapFields[gapField(check.id)] = '';
  }
  for (const check of failing) {
    gapFields[gapField(check.id)] = gapWords(check, [name, owner, system]);
  }
  const declaredOnly = (options.declaredOnlyCheckIds ?? []).map(id => {
    const check = checksById.get(id);
    return {
      id,
      text: check ? check.title.toLocaleLowerCase('en-US') : id,
    };
  });

  const sentences = [
    gaps.length > 0
      ? `Missing: ${gaps.join(', ')}.`
      : 'Every applicable readiness check passes.',
    declaredOnly.length > 0
      ? `Passes on declared evidence only, nothing observed: ${declaredOnly
          .map(d => d.text)
          .join(', ')}.`
      : undefined,
    owner ? `Owner: ${owner}.` : undefined,
    system ? `System: ${system}.` : undefined,
    `Level: ${level}, score ${entity.score}.`,
  ];

  const location = locationTemplate
    .replace(':namespace', encodeURIComponent(entity.namespace))
    .replace(':kind', encodeURIComponent(entity.kind))
    .replace(':name', encodeURIComponent(entity.name))
    .toLocaleLowerCase('en-US');

  return {
    title: `${name} readiness: ${level}`,
    text: sentences.filter(Boolean).join(' '),
    location,
    entityRef: entity.entityRef,
    kind: entity.kind,
    namespace: entity.namespace,
    name: entity.name,
    level: entity.level ?? '',
    score: entity.score,
    owner: entity.owner ?? '',
    system: entity.system ?? '',
    failingChecks: [...failing.map(c => c.id), ...unknownIds],
    failingCheckTitles: [...failing.map(c => c.title), ...unknownIds],
    // Prefixed: a bare category word would match gap queries (see the type).
    categories: Array.from(
      new Set(failing.map(c => `category:${String(c.category)}`)),
    ),
    ...gapFields,
    declaredOnlyChecks: declaredOnly.map(d => d.id),
    authorization: { resourceRef: entity.entityRef },
  };
}
