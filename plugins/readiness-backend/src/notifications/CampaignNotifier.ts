import type { LoggerService } from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import type { Campaign } from '@prodready/plugin-readiness-common';
import type { CampaignEntityEvaluation } from '../campaigns/CampaignEvaluator';
import type { CampaignsStore } from '../campaigns/CampaignsStore';

/**
 * Options of {@link CampaignNotifier.create}.
 *
 * @internal
 */
export interface CampaignNotifierOptions {
  notifications: Pick<NotificationService, 'send'>;
  store: Pick<
    CampaignsStore,
    'claimCampaignNotifications' | 'hasCampaignNotifications'
  >;
  logger: LoggerService;
  now?: () => Date;
}

function entities(count: number): string {
  return `${count} ${count === 1 ? 'entity' : 'entities'}`;
}

/**
 * Tells owning groups about campaigns, through Backstage notifications:
 * once when a campaign first covers their entities, and when one of their
 * entities newly meets a campaign's goal. Each notification is claimed in
 * the database before it is sent, so replicas never send one twice; the
 * entities already meeting the goal when a campaign is first seen are
 * recorded without a notification.
 *
 * @internal
 */
export class CampaignNotifier {
  /** Creates the notifier. */
  static create(options: CampaignNotifierOptions): CampaignNotifier {
    return new CampaignNotifier(options);
  }

  private constructor(private readonly options: CampaignNotifierOptions) {}

  /** Sends what `evaluations` (every entity in scope) call for. */
  async notify(
    campaign: Campaign,
    evaluations: CampaignEntityEvaluation[],
  ): Promise<void> {
    const { store } = this.options;
    const at = this.options.now?.() ?? new Date();
    const done = evaluations.filter(e => e.done).map(e => e.entity.entityRef);
    if (!(await store.hasCampaignNotifications(campaign.id, 'created'))) {
      // First sight: what is done already is no news.
      await store.claimCampaignNotifications(campaign.id, 'met', done, at);
      const owners = [
        ...new Set(evaluations.map(e => e.entity.owner ?? '').filter(Boolean)),
      ];
      const claimed = await store.claimCampaignNotifications(
        campaign.id,
        'created',
        owners,
        at,
      );
      for (const owner of claimed) {
        const mine = evaluations.filter(e => e.entity.owner === owner);
        await this.send(owner, {
          title: `New readiness campaign: ${campaign.title}`,
          description: `${entities(mine.length)} of yours in scope, ${
            mine.filter(e => e.done).length
          } done already; deadline ${campaign.deadline}.`,
          link: `/readiness/campaigns/${encodeURIComponent(campaign.id)}`,
          severity: 'normal',
          topic: 'Readiness campaigns',
          scope: `readiness-campaign:${campaign.id}:created`,
        });
      }
      return;
    }
    const newly = new Set(
      await store.claimCampaignNotifications(campaign.id, 'met', done, at),
    );
    for (const { entity } of evaluations.filter(e =>
      newly.has(e.entity.entityRef),
    )) {
      if (!entity.owner) continue;
      const mine = evaluations.filter(e => e.entity.owner === entity.owner);
      const name = entity.title ?? parseEntityRef(entity.entityRef).name;
      await this.send(entity.owner, {
        title: `${name} meets campaign ${campaign.title}`,
        description: `${mine.filter(e => e.done).length} of your ${entities(
          mine.length,
        )} done, deadline ${campaign.deadline}.`,
        link: `/readiness/campaigns/${encodeURIComponent(campaign.id)}`,
        severity: 'low',
        topic: 'Readiness campaigns',
        scope: `readiness-campaign:${campaign.id}:${entity.entityRef}`,
      });
    }
  }

  private async send(
    owner: string,
    payload: Parameters<NotificationService['send']>[0]['payload'],
  ) {
    try {
      await this.options.notifications.send({
        recipients: { type: 'entity', entityRef: owner },
        payload,
      });
    } catch (error) {
      // Claimed, so never retried: a lost notification beats a duplicate.
      this.options.logger.warn(
        `Could not notify ${owner} about a campaign: ${
          (error as Error).message
        }`,
      );
    }
  }
}
