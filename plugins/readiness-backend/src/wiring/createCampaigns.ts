import type { ReadinessBackendConfig } from '../config';
import { CampaignEvaluator } from '../campaigns/CampaignEvaluator';
import { CampaignProgressRecorder } from '../campaigns/CampaignProgressRecorder';
import type {
  CampaignsStore,
  StoredCampaign,
} from '../campaigns/CampaignsStore';
import { readCampaignsConfig } from '../campaigns/readCampaignsConfig';
import type { ReadinessStore } from '../database/ReadinessStore';
import { CampaignNotifier } from '../notifications/CampaignNotifier';
import type { PackIndex } from '../pack/PackIndex';
import { RollupScopeResolver } from '../rollups/RollupScopeResolver';
import type { ReadinessInitDeps } from './ReadinessInitDeps';

/**
 * What the campaigns are made of, before the authorized services: the
 * campaigns declared in config, the evaluator of scopes and goals, and the
 * recorder of daily progress (which also sends the notifications).
 *
 * @internal
 */
export interface CampaignsWiring {
  store: CampaignsStore;
  configCampaigns: StoredCampaign[];
  evaluator: CampaignEvaluator;
  recorder: CampaignProgressRecorder;
}

/**
 * Reads `readiness.campaigns` (failing startup on an invalid one, naming the
 * key and value) and builds the campaign evaluator and progress recorder.
 *
 * @internal
 */
export function createCampaigns(options: {
  deps: Pick<
    ReadinessInitDeps,
    'config' | 'logger' | 'auth' | 'catalog' | 'notifications'
  >;
  settings: ReadinessBackendConfig;
  store: ReadinessStore;
  campaignsStore: CampaignsStore;
  pack: PackIndex;
}): CampaignsWiring {
  const { deps, settings, store, pack, campaignsStore } = options;
  const configCampaigns = readCampaignsConfig(deps.config, pack);
  const evaluator = CampaignEvaluator.create({
    store,
    pack,
    catalog: deps.catalog,
    scopes: RollupScopeResolver.create({ catalog: deps.catalog }),
  });
  const recorder = CampaignProgressRecorder.create({
    store: campaignsStore,
    configCampaigns,
    evaluator,
    auth: deps.auth,
    logger: deps.logger,
    notifier: settings.notifications.enabled
      ? CampaignNotifier.create({
          notifications: deps.notifications,
          store: campaignsStore,
          logger: deps.logger,
        })
      : undefined,
  });
  return { store: campaignsStore, configCampaigns, evaluator, recorder };
}
