import type { EntitySummary, LearnFromExemplar } from './api';

/**
 * What a campaign asks of every entity in its scope: pass a set of checks,
 * or reach a level.
 *
 * @public
 */
export type CampaignGoal =
  | { type: 'checks'; checkIds: string[] }
  | { type: 'level'; level: string };

/**
 * Which entities a campaign covers. Every listed dimension must match (AND);
 * within one dimension any value matches (OR). An empty scope covers every
 * scored entity.
 *
 * @public
 */
export interface CampaignScope {
  /** Owner entity refs (`group:default/payments`); child groups included. */
  owners?: string[];
  /** System entity refs (`system:default/commerce`). */
  systems?: string[];
  /** Entity kinds, lower case (`component`). */
  kinds?: string[];
  /** Tiers as the pack reads them (`tier-1`). */
  tiers?: string[];
  /** `spec.lifecycle` values (`production`). */
  lifecycles?: string[];
}

/**
 * Whether a campaign is running, not started yet, or closed.
 *
 * @public
 */
export type CampaignStatus = 'upcoming' | 'active' | 'closed';

/**
 * The filters of `GET /campaigns`.
 *
 * @public
 */
export interface CampaignsQuery {
  /** Only campaigns in this status; every status when absent. */
  status?: CampaignStatus;
  /**
   * A group or user entity ref: only campaigns covering at least one entity
   * it owns (child groups included), with progress counted on those.
   */
  owner?: string;
}

/**
 * What a caller sends to create a campaign (`POST /campaigns`) or, partly,
 * to edit one (`PATCH /campaigns/{id}`).
 *
 * @public
 */
export interface CampaignInput {
  /** Name shown in lists and on the entities' Readiness tab. */
  title: string;
  /** Markdown. */
  description?: string;
  /** The group or user entity ref that runs the campaign. */
  owner: string;
  /** What every entity in scope must achieve. */
  goal: CampaignGoal;
  /** Which entities the campaign covers. */
  scope: CampaignScope;
  /** ISO date (day) the campaign starts; today when left out. */
  startsAt?: string;
  /** ISO date (day) by which the scope should meet the goal. */
  deadline: string;
}

/**
 * A named goal over a scope, with a start, a deadline and an owner.
 *
 * @public
 */
export interface Campaign extends CampaignInput {
  /** Stable id: a slug for campaigns declared in config, generated otherwise. */
  id: string;
  /** ISO date (day) the campaign starts. */
  startsAt: string;
  /** Derived from the dates and from whether it was closed. */
  status: CampaignStatus;
  /** `config` campaigns are declared in app-config.yaml and read-only. */
  source: 'api' | 'config';
  /** When it was created (ISO 8601). */
  createdAt: string;
  /** User entity ref of who created it; absent for config campaigns. */
  createdBy?: string;
  /** When it was last changed (ISO 8601). */
  updatedAt: string;
  /** When it was closed (ISO 8601); absent while open. */
  closedAt?: string;
}

/**
 * How far a campaign's scope is: entities in scope (that the caller can see)
 * and how many meet the goal.
 *
 * @public
 */
export interface CampaignProgress {
  /** Entities in scope that the caller may read. */
  entities: number;
  /** Of those, how many meet the goal. */
  done: number;
}

/**
 * A campaign with its progress, as `GET /campaigns` lists them.
 *
 * @public
 */
export interface CampaignSummary extends Campaign {
  /** How far the scope is towards the goal. */
  progress: CampaignProgress;
}

/**
 * One owner's part of a campaign.
 *
 * @public
 */
export interface CampaignTeamProgress extends CampaignProgress {
  /** Owner entity ref. */
  owner: string;
}

/**
 * One entity in a campaign's scope.
 *
 * @public
 */
export interface CampaignEntityProgress {
  /** The entity's catalog fields, score and level. */
  entity: EntitySummary;
  /** Whether it meets the campaign's goal. */
  done: boolean;
  /** The goal's checks the entity does not pass yet (level goals: the checks of the levels up to it). */
  missingCheckIds: string[];
}

/**
 * One day of a campaign's progress, for its chart.
 *
 * @public
 */
export interface CampaignProgressPoint extends CampaignProgress {
  /** ISO date (day). */
  date: string;
}

/**
 * A check of the campaign with the entities outside the caller's gap that
 * already pass it, and how to reach their owners.
 *
 * @public
 */
export interface CampaignCheckHelp {
  /** The check of the goal. */
  checkId: string;
  /** Its title, for display. */
  title: string;
  /** Entities in scope still failing it. */
  failing: number;
  /** Entities that pass it and whose owners could show how. */
  exemplars: LearnFromExemplar[];
}

/**
 * A campaign's page: progress per team, per entity and over time.
 *
 * @public
 */
export interface CampaignDetail {
  /** The campaign and its overall progress. */
  campaign: CampaignSummary;
  /** Progress per owner of entities in scope. */
  teams: CampaignTeamProgress[];
  /** Every readable entity in scope, with what it still misses. */
  entities: CampaignEntityProgress[];
  /** Daily progress since the start, oldest first. */
  history: CampaignProgressPoint[];
  /** Per check of the goal, who to learn from. */
  checks: CampaignCheckHelp[];
}

/**
 * One change of a campaign, from its audit history.
 *
 * @public
 */
export interface CampaignHistoryEvent {
  /** When the change was made (ISO 8601). */
  at: string;
  /** The user or service entity ref that made the change. */
  actor?: string;
  /** What happened to the campaign. */
  action: 'created' | 'updated' | 'closed' | 'reopened';
  /** The fields changed, with their new values (`updated` only). */
  changes?: Partial<CampaignInput>;
}

/**
 * A campaign as one entity in its scope sees it (its Readiness tab).
 *
 * @public
 */
export interface EntityCampaign {
  /** Id of the campaign, for its page. */
  id: string;
  /** Name of the campaign. */
  title: string;
  /** The group or user entity ref that runs it. */
  owner: string;
  /** ISO date (day) by which the entity should meet the goal. */
  deadline: string;
  /** Whether the campaign is upcoming, active or closed. */
  status: CampaignStatus;
  /** Whether this entity meets the goal. */
  done: boolean;
  /** The goal's checks this entity does not pass yet. */
  missingCheckIds: string[];
}
