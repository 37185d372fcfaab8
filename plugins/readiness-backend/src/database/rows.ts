import { createHash } from 'node:crypto';
import {
  EVIDENCE_STRENGTHS,
  isRecord,
  isSafeUrl,
  type CategorySummary,
  type CheckResult,
  type CheckState,
  type Evidence,
  type EntitySummary,
  type Exemption,
  type RunInfo,
} from '@prodready/plugin-readiness-common';
import type {
  EntityScoreWrite,
  ScoreSnapshot,
  StoredEntityScore,
} from './ReadinessStore';
import type {
  CheckResultRow,
  EntityScoreRow,
  ExemptionRow,
  RunRow,
  ScoreSnapshotRow,
} from './tables';

/*
 * Row mapping of the store: rows of ./tables to the plugin's types and back.
 */

/** The `entity_scores` columns of an {@link EntitySummary}. */
export const SUMMARY_COLUMNS = [
  'entity_ref',
  'kind',
  'namespace',
  'name',
  'title',
  'type',
  'lifecycle',
  'owner',
  'system',
  'domain',
  'tier',
  'score',
  'level',
  'next_level',
  'gaps',
  'evaluated_at',
] as const;

/** The part of a score row that makes a summary. */
export type SummaryRow = Pick<EntityScoreRow, (typeof SUMMARY_COLUMNS)[number]>;

/** `undefined` for a database `NULL`. */
export function opt<T>(value: T | null | undefined): T | undefined {
  return value === null || value === undefined ? undefined : value;
}

