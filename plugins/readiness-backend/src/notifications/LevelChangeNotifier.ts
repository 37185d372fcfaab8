import type { LoggerService } from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import type { LevelChange } from '../database/ReadinessStore';
import type { PackIndex } from '../pack/PackIndex';
import { levelWord } from '@prodready/plugin-readiness-common';

/** Options of {@link LevelChangeNotifier.create}. */
export interface LevelChangeNotifierOptions {
  notifications: Pick<NotificationService, 'send'>;
  pack: PackIndex;
  logger: LoggerService;
  /** More changes than this in one call are logged, not sent. */
  maxPerBatch: number;
}

/** `1 check exempted`, `2 checks exempted`. */
function exemptedWords(count: number): string {
  return `${count} ${count === 1 ? 'check' : 'checks'} exempted`;
}

/** Failing checks named in a drop notification; the tab has the rest. */
const MAX_NAMED_CHECKS = 5;

/**
 * Tells the owning team, through Backstage notifications, when an entity's
 * level changes: a drop (severity high) names the checks that now fail at or
 * below the lost level; a rise (severity low) says which level was reached.
 * Each links to the entity's Readiness tab, where the learn-from list says
 * which teams already solved each gap. One notification per entity (scope
 * `readiness-level:<ref>`): a later change replaces the earlier one instead
 * of piling up.
 *
 * More changes than `maxPerBatch` in one write (a changed check pack moves
 * many entities at once) are logged and not sent: a flood would teach teams
 * to ignore them.
 */
export class LevelChangeNotifier {
  static create(options: LevelChangeNotifierOptions): LevelChangeNotifier {
    return new LevelChangeNotifier(options);
  }

  private constructor(private readonly options: LevelChangeNotifierOptions) {}

  async notify(changes: LevelChange[]): Promise<void> {
    const { logger, maxPerBatch } = this.options;
    const owned = changes.filter(c => c.owner);
    if (owned.length > maxPerBatch) {
      logger.warn(
        `${owned.length} levels changed in one write (more than readiness.notifications.maxPerBatch, ${maxPerBatch}); their owners were not notified. Did the check pack change?`,
      );
      return;
    }
    for (const change of owned) {
      try {
        await this.options.notifications.send({
          recipients: { type: 'entity', entityRef: change.owner! },
          payload: this.payloadOf(change),
        });
      } catch (error) {
        logger.warn(
          `Could not notify ${change.owner} of ${change.entityRef}: ${
            (error as Error).message
          }`,
        );
      }
    }
  }

  private levelTitle(levelId: string | undefined): string {
    return levelWord(levelId, this.options.pack.pack.levels);
  }

  private payloadOf(change: LevelChange) {
    const { pack } = this.options;
    const ref = parseEntityRef(change.entityRef);
    const name = change.title ?? ref.name;
    const link = `/catalog/${ref.namespace}/${ref.kind}/${ref.name}/readiness`;
    const scope = `readiness-level:${change.entityRef}`;
    const topic = 'Production readiness';
    if (change.rose) {
      // A level reached through exemptions is announced as such.
      const reachedRank = pack.levelRank(change.to);
      const exempted = (change.exemptCheckIds ?? []).filter(id => {
        const info = pack.checkInfo(id);
        return info && pack.levelRank(info.level) <= reachedRank;
      }).length;
      const to = this.levelTitle(change.to);
      const before = `before: ${this.levelTitle(change.from)}`;
      return {
        title: `${name} reached ${to}${
          exempted > 0 ? `, ${exemptedWords(exempted)}` : ''
        }`,
        description:
          exempted > 0
            ? `Every other ${to} check passes now; ${exemptedWords(
                exempted,
              )} (${before}).`
            : `Every ${to} check passes now (${before}).`,
        link,
        severity: 'low' as const,
        topic,
        scope,
      };
    }
    // The checks that cost the level: failing, at or below the lost level.
    const lostRank = pack.levelRank(change.from);
    const titles = change.failingCheckIds
      .map(id => pack.checkInfo(id))
      .filter(info => info && pack.levelRank(info.level) <= lostRank)
      .map(info => info!.title);
    const named = titles.slice(0, MAX_NAMED_CHECKS).join(', ');
    const more =
      titles.length > MAX_NAMED_CHECKS
        ? ` and ${titles.length - MAX_NAMED_CHECKS} more`
        : '';
    return {
      title: `${name} dropped from ${this.levelTitle(
        change.from,
      )} to ${this.levelTitle(change.to)}`,
      description: `${
        titles.length > 0 ? `Now failing: ${named}${more}. ` : ''
      }Its Readiness tab shows the fixes and who already solved them.`,
      link,
      severity: 'high' as const,
      topic,
      scope,
    };
  }
}
