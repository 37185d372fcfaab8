import type { ReadinessBackendConfig } from '../config';
import type { AttestationsStore } from '../attestations/AttestationsStore';
import type { CampaignsWiring } from './createCampaigns';
import type { ReadinessStore } from '../database/ReadinessStore';
import { ExemplarFinder } from '../learnFrom/ExemplarFinder';
import type { PackIndex } from '../pack/PackIndex';
import { ReadinessAuthorizer } from '../permissions/ReadinessAuthorizer';
import type { PushedFactsStore } from '../pushedFacts/PushedFactsStore';
import type { PushedFactKey } from '../pushedFacts/readPushedFactsConfig';
import { EntityRollupModel } from '../rollups/EntityRollupModel';
import { RollupScopeResolver } from '../rollups/RollupScopeResolver';
import type { DefaultScoringService } from '../scoring/DefaultScoringService';
import type { RescoreScheduler } from '../scoring/RescoreScheduler';
import { AuthorizedAttestationsService } from '../service/authorized/AuthorizedAttestationsService';
import { AuthorizedCampaignsService } from '../service/authorized/AuthorizedCampaignsService';
import { AuthorizedExemptionsService } from '../service/authorized/AuthorizedExemptionsService';
import { AuthorizedFactsService } from '../service/authorized/AuthorizedFactsService';
import { AuthorizedInsightsService } from '../service/authorized/AuthorizedInsightsService';
import { AuthorizedRunsService } from '../service/authorized/AuthorizedRunsService';
import { AuthorizedScorecardService } from '../service/authorized/AuthorizedScorecardService';
import { AuthorizedSearchService } from '../service/authorized/AuthorizedSearchService';
import { AttestationsModel } from '../service/models/AttestationsModel';
import { CampaignsModel } from '../service/models/CampaignsModel';
import { ExemptionsModel } from '../service/models/ExemptionsModel';
import type { InsightsModel } from '../service/models/InsightsModel';
import { PushedFactsModel } from '../service/models/PushedFactsModel';
import { RunsModel } from '../service/models/RunsModel';
import { ScorecardModel } from '../service/models/ScorecardModel';
import type { SearchModel } from '../service/models/SearchModel';
import type { RouterDependencies } from '../service/RouterDependencies';
import type { ReadinessInitDeps } from './ReadinessInitDeps';

/** The services every caller (REST route or action) goes through. */
export type AuthorizedServices = Pick<
  RouterDependencies,
  | 'scorecards'
  | 'search'
  | 'insights'
  | 'runs'
  | 'exemptions'
  | 'facts'
  | 'attestations'
  | 'campaigns'
>;

/**
 * Builds the models over the stores and wraps each in its authorized
 * service, which applies permissions and the caller's catalog visibility.
 *
 * @internal
 */
export function createAuthorizedServices(options: {
  deps: Pick<ReadinessInitDeps, 'logger' | 'auth' | 'catalog' | 'permissions'>;
  settings: ReadinessBackendConfig;
  store: ReadinessStore;
  pack: PackIndex;
  insights: InsightsModel;
  search: SearchModel;
  scoring: DefaultScoringService;
  rescores: RescoreScheduler;
  pushedFacts: PushedFactsStore;
  pushedFactKeys: ReadonlyMap<string, PushedFactKey>;
  attestations: AttestationsStore;
  campaigns: CampaignsWiring;
}): AuthorizedServices {
  const { deps, settings, store, pack, insights, scoring } = options;
  const { logger, auth, catalog } = deps;
  const { kinds } = settings.scoring;
  const authorizer = ReadinessAuthorizer.create({
    auth,
    permissions: deps.permissions,
    catalog,
    kinds,
    cacheTtlMs: settings.cacheTtlMs,
  });
  // One learn-from index per process, shared by scorecards and campaigns.
  const exemplars = ExemplarFinder.create({ store, logger });
  const { campaigns } = options;
  return {
    scorecards: new AuthorizedScorecardService(
      new ScorecardModel({
        store,
        pack,
        insights,
        exemplars,
        learnFromLimit: settings.learnFromLimit,
      }),
      authorizer,
      scoring,
    ),
    search: new AuthorizedSearchService(options.search, authorizer),
    insights: new AuthorizedInsightsService(insights, authorizer, {
      scopes: RollupScopeResolver.create({ catalog }),
      model: new EntityRollupModel({
        store,
        pack,
        champions: visible => insights.champions({ limit: 3 }, visible),
      }),
    }),
    runs: new AuthorizedRunsService(
      new RunsModel(
        store,
        options.rescores,
        settings.scoring.delta.enabled
          ? settings.scoring.delta.intervalMs
          : undefined,
      ),
      authorizer,
    ),
    exemptions: new AuthorizedExemptionsService(
      new ExemptionsModel({ store, pack, scoring, logger, kinds }),
      authorizer,
      auth,
    ),
    facts: new AuthorizedFactsService(
      new PushedFactsModel({
        store: options.pushedFacts,
        keys: options.pushedFactKeys,
        scoring,
        logger,
        kinds,
      }),
      authorizer,
      auth,
    ),
    attestations: new AuthorizedAttestationsService(
      new AttestationsModel({
        store: options.attestations,
        pack,
        scoring,
        logger,
      }),
      authorizer,
      auth,
    ),
    campaigns: new AuthorizedCampaignsService(
      new CampaignsModel({
        store: campaigns.store,
        readiness: store,
        pack,
        evaluator: campaigns.evaluator,
        exemplars,
        configCampaigns: campaigns.configCampaigns,
        learnFromLimit: settings.learnFromLimit,
        onCreated: () => campaigns.recorder.requestRecord(),
      }),
      authorizer,
      auth,
    ),
  };
}