/** Parses a JSON column; `fallback` when empty or unreadable. */
export function parseJson<T>(text: string | null | undefined, fallback: T): T {
  if (!text) {
    return fallback;
  }
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/**
 * Parses stored evidence. A URL that is not http(s) is dropped (the piece
 * of evidence stays, as text): results written before unsafe links were
 * refused must not reach another team's page as a link. A `strength` that
 * is not one of `EVIDENCE_STRENGTHS` is dropped (the API's enum refuses it).
 */
export function parseEvidence(text: string | null | undefined): Evidence[] {
  const evidence = parseJson<unknown>(text, []);
  if (!Array.isArray(evidence)) {
    return [];
  }
  return evidence.filter(isRecord).map(item => {
    let piece = item as unknown as Evidence;
    if (piece.url !== undefined && !isSafeUrl(piece.url)) {
      const { url: _unsafe, ...rest } = piece;
      piece = rest;
    }
    if (
      piece.strength !== undefined &&
      !(EVIDENCE_STRENGTHS as readonly unknown[]).includes(piece.strength)
    ) {
      const { strength: _invalid, ...rest } = piece;
      piece = rest;
    }
    return piece;
  });
}

/** Reads a `|tag:x|lang:y|` column. */
export function parseTraits(text: string): string[] {
  return text.split('|').filter(Boolean);
}

/** Writes traits as `|tag:x|lang:y|`, so one trait matches `like '%|x|%'`. */
export function formatTraits(traits: string[]): string {
  const clean = traits.map(t => t.replace(/\|/g, '')).filter(Boolean);
  return clean.length ? `|${[...new Set(clean)].join('|')}|` : '';
}

/** A summary from a score row. */
export function toSummary(row: SummaryRow): EntitySummary {
  return {
    entityRef: row.entity_ref,
    kind: row.kind,
    namespace: row.namespace,
    name: row.name,
    title: opt(row.title),
    type: opt(row.type),
    lifecycle: opt(row.lifecycle),
    owner: row.owner ? row.owner : undefined,
    system: opt(row.system),
    domain: opt(row.domain),
    tier: opt(row.tier),
    score: Number(row.score),
    level: opt(row.level),
    nextLevel: opt(row.next_level),
    gaps: Number(row.gaps),
    evaluatedAt: row.evaluated_at,
  };
}

/** A stored score (summary, next level, blocking checks…) from its row. */
export function toStoredScore(row: EntityScoreRow): StoredEntityScore {
  return {
    ...toSummary(row),
    blockingCheckIds: parseJson<string[]>(row.blocking, []),
    categories: parseJson<CategorySummary[]>(row.categories, []),
    traits: parseTraits(row.traits),
  };
}

/**
 * One entity's results from its result rows (with their exemptions) and the
 * `not_applicable` column of its score row, by check id.
 */
export function toResults(
  rows: CheckResultRow[],
  exemptions: ReadonlyMap<string, Exemption>,
  notApplicableJson: string | null | undefined,
): CheckResult[] {
  const results: CheckResult[] = rows.map(row => ({
    checkId: row.check_id,
    state: row.state as CheckState,
    reason: row.reason,
    evidence: parseEvidence(row.evidence),
    exemption: row.exemption_id ? exemptions.get(row.exemption_id) : undefined,
  }));
  const notApplicable = parseJson<Record<string, string>>(
    notApplicableJson,
    {},
  );
  for (const [checkId, reason] of Object.entries(notApplicable)) {
    results.push({ checkId, state: 'not-applicable', reason, evidence: [] });
  }
  return results.sort((a, b) =>
    a.checkId < b.checkId ? -1 : Number(a.checkId > b.checkId),
  );
}

/** A run from its row. */
export function toRunInfo(row: RunRow): RunInfo {
  return {
    id: row.id,
    trigger: row.trigger as RunInfo['trigger'],
    status: row.status as RunInfo['status'],
    startedAt: row.started_at,
    finishedAt: opt(row.finished_at),
    entitiesTotal:
      row.entities_total === null ? undefined : Number(row.entities_total),
    entitiesDone: Number(row.entities_done),
    errors: parseJson<string[]>(row.errors, []),
  };
}

/** An exemption from its row. */
export function toExemption(row: ExemptionRow): Exemption {
  return {
    id: row.id,
    entityRef: row.entity_ref,
    checkId: row.check_id,
    reason: row.reason,
    author: row.author,
    createdAt: row.created_at,
    expiresAt: opt(row.expires_at),
  };
}

/** The row of an exemption. */
export function toExemptionRow(exemption: Exemption): ExemptionRow {
  return {
    id: exemption.id,
    entity_ref: exemption.entityRef,
    check_id: exemption.checkId,
    reason: exemption.reason,
    author: exemption.author,
    created_at: exemption.createdAt,
    expires_at: exemption.expiresAt ?? null,
  };
}

/** A snapshot from its row. */
export function toSnapshot(row: ScoreSnapshotRow): ScoreSnapshot {
  return {
    entityRef: row.entity_ref,
    day: row.day,
    score: row.score === null ? undefined : Number(row.score),
    level: opt(row.level),
  };
}

/**
 * A digest of everything stored per result, so equal digests mean no result
 * row would change.
 */
export function resultsHash(results: CheckResult[]): string {
  return createHash('sha1')
    .update(
      JSON.stringify(
        results.map(r => [
          r.checkId,
          r.state,
          r.reason,
          r.evidence ?? [],
          r.exemption?.id ?? null,
        ]),
      ),
    )
    .digest('hex');
}

/** The score row of a fresh score, evaluated at `nowIso`. */
export function toScoreRow(
  item: EntityScoreWrite,
  nowIso: string,
): EntityScoreRow {
  const s = item.summary;
  const notApplicable: Record<string, string> = {};
  for (const result of item.results) {
    if (result.state === 'not-applicable') {
      notApplicable[result.checkId] = result.reason;
    }
  }
  return {
    entity_ref: s.entityRef,
    kind: s.kind,
    namespace: s.namespace,
    name: s.name,
    title: s.title ?? null,
    type: s.type ?? null,
    lifecycle: s.lifecycle ?? null,
    owner: s.owner ?? '',
    system: s.system ?? null,
    domain: s.domain ?? null,
    tier: s.tier ?? null,
    score: s.score,
    level: s.level ?? null,
    level_rank: item.levelRank,
    gaps: s.gaps,
    next_level: item.nextLevel ?? null,
    blocking: JSON.stringify(item.blockingCheckIds),
    categories: JSON.stringify(item.categories),
    traits: formatTraits(item.traits),
    search_text: [s.name, s.title, s.owner, s.system]
      .filter(Boolean)
      .join('\n')
      .toLocaleLowerCase('en-US'),
    evaluated_at: nowIso,
    results_hash: resultsHash(item.results),
    not_applicable: JSON.stringify(notApplicable),
  };
}
