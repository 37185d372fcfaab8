/**
 * An entity of a team whose level moved over a period.
 *
 * @internal
 */
export interface DigestLevelChange {
  entityRef: string;
  title?: string;
  /** Level at the start of the period; absent: none. */
  from?: string;
  /** Level now; absent: none. */
  to?: string;
}

/**
 * An entity that started passing a check over a period, and still does.
 *
 * @internal
 */
export interface DigestNewPass {
  entityRef: string;
  checkId: string;
  owner?: string;
  /** When it started passing (ISO-8601). */
  at: string;
}

/**
 * What a digest held, kept with the record of its sending.
 *
 * @internal
 */
export interface DigestCounts {
  levelChanges: number;
  deadlines: number;
  exemplars: number;
  /** `false` when there was nothing to tell and nothing was sent. */
  sent: boolean;
}

/**
 * What the weekly team digests read and record: the record of digests
 * sent (one per team and week), and the team's level changes, open gaps and
 * other teams' new passes from the stored scores and history.
 *
 * @internal
 */
export interface DigestsStore {
  /**
   * Claims the digest of a team for a week; `false` when it was claimed
   * already (sent, or being sent by another run).
   */
  claimDigest(teamRef: string, week: string, now: Date): Promise<boolean>;

  /** Records a claimed digest as done, with what it held. */
  completeDigest(
    teamRef: string,
    week: string,
    now: Date,
    counts: DigestCounts,
  ): Promise<void>;

  /** Gives a claim back (the send failed): the next run tries again. */
  releaseDigest(teamRef: string, week: string): Promise<void>;

  /**
   * Entities owned by any of `ownerRefs` whose level now differs from their
   * level on the last snapshot before `sinceDay` (entities first scored
   * since then are left out: they did not change, they arrived).
   */
  listLevelChanges(
    ownerRefs: string[],
    sinceDay: string,
  ): Promise<DigestLevelChange[]>;

  /** Ids of the checks any entity of `ownerRefs` fails now. */
  listFailingCheckIds(ownerRefs: string[]): Promise<string[]>;

  /**
   * Entities not owned by `excludeOwnerRefs` that changed to passing one of
   * `checkIds` at or after `since` and pass it still, oldest first.
   */
  listNewPasses(
    checkIds: string[],
    since: string,
    excludeOwnerRefs: string[],
  ): Promise<DigestNewPass[]>;
}
