import type { TeamContact } from '@prodready/plugin-readiness-common';
import type { EntityScoreWrite, LevelChange } from './ReadinessStore';
import { opt, parseJson, toScoreRow } from './rows';
import type {
  CheckHistoryRow,
  CheckResultRow,
  EntityScoreRow,
  OwnerRow,
  ScoreSnapshotRow,
} from './tables';
import { GAP_STATES } from '@prodready/plugin-readiness-common';

/** Score row columns compared to decide whether a score row changed. */
const COMPARED_SCORE_COLUMNS: Array<keyof EntityScoreRow> = [
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
  'level_rank',
  'gaps',
  'next_level',
  'blocking',
  'categories',
  'traits',
  'search_text',
  'results_hash',
  'not_applicable',
];

/**
 * Fresh scores to write, one per entity (the last write of an entity wins),
 * with their score rows.
 */
export type ScoreWrites = Map<
  string,
  { item: EntityScoreWrite; row: EntityScoreRow }
>;

/** Keys fresh scores by entity and maps them to score rows. */
export function toScoreWrites(
  items: EntityScoreWrite[],
  now: Date,
): ScoreWrites {
  const nowIso = now.toISOString();
  const out: ScoreWrites = new Map();
  for (const item of items) {
    out.set(item.summary.entityRef, { item, row: toScoreRow(item, nowIso) });
  }
  return out;
}

/**
 * The entities whose results digest changed: only their result rows need to
 * be read and compared.
 */
export function refsWithChangedResults(
  writes: ScoreWrites,
  previousScores: ReadonlyMap<string, EntityScoreRow>,
): string[] {
  const out: string[] = [];
  for (const [ref, { row }] of writes) {
    if (previousScores.get(ref)?.results_hash !== row.results_hash) {
      out.push(ref);
    }
  }
  return out;
}

/** What is stored before a write. */
export interface PreviousScoreRows {
  /** Score rows of the written entities that were scored before. */
  scores: ReadonlyMap<string, EntityScoreRow>;
  /**
   * Result rows by entity and check, of (at least) the entities of
   * {@link refsWithChangedResults}.
   */
  results: ReadonlyMap<string, ReadonlyMap<string, CheckResultRow>>;
}

/** The rows a write of scores inserts, updates and deletes. */
export interface ScoreWritePlan {
  /** Result rows new or changed in state, reason, evidence or exemption. */
  resultUpserts: CheckResultRow[];
  /** Check ids of result rows to delete, by entity. */
  resultDeletes: Map<string, string[]>;
  /**
   * One row per change of state, keyed by the evaluation time of the score it
   * was found against, so two writes from the same stored score find the same
   * rows.
   */
  history: CheckHistoryRow[];
  /** Score rows new or changed. */
  scoreUpserts: EntityScoreRow[];
  /** Entities whose score row only needs its evaluation time updated. */
  touched: string[];
  /** Snapshots of entities whose score or level changed (or that are new). */
  snapshots: ScoreSnapshotRow[];
  /** Entities scored before whose level changed. */
  levelChanges: LevelChange[];
  /** Entities without a stored score before this write. */
  firstScored: string[];
  /** Owner contacts seen in the write, one per owner. */
  owners: TeamContact[];
}

function scoreRowChanged(prev: EntityScoreRow, next: EntityScoreRow): boolean {
  return COMPARED_SCORE_COLUMNS.some(column => {
    const a = prev[column];
    const b = next[column];
    if (typeof b === 'number') {
      return Number(a) !== b;
    }
    return (a ?? null) !== (b ?? null);
  });
}

