import type { ReadinessBackendConfig } from '../config';
import type { AttestationsStore } from '../attestations/AttestationsStore';
import type { CampaignProgressRecorder } from '../campaigns/CampaignProgressRecorder';
import type { ReadinessStore } from '../database/ReadinessStore';
import { createOwnerResolver } from '../lib/createOwnerResolver';
import { AttestationExpiryNotifier } from '../notifications/AttestationExpiryNotifier';
import type { PackIndex } from '../pack/PackIndex';
import { CatalogDeltaPass } from '../scoring/CatalogDeltaPass';
import type { DefaultScoringService } from '../scoring/DefaultScoringService';
import { RescoreScheduler } from '../scoring/RescoreScheduler';
import { ShardedRescore } from '../scoring/ShardedRescore';
import type { ReadinessInitDeps } from './ReadinessInitDeps';

/** The local task of each replica that works on shards of full runs. */
const SHARD_TASK_ID = 'readiness-rescore-shards';
/** The global task that scores new and changed entities. */
const DELTA_TASK_ID = 'readiness-delta';
/** The global task that warns owners of attestations about to expire. */
const ATTESTATION_EXPIRY_TASK_ID = 'readiness-attestation-expiry';
/** The global task that records campaign progress even on quiet days. */
const CAMPAIGN_PROGRESS_TASK_ID = 'readiness-campaign-progress';

/**
 * Schedules the plugin's background work: full runs (sharded across replicas
 * when configured), the delta pass over new and changed entities, the
 * attestation expiry reminders and the campaigns' daily progress. Returns the full-run scheduler, which the
 * runs API asks about the next run and triggers.
 *
 * @internal
 */
export async function startBackgroundTasks(options: {
  deps: Pick<
    ReadinessInitDeps,
    'scheduler' | 'lifecycle' | 'logger' | 'catalog' | 'auth' | 'notifications'
  >;
  settings: ReadinessBackendConfig;
  store: ReadinessStore;
  pack: PackIndex;
  scoring: DefaultScoringService;
  attestations: AttestationsStore;
  campaignRecorder: CampaignProgressRecorder;
}): Promise<RescoreScheduler> {
  const { deps, settings, store, scoring } = options;
  const { scheduler, logger, catalog, auth } = deps;
  const { kinds, pageSize, concurrency } = settings.scoring;

  const sharded = settings.scoring.shards.enabled
    ? ShardedRescore.create({
        scoring,
        store,
        catalog,
        auth,
        logger,
        kinds,
        pageSize,
        shardSize: settings.scoring.shards.size,
        concurrency,
      })
    : undefined;
  const rescores = RescoreScheduler.create({
    scheduler,
    store,
    scoring: sharded ?? scoring,
    logger,
    schedule: settings.schedule,
    settleDelayMs: settings.scoring.settleDelayMs,
    maxSettleRuns: settings.scoring.maxSettleRuns,
  });
  await rescores.start();
  deps.lifecycle.addShutdownHook(() => rescores.stop());

  if (sharded) {
    // Every replica works on the shards of a running full run.
    await scheduler.scheduleTask({
      id: SHARD_TASK_ID,
      scope: 'local',
      frequency: { seconds: 2 },
      timeout: settings.schedule.timeout,
      initialDelay: { seconds: 2 },
      fn: signal => sharded.workShards(signal).then(() => undefined),
    });
  }

  if (settings.scoring.delta.enabled) {
    const delta = CatalogDeltaPass.create({
      store,
      catalog,
      auth,
      logger,
      scorer: scoring.scorer,
      kinds,
      concurrency,
      maxPerPass: settings.scoring.delta.maxPerPass,
    });
    // One replica at a time: a pass finds the changes of all of them.
    await scheduler.scheduleTask({
      id: DELTA_TASK_ID,
      scope: 'global',
      frequency: { milliseconds: settings.scoring.delta.intervalMs },
      timeout: { minutes: 5 },
      initialDelay: { milliseconds: settings.scoring.delta.intervalMs },
      fn: signal => delta.run(signal).then(() => undefined),
    });
  }

  if (settings.notifications.enabled) {
    const expiry = AttestationExpiryNotifier.create({
      notifications: deps.notifications,
      store: options.attestations,
      pack: options.pack,
      logger,
      resolveOwner: createOwnerResolver({ catalog, auth }),
    });
    await scheduler.scheduleTask({
      id: ATTESTATION_EXPIRY_TASK_ID,
      frequency: { hours: 6 },
      timeout: { minutes: 5 },
      initialDelay: { minutes: 1 },
      scope: 'global',
      fn: async () => {
        await expiry.notifyExpiring(new Date());
      },
    });
  }
  // Scoring writes ask for passes too; this one keeps a point per day.
  const recorder = options.campaignRecorder;
  deps.lifecycle.addShutdownHook(() => recorder.stop());
  await scheduler.scheduleTask({
    id: CAMPAIGN_PROGRESS_TASK_ID,
    frequency: { hours: 1 },
    timeout: { minutes: 10 },
    initialDelay: { minutes: 1 },
    scope: 'global',
    fn: () => recorder.record(),
  });
  return rescores;
}
