import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  actionsRegistryServiceRef,
  metricsServiceRef,
} from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import {
  readCheckPackFromConfig,
  readinessPermissions,
  readTargetsByTier,
  type CheckDefinition,
} from '@prodready/plugin-readiness-common';
import {
  readinessChecksExtensionPoint,
  readinessFactProvidersExtensionPoint,
  type ReadinessFactProvider,
} from '@prodready/plugin-readiness-node';
import { registerReadinessActions } from './actions/registerReadinessActions';
import { DatabaseAttestationsStore } from './attestations/DatabaseAttestationsStore';
import { DatabaseCampaignsStore } from './campaigns/DatabaseCampaignsStore';
import { storeCampaignDeadlines } from './digests/storeCampaignDeadlines';
import { registerCampaignActions } from './actions/registerCampaignActions';
import { readReadinessBackendConfig } from './config';
import { DatabaseReadinessStore } from './database/DatabaseReadinessStore';
import { checkDatabase } from './database/operations/checkDatabase';
import { dependencyRiskCheck } from './dependencies/dependencyRiskCheck';
import { rollupChecks } from './parts/rollupChecks';
import { LevelChangeNotifier } from './notifications/LevelChangeNotifier';
import { ReadinessMetrics } from './observability/ReadinessMetrics';
import { PackIndex } from './pack/PackIndex';
import { describeSetup } from './pack/describeSetup';
import { readRepositoryConfig } from './facts/readRepositoryConfig';
import { UnreadLocalPaths } from './facts/UnreadLocalPaths';
import { DatabasePushedFactsStore } from './pushedFacts/DatabasePushedFactsStore';
import { readPushedFactsConfig } from './pushedFacts/readPushedFactsConfig';
import { DefaultScoringService } from './scoring/DefaultScoringService';
import { apiRootPaths } from './service/apiRootPaths';
import { createRouter } from './service/createRouter';
import { ScoresVersionWatch } from './lib/ScoresVersionWatch';
import { InsightsModel } from './service/models/InsightsModel';
import { SearchModel } from './service/models/SearchModel';
import { ReadinessHealth } from './service/ReadinessHealth';
import { createAuthorizedServices } from './wiring/createAuthorizedServices';
import { createCampaigns } from './wiring/createCampaigns';
import { createFactCollector } from './wiring/createFactCollector';
import { startBackgroundTasks } from './wiring/startBackgroundTasks';
import { VerifiedTokenCache } from './service/VerifiedTokenCache';

/**
 * The readiness backend plugin: collects facts, scores every catalog entity on
 * a schedule, keeps change-only history and serves the REST API at
 * `/api/readiness`.
 *
 * @public
 */
