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
  title: string;
  /** Markdown. */
  description?: string;
  /** The group or user entity ref that runs the campaign. */
  owner: string;
  goal: CampaignGoal;
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
  startsAt: string;
  status: CampaignStatus;
  /** `config` campaigns are declared in app-config.yaml and read-only. */
  source: 'api' | 'config';
  createdAt: string;
  createdBy?: string;
  updatedAt: string;
  closedAt?: string;
}

/**
 * How far a campaign's scope is: entities in scope (that the caller can see)
 * and how many meet the goal.
 *
 * @public
 */
export interface CampaignProgress {
  entities: number;
  done: number;
}

/**
 * A campaign with its progress, as `GET /campaigns` lists them.
 *
 * @public
 */
export interface CampaignSummary extends Campaign {
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
  entity: EntitySummary;
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
  checkId: string;
  title: string;
  /** Entities in scope still failing it. */
  failing: number;
  exemplars: LearnFromExemplar[];
}

/**
 * A campaign's page: progress per team, per entity and over time.
 *
 * @public
 */
export interface CampaignDetail {
  campaign: CampaignSummary;
  teams: CampaignTeamProgress[];
  entities: CampaignEntityProgress[];
  history: CampaignProgressPoint[];
  checks: CampaignCheckHelp[];
}

/**
 * One change of a campaign, from its audit history.
 *
 * @public
 */
export interface CampaignHistoryEvent {
  at: string;
  /** The user or service entity ref that made the change. */
  actor?: string;
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
  id: string;
  title: string;
  owner: string;
  deadline: string;
  status: CampaignStatus;
  done: boolean;
  missingCheckIds: string[];
}
