/**
 * Which way an entity's level would move with a proposed check pack.
 *
 * @public
 */
export type LevelChangeDirection = 'up' | 'down';

/**
 * An entity whose level would change with a proposed check pack.
 *
 * @public
 */
export interface PackChangeEntity {
  /** The entity, e.g. `component:default/payments-api`. */
  entityRef: string;
  /** Owner entity ref; absent when the entity has none. */
  owner?: string;
  /** The level with the current pack; absent for none. */
  from?: string;
  /** The level with the proposed pack; absent for none. */
  to?: string;
  /** Up or down, by the levels' positions in their packs. */
  direction: LevelChangeDirection;
}

/**
 * An entity whose level with the proposed pack cannot be told without
 * evaluating a check the preview cannot decide (e.g. a new rule, when facts
 * are not stored).
 *
 * @public
 */
export interface PackChangeUndetermined {
  /** The entity. */
  entityRef: string;
  /** Owner entity ref; absent when the entity has none. */
  owner?: string;
  /** The level with the current pack; absent for none. */
  from?: string;
  /** Why, naming the checks it depends on. */
  reason: string;
}

/**
 * How many entities would move from one level to another.
 *
 * @public
 */
export interface PackChangeTransition {
  /** Absent for no level. */
  from?: string;
  /** Absent for no level. */
  to?: string;
  /** Up or down. */
  direction: LevelChangeDirection;
  /** How many entities move so. */
  entities: number;
}

/**
 * The level changes of one owning team.
 *
 * @public
 */
export interface PackChangeTeam {
  /** Owner entity ref; absent for entities without an owner. */
  owner?: string;
  /** Its entities that would rise. */
  up: number;
  /** Its entities that would drop. */
  down: number;
  /** Its entities whose new level cannot be told. */
  undetermined: number;
}

/**
 * A check of the proposed pack that the preview could not evaluate, and why.
 *
 * @public
 */
export interface PackChangeUnevaluatedCheck {
  /** The check id. */
  checkId: string;
  /** Why it was not evaluated, naming it. */
  reason: string;
}

/**
 * What a check-pack change would do to levels: `GET /preview`,
 * `POST /preview`, `readiness plan` and the `readiness:preview-pack-change`
 * action all answer in this shape. Only entities the caller may read are
 * counted and listed.
 *
 * @public
 */
export interface PackChangePreview {
  /** Entities considered. */
  entities: number;
  /** Entities whose level would change (up plus down). */
  changed: number;
  /** Entities whose level would rise. */
  up: number;
  /** Entities whose level would drop. */
  down: number;
  /** Level changes per pair of levels, most entities first. */
  transitions: PackChangeTransition[];
  /** Per owning team, most changes first. */
  teams: PackChangeTeam[];
  /** The entities whose level would change, by entity ref. */
  changes: PackChangeEntity[];
  /** The entities whose new level cannot be told, by entity ref. */
  undetermined: PackChangeUndetermined[];
  /** Checks the preview could not evaluate. */
  unevaluatedChecks: PackChangeUnevaluatedCheck[];
  /**
   * Who would be told: the owners of the entities whose level would
   * change, when level-change notifications are enabled (none otherwise).
   */
  notifications: { enabled: boolean; owners: string[] };
}
