import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import type { Campaign } from '@prodready/plugin-readiness-common';
import type { CampaignNotifier } from '../notifications/CampaignNotifier';
import type { CampaignEvaluator } from './CampaignEvaluator';
import type { CampaignsStore, StoredCampaign } from './CampaignsStore';
import { campaignStatus, isoDay } from './campaignStatus';

/** Writes come in bursts (a full run writes page after page): wait this long. */
const DEFAULT_DELAY_MS = 10_000;

/**
 * Options of {@link CampaignProgressRecorder.create}.
 *
 * @internal
 */
export interface CampaignProgressRecorderOptions {
  store: CampaignsStore;
  /** Campaigns declared in app-config.yaml. */
  configCampaigns: StoredCampaign[];
  evaluator: CampaignEvaluator;
  auth: AuthService;
  logger: LoggerService;
  /** Tells owners; absent when notifications are off. */
  notifier?: CampaignNotifier;
  /** Delay between a request and the pass it starts. */
  delayMs?: number;
  now?: () => Date;
}

/**
 * Keeps each open campaign's progress of the day (entities in scope, done)
 * for its chart, and has owners told what changed. A pass evaluates every
 * campaign that is not closed over every entity, as the plugin itself sees
 * them. Passes run after scoring writes (coalesced: one pass a few seconds
 * after a burst) and on a schedule; the day's row is an upsert and
 * notifications are claimed, so passes on several replicas agree.
 *
 * @internal
 */
export class CampaignProgressRecorder {
  /** Creates the recorder; nothing runs until asked. */
  static create(
    options: CampaignProgressRecorderOptions,
  ): CampaignProgressRecorder {
    return new CampaignProgressRecorder(options);
  }

  #timer?: ReturnType<typeof setTimeout>;
  #running?: Promise<void>;
  #again = false;
  #stopped = false;

  private constructor(
    private readonly options: CampaignProgressRecorderOptions,
  ) {}

  /** Asks for a pass soon; requests meanwhile make one pass. */
  requestRecord(): void {
    if (this.#stopped || this.#timer) {
      return;
    }
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.record().catch(error =>
        this.options.logger.warn(
          `Could not record campaign progress: ${error}`,
        ),
      );
    }, this.options.delayMs ?? DEFAULT_DELAY_MS);
    this.#timer.unref?.();
  }

  /** Stops pending passes (at shutdown). */
  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** One pass now (after the running one, if any). */
  async record(): Promise<void> {
    while (this.#running) {
      await this.#running.catch(() => undefined);
    }
    this.#running = this.pass().finally(() => {
      this.#running = undefined;
      if (this.#again) {
        this.#again = false;
        this.requestRecord();
      }
    });
    return this.#running;
  }

  private async pass(): Promise<void> {
    const { store, evaluator, auth, notifier, logger } = this.options;
    const today = isoDay(this.options.now?.() ?? new Date());
    const credentials = await auth.getOwnServiceCredentials();
    const stored = await store.listCampaigns();
    const campaigns: Campaign[] = [
      ...this.options.configCampaigns,
      ...stored,
    ].map(c => ({ ...c, status: campaignStatus(c, today) }));
    for (const campaign of campaigns) {
      if (campaign.status === 'closed') continue;
      try {
        const evaluations = await evaluator.evaluate(campaign, {
          credentials,
          visible: undefined,
        });
        if (campaign.status === 'active') {
          await store.saveCampaignProgress(campaign.id, today, {
            entities: evaluations.length,
            done: evaluations.filter(e => e.done).length,
          });
        }
        await notifier?.notify(campaign, evaluations);
      } catch (error) {
        logger.warn(
          `Could not record the progress of campaign ${campaign.id}: ${error}`,
        );
      }
    }
  }
}
