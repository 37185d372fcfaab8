import type { LoggerService } from '@backstage/backend-plugin-api';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import type { PackIndex } from '../pack/PackIndex';
import { buildTeamDigest } from './buildTeamDigest';
import type { CampaignDeadlineSource } from './CampaignDeadlineSource';
import type { DigestsStore } from './DigestsStore';
import type { DigestTeams } from './DigestTeams';
import { weekOf } from './weekOf';

const DAY_MS = 24 * 60 * 60 * 1000;
/** A digest covers the week before it is sent. */
const PERIOD_DAYS = 7;
/** Campaign deadlines announced this far ahead. */
const DEADLINE_DAYS = 14;
/** New exemplars named per digest. */
const MAX_EXEMPLARS = 20;

/**
 * Options of {@link TeamDigestSender.create}.
 *
 * @internal
 */
export interface TeamDigestSenderOptions {
  store: DigestsStore;
  teams: DigestTeams;
  deadlines: CampaignDeadlineSource;
  notifications: Pick<NotificationService, 'send'>;
  pack: PackIndex;
  logger: LoggerService;
  /** The clock; tests pass a fake one. */
  now?: () => Date;
}

/**
 * What one run of {@link TeamDigestSender.sendDue} did.
 *
 * @internal
 */
export interface DigestRunOutcome {
  sent: string[];
  /** Nothing to tell this week: recorded, not sent. */
  empty: string[];
  /** Sent (or being sent) already this week. */
  skipped: string[];
  failed: string[];
}

/**
 * Sends each opted-in team its weekly readiness digest as a Backstage
 * notification: the level changes of the team's entities over the past
 * week, campaign deadlines within 14 days, and the entities of other teams
 * that started passing a check the team fails (whom to ask). Once per team
 * and week, however often it runs and on whichever replica: the digest is
 * claimed in the store before it is sent, and a failed send gives the claim
 * back for the next run.
 *
 * Exemplars name entities and the check they pass, never scores; recipients
 * are the team (notification recipients of the team's entity ref).
 *
 * @internal
 */
export class TeamDigestSender {
  static create(options: TeamDigestSenderOptions): TeamDigestSender {
    return new TeamDigestSender(options);
  }

  private constructor(private readonly options: TeamDigestSenderOptions) {}

  /** Sends the digests of this week not sent yet. */
  async sendDue(): Promise<DigestRunOutcome> {
    const { store, teams, logger } = this.options;
    const now = (this.options.now ?? (() => new Date()))();
    const week = weekOf(now);
    const outcome: DigestRunOutcome = {
      sent: [],
      empty: [],
      skipped: [],
      failed: [],
    };
    for (const teamRef of await teams.listTeams()) {
      if (!(await store.claimDigest(teamRef, week, now))) {
        outcome.skipped.push(teamRef);
        continue;
      }
      try {
        const sent = await this.sendOne(teamRef, week, now);
        (sent ? outcome.sent : outcome.empty).push(teamRef);
      } catch (error) {
        await store.releaseDigest(teamRef, week);
        outcome.failed.push(teamRef);
        logger.warn(
          `Could not send the readiness digest of ${teamRef} for the week of ${week}: ${
            (error as Error).message
          }`,
        );
      }
    }
    logger.info(
      `Readiness digests for the week of ${week}: ${outcome.sent.length} sent, ${outcome.empty.length} with nothing to tell, ${outcome.skipped.length} sent before, ${outcome.failed.length} failed`,
    );
    return outcome;
  }

  private async sendOne(
    teamRef: string,
    week: string,
    now: Date,
  ): Promise<boolean> {
    const { store, teams, deadlines, notifications, pack } = this.options;
    const members = await teams.membersOf(teamRef);
    const since = new Date(now.getTime() - PERIOD_DAYS * DAY_MS);
    const [levelChanges, failing, upcoming] = await Promise.all([
      store.listLevelChanges(members, since.toISOString().slice(0, 10)),
      store.listFailingCheckIds(members),
      deadlines.listDeadlines({
        teamRef,
        ownerRefs: members,
        from: now,
        to: new Date(now.getTime() + DEADLINE_DAYS * DAY_MS),
      }),
    ]);
    const exemplars = (
      await store.listNewPasses(failing, since.toISOString(), members)
    ).slice(0, MAX_EXEMPLARS);
    const payload = buildTeamDigest(
      { teamRef, week, levelChanges, deadlines: upcoming, exemplars },
      pack,
    );
    if (payload) {
      await notifications.send({
        recipients: { type: 'entity', entityRef: teamRef },
        payload,
      });
    }
    await store.completeDigest(teamRef, week, now, {
      levelChanges: levelChanges.length,
      deadlines: upcoming.length,
      exemplars: exemplars.length,
      sent: payload !== undefined,
    });
    return payload !== undefined;
  }
}
