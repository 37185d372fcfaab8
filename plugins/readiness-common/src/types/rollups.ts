import type { EntitySummary, TeamContact } from './api';

/*
 * Roll-ups of the REST API at /api/readiness: by owner, system or domain
 * (`GET /rollups`), of one team, system or domain (`GET /rollups/{kind}/…`),
 * and the champions per check. The OpenAPI spec is the source of truth.
 */

/**
 * One group of a roll-up.
 *
 * @public
 */
export interface RollupGroup {
  /** The owner, system or domain ref grouped by; `total` for the total row. */
  key: string;
  /** Scored entities in the group that the caller may read. */
  entities: number;
  /** Entities below the target level of their tier. */
  belowTarget: number;
  /** Mean score of those entities, 0–100. */
  meanScore: number;
  /** Entities per level id; `none` counts those below the lowest level. */
  levels: Record<string, number>;
  /** Pass rate 0–1 per category, over applicable decided checks. */
  categories: Record<string, number>;
}

/**
 * `GET /rollups?groupBy=owner|system|domain[&includeChildren=true]`.
 *
 * @public
 */
export interface RollupResponse {
  /** The catalog field the entities are grouped by. */
  groupBy: 'owner' | 'system' | 'domain';
  /**
   * True when each owner group also counts the entities of every group below
   * it (child teams, transitively), so that an entity counts in several
   * groups; the total still counts each entity once.
   */
  includeChildren?: boolean;
  /** One group per value of the field, largest first. */
  groups: RollupGroup[];
  /** All readable scored entities together, grouped or not. */
  total: RollupGroup;
}

/**
 * `GET /champions`: the groups with the highest pass rate for each check.
 *
 * @public
 */
export interface ChampionsResponse {
  /** Per check, the groups that pass it most, best first. */
  checks: Array<{
    checkId: string;
    champions: Array<{
      owner: TeamContact;
      passRate: number;
      passing: number;
      applicable: number;
    }>;
  }>;
}

/**
 * What a roll-up of one entity covers: a team (a Group and its child groups,
 * transitively), a system, or a domain.
 *
 * @public
 */
export type EntityRollupScope = 'team' | 'system' | 'domain';

/**
 * A failing check across the entities of a roll-up.
 *
 * @public
 */
export interface EntityRollupGap {
  /** The failing check. */
  checkId: string;
  /** Entities that fail it. */
  failing: number;
  /**
   * Entities whose next level it blocks: fixing it moves them towards a
   * level, so gaps are ranked by this first.
   */
  blocking: number;
  /** Up to ten of the entities that fail it, those it blocks first. */
  entityRefs: string[];
}

/**
 * `GET /rollups/{kind}/{namespace}/{name}`: the readiness of what a team, a
 * system or a domain holds.
 *
 * @public
 */
export interface EntityRollup {
  /** Full ref of the team, system or domain rolled up. */
  entityRef: string;
  /** What the roll-up covers, from the entity's kind. */
  scope: EntityRollupScope;
  /**
   * Whose entities are counted: for a team the group and every group below
   * it; for a system the system; for a domain the domain and its systems.
   */
  members: string[];
  /** Scored entities in scope that the caller may read, weakest first. */
  entities: EntitySummary[];
  /** Scored entities in scope; more than `entities` holds when capped. */
  totalEntities: number;
  /** Of `entities`, those below the target level of their tier. */
  belowTarget: number;
  /** Mean score, 0–100, of the entities counted. */
  meanScore: number;
  /** Entities per level id; `none` counts those below the lowest level. */
  levels: Record<string, number>;
  /** The weakest links: the entities at the lowest level, lowest score first. */
  weakest: EntitySummary[];
  /** Failing checks, those that block the most entities' next level first. */
  gaps: EntityRollupGap[];
  /** Checks where a member group is among the champions (others may ask it). */
  championOf: Array<{ checkId: string; owner: TeamContact; passRate: number }>;
}
