/**
 * Which teams get a digest, and whose entities are a team's.
 *
 * @internal
 */
export interface DigestTeams {
  /** Group refs of the teams that opted in. */
  listTeams(): Promise<string[]>;
  /** The team and every group below it (their entities are the team's). */
  membersOf(teamRef: string): Promise<string[]>;
}