/** Plans the result rows and history of one entity whose results changed. */
function planResults(
  ref: string,
  item: EntityScoreWrite,
  prevScore: EntityScoreRow | undefined,
  prevResults: ReadonlyMap<string, CheckResultRow> | undefined,
  nowIso: string,
  plan: ScoreWritePlan,
): void {
  const prevNotApplicable = new Set(
    Object.keys(
      parseJson<Record<string, string>>(prevScore?.not_applicable, {}),
    ),
  );
  const prev = new Map(prevResults ?? []);
  const deletes: string[] = [];
  for (const result of item.results) {
    const old = prev.get(result.checkId);
    prev.delete(result.checkId);
    let oldState: string | undefined = old?.state;
    if (!oldState && prevNotApplicable.has(result.checkId)) {
      oldState = 'not-applicable';
    }
    if (result.state === 'not-applicable') {
      // Checks that do not apply are kept in the score row, not as rows.
      if (old) {
        deletes.push(result.checkId);
      }
    } else {
      const evidence = JSON.stringify(result.evidence ?? []);
      const exemptionId = result.exemption?.id ?? null;
      if (
        !old ||
        old.state !== result.state ||
        old.reason !== result.reason ||
        old.evidence !== evidence ||
        (old.exemption_id ?? null) !== exemptionId
      ) {
        plan.resultUpserts.push({
          entity_ref: ref,
          check_id: result.checkId,
          state: result.state,
          reason: result.reason,
          evidence,
          exemption_id: exemptionId,
          updated_at: nowIso,
        });
      }
    }
    // A new entity's first results are its starting point, not changes; a
    // check new to an entity scored before is a change.
    const changed = oldState ? oldState !== result.state : !!prevScore;
    if (changed) {
      plan.history.push({
        entity_ref: ref,
        check_id: result.checkId,
        from_state: oldState ?? null,
        to_state: result.state,
        at: nowIso,
        from_evaluated_at: prevScore?.evaluated_at ?? nowIso,
      });
    }
  }
  // Rows of checks no longer in the pack.
  deletes.push(...prev.keys());
  if (deletes.length > 0) {
    plan.resultDeletes.set(ref, deletes);
  }
}

/**
 * Decides what a write of fresh scores changes, change-only: result rows only
 * where state, reason, evidence or exemption changed; history rows only where
 * a state changed (or a check is new for an entity scored before); a score
 * row only where a column changed (else only its evaluation time); a
 * snapshot only where the score or level changed; a level change for every
 * entity scored before whose level moved. Pure: reads nothing but its
 * arguments.
 */
export function planScoreWrite(
  writes: ScoreWrites,
  previous: PreviousScoreRows,
  now: Date,
): ScoreWritePlan {
  const nowIso = now.toISOString();
  const day = nowIso.slice(0, 10);
  const plan: ScoreWritePlan = {
    resultUpserts: [],
    resultDeletes: new Map(),
    history: [],
    scoreUpserts: [],
    touched: [],
    snapshots: [],
    levelChanges: [],
    firstScored: [],
    owners: [],
  };
  for (const ref of refsWithChangedResults(writes, previous.scores)) {
    planResults(
      ref,
      writes.get(ref)!.item,
      previous.scores.get(ref),
      previous.results.get(ref),
      nowIso,
      plan,
    );
  }

  const owners = new Map<string, TeamContact>();
  for (const [ref, { item, row }] of writes) {
    const prevScore = previous.scores.get(ref);
    if (!prevScore || scoreRowChanged(prevScore, row)) {
      plan.scoreUpserts.push(row);
    } else {
      plan.touched.push(ref);
    }
    if (!prevScore) {
      plan.firstScored.push(ref);
    }
    if (prevScore && (prevScore.level ?? null) !== row.level) {
      const exemptCheckIds = item.results
        .filter(r => r.state === 'exempt')
        .map(r => r.checkId);
      plan.levelChanges.push({
        entityRef: ref,
        title: opt(row.title),
        owner: opt(row.owner),
        from: opt(prevScore.level),
        to: opt(row.level),
        rose: row.level_rank > Number(prevScore.level_rank ?? 0),
        failingCheckIds: item.results
          .filter(r => GAP_STATES.includes(r.state))
          .map(r => r.checkId),
        // Only where exemptions hold checks: the notice then says so.
        ...(exemptCheckIds.length > 0 ? { exemptCheckIds } : {}),
      });
    }
    if (
      !prevScore ||
      Number(prevScore.score) !== row.score ||
      (prevScore.level ?? null) !== row.level
    ) {
      plan.snapshots.push({
        entity_ref: ref,
        day,
        score: row.score,
        level: row.level,
      });
    }
    if (item.ownerContact) {
      owners.set(item.ownerContact.ref, item.ownerContact);
    }
  }
  plan.owners = [...owners.values()];
  return plan;
}

/**
 * The owner rows to write: owners new or whose contacts or display name
 * changed.
 */
export function planOwnerWrite(
  owners: TeamContact[],
  existing: ReadonlyMap<string, OwnerRow>,
  now: Date,
): OwnerRow[] {
  const nowIso = now.toISOString();
  const out: OwnerRow[] = [];
  for (const owner of owners) {
    const contacts = JSON.stringify(owner.contacts);
    const old = existing.get(owner.ref);
    const displayName = owner.displayName ?? null;
    if (
      !old ||
      old.contacts !== contacts ||
      (old.display_name ?? null) !== displayName
    ) {
      out.push({
        owner_ref: owner.ref,
        display_name: displayName,
        contacts,
        updated_at: nowIso,
      });
    }
  }
  return out;
}