export const readinessPlugin = createBackendPlugin({
  pluginId: 'readiness',
  register(env) {
    const moduleProviders: ReadinessFactProvider[] = [];
    const moduleChecks: CheckDefinition[] = [];
    env.registerExtensionPoint(readinessFactProvidersExtensionPoint, {
      addFactProvider(...providers) {
        moduleProviders.push(...providers);
      },
    });
    env.registerExtensionPoint(readinessChecksExtensionPoint, {
      addChecks(...checks) {
        moduleChecks.push(...checks);
      },
    });

    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        lifecycle: coreServices.lifecycle,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        auditor: coreServices.auditor,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        urlReader: coreServices.urlReader,
        catalog: catalogServiceRef,
        metricsService: metricsServiceRef,
        actionsRegistry: actionsRegistryServiceRef,
        notifications: notificationService,
      },
      async init(deps) {
        const { config, logger } = deps;
        const settings = readReadinessBackendConfig(config);
        const extraChecks = settings.dependencies.enabled
          ? [
              ...moduleChecks,
              dependencyRiskCheck({ level: settings.dependencies.checkLevel }),
            ]
          : moduleChecks;
        // One roll-up check per level of the configured levels.
        const { levels } = readCheckPackFromConfig(config, { extraChecks });
        const checkPack = readCheckPackFromConfig(config, {
          extraChecks: settings.rollup.enabled
            ? [...extraChecks, ...rollupChecks(levels)]
            : extraChecks,
        });
        const pack = new PackIndex(
          checkPack,
          readTargetsByTier(
            config,
            checkPack.levels.map(level => level.id),
          ),
        );
        deps.permissionsRegistry.addPermissions(readinessPermissions);
        const metrics = ReadinessMetrics.create(deps.metricsService);

        // The first store runs the migrations; the others share its tables.
        const store = await DatabaseReadinessStore.create({
          database: deps.database,
        });
        const pushedFacts = await DatabasePushedFactsStore.create({
          database: deps.database,
        });
        const attestations = await DatabaseAttestationsStore.create({
          database: deps.database,
        });
        const pushedFactKeys = readPushedFactsConfig(config);
        const campaigns = createCampaigns({
          deps,
          settings,
          store,
          pack,
          campaignsStore: await DatabaseCampaignsStore.create({
            database: deps.database,
          }),
        });

        // One watch of the scores version for every cache derived from the
        // stored scores: any replica's write makes them stale everywhere.
        const scoresVersion = new ScoresVersionWatch({
          read: () => store.getScoresVersion(),
          intervalMs: settings.cacheVersionCheckIntervalMs,
        });
        const insights = new InsightsModel({
          store,
          pack,
          scoresVersion,
          cacheTtlMs: settings.cacheTtlMs,
        });
        const search = new SearchModel({
          store,
          pack,
          scoresVersion,
          cacheTtlMs: settings.cacheTtlMs,
        });
        const notifier = settings.notifications.enabled
          ? LevelChangeNotifier.create({
              notifications: deps.notifications,
              pack,
              logger,
              maxPerBatch: settings.notifications.maxPerBatch,
            })
          : undefined;
        const unreadLocalPaths = new UnreadLocalPaths(
          readRepositoryConfig(deps.config).allowLocalPaths,
        );
        const collector = createFactCollector({
          unreadLocalPaths,
          deps,
          settings,
          store,
          pack,
          metrics,
          pushedFacts,
          pushedFactKeys: new Set(pushedFactKeys.keys()),
          attestations,
          moduleProviders,
        });
        const scoring = DefaultScoringService.create({
          store,
          catalog: deps.catalog,
          auth: deps.auth,
          logger,
          collector,
          pack,
          metrics,
          kinds: settings.scoring.kinds,
          concurrency: settings.scoring.concurrency,
          pageSize: settings.scoring.pageSize,
          historyRetentionDays: settings.historyRetentionDays,
          onWrite: () => {
            insights.invalidate();
            search.invalidate();
            campaigns.recorder.requestRecord();
          },
          onLevelChanges: notifier && (changes => notifier.notify(changes)),
          rescoreDependents: {
            dependencies: settings.dependencies.enabled,
            wholes: settings.rollup.enabled,
          },
        });
        const rescores = await startBackgroundTasks({
          deps,
          settings,
          store,
          pack,
          scoring,
          attestations,
          campaignRecorder: campaigns.recorder,
          campaignDeadlines: storeCampaignDeadlines({
            listCampaigns: () => campaigns.store.listCampaigns(),
            configCampaigns: campaigns.configCampaigns,
          }),
        });

        // Every caller, REST or action, goes through the authorized services.
        const services = createAuthorizedServices({
          deps,
          settings,
          store,
          pack,
          insights,
          search,
          scoring,
          rescores,
          pushedFacts,
          pushedFactKeys,
          attestations,
          extraChecks,
          campaigns,
        });
        registerReadinessActions({
          actionsRegistry: deps.actionsRegistry,
          scorecards: services.scorecards,
          search: services.search,
          preview: services.preview,
          exemptions: services.exemptions,
          auditor: deps.auditor,
          pack,
        });
        registerCampaignActions({
          actionsRegistry: deps.actionsRegistry,
          auditor: deps.auditor,
          campaigns: services.campaigns,
        });
        const packChecks = pack.toResponse().checks;
        deps.httpRouter.use(
          await createRouter({
            ...services,
            // Each bearer token's signature is checked once a minute at most
            // (see VerifiedTokenCache for why that is safe).
            httpAuth: new VerifiedTokenCache(deps.httpAuth),
            logger,
            health: ReadinessHealth.create({
              checkDatabase: async () =>
                checkDatabase(await deps.database.getClient()),
              listRuns: limit => store.listRuns(limit),
            }),
            auditor: deps.auditor,
            pack,
            setup: () =>
              describeSetup(packChecks, collector.namespaces, unreadLocalPaths),
            metrics,
          }),
        );
        // The router authenticates its routes (all but /health) itself, so
        // that a database outage is told apart from a bad token (503, not 401).
        for (const path of apiRootPaths()) {
          deps.httpRouter.addAuthPolicy({ path, allow: 'unauthenticated' });
        }
      },
    });
  },
});
