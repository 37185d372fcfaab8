import { parseEntityRef } from '@backstage/catalog-model';
import {
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

function levelTitle(pack: CheckPackResponse, level?: string): string {
  return levelWord(level, pack.levels);
}

/**
 * Builds the search document of one scored entity.
 *
 * The text lists the gaps first ("Missing: runbook linked (runbook),
 * rollback documented (delivery)."), then the owner, system, level and
 * score, so that the words of a gap query ("missing runbook", "rollback")
 * and of a team ("payments") all hit it. Passing checks are not mentioned,
 * so a query for a gap does not find the entities that have closed it.
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
  const gaps = [
    ...failing.map(
      check => `${check.title.toLocaleLowerCase('en-US')} (${check.category})`,
    ),
    ...unknownIds,
  ];
  const owner = shortName(entity.owner);
  const system = shortName(entity.system);

  const sentences = [
    gaps.length > 0
      ? `Missing: ${gaps.join(', ')}.`
      : 'Every applicable readiness check passes.',
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
    categories: Array.from(new Set(failing.map(c => String(c.category)))),
    authorization: { resourceRef: entity.entityRef },
  };
}
