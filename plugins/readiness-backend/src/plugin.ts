import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  actionsRegistryServiceRef,
  metricsServiceRef,
} from '@backstage/backend-plugin-api/alpha';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import {
  readCheckPackFromConfig,
  readinessPermissions,
  type CheckDefinition,
} from '@prodready/plugin-readiness-common';
import {
  readinessChecksExtensionPoint,
  readinessFactProvidersExtensionPoint,
  type ReadinessFactProvider,
} from '@prodready/plugin-readiness-node';
import { readReadinessBackendConfig } from './config';
import { DatabaseReadinessStore } from './database/DatabaseReadinessStore';
import {
  CatalogFactProvider,
  DefaultFactCollector,
  RepositoryFactProvider,
} from './facts';
import { registerReadinessActions } from './actions/registerReadinessActions';
import { LinkVerificationFactProvider, readLinkVerifyConfig } from './links';
import { ExemplarFinder } from './learnFrom/ExemplarFinder';
import { LevelChangeNotifier } from './notifications/LevelChangeNotifier';
import { AttestationExpiryNotifier } from './notifications/AttestationExpiryNotifier';
import { ReadinessMetrics } from './observability/ReadinessMetrics';
import { ReadinessAuthorizer } from './permissions/ReadinessAuthorizer';
import { DefaultScoringService } from './scoring/DefaultScoringService';
import { PackIndex } from './pack/PackIndex';
import { RescoreScheduler } from './scoring/RescoreScheduler';
import { CatalogDeltaPass } from './scoring/CatalogDeltaPass';
import { ShardedRescore } from './scoring/ShardedRescore';
import { checkDatabase } from './database/operations/checkDatabase';
import { apiRootPaths } from './service/apiRootPaths';
import { createRouter } from './service/createRouter';
import { DependencyFactProvider } from './dependencies/DependencyFactProvider';
import { dependencyRiskCheck } from './dependencies/dependencyRiskCheck';
import { readDependencyPolicy } from './dependencies/readDependencyPolicy';
import { EntityRollupModel } from './rollups/EntityRollupModel';
import { RollupScopeResolver } from './rollups/RollupScopeResolver';
import { ReadinessHealth } from './service/ReadinessHealth';
import { ExemptionsModel } from './service/models/ExemptionsModel';
import { PushedFactsModel } from './service/models/PushedFactsModel';
import { AuthorizedFactsService } from './service/authorized/AuthorizedFactsService';
import { DatabasePushedFactsStore } from './pushedFacts/DatabasePushedFactsStore';
import { PushedFactProvider } from './pushedFacts/PushedFactProvider';
import { AttestationFactProvider } from './attestations/AttestationFactProvider';
import { DatabaseAttestationsStore } from './attestations/DatabaseAttestationsStore';
import { AttestationsModel } from './service/models/AttestationsModel';
import { AuthorizedAttestationsService } from './service/authorized/AuthorizedAttestationsService';
import { readPushedFactsConfig } from './pushedFacts/readPushedFactsConfig';
import { InsightsModel } from './service/models/InsightsModel';
import { RunsModel } from './service/models/RunsModel';
import { ScorecardModel } from './service/models/ScorecardModel';
import { SearchModel } from './service/models/SearchModel';
import { AuthorizedExemptionsService } from './service/authorized/AuthorizedExemptionsService';
import { AuthorizedInsightsService } from './service/authorized/AuthorizedInsightsService';
import { AuthorizedRunsService } from './service/authorized/AuthorizedRunsService';
import { AuthorizedScorecardService } from './service/authorized/AuthorizedScorecardService';
import { AuthorizedSearchService } from './service/authorized/AuthorizedSearchService';

/** The local task of each replica that works on shards of full runs. */
const SHARD_TASK_ID = 'readiness-rescore-shards';
/** The global task that scores new and changed entities. */
const DELTA_TASK_ID = 'readiness-delta';

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
        const { config, logger, auth, catalog } = deps;
        const settings = readReadinessBackendConfig(config);
        const dependencySettings = settings.dependencies;
        const pack = new PackIndex(
          readCheckPackFromConfig(config, {
            extraChecks: dependencySettings.enabled
              ? [
                  ...moduleChecks,
                  dependencyRiskCheck({ level: dependencySettings.checkLevel }),
                ]
              : moduleChecks,
          }),
        );
        deps.permissionsRegistry.addPermissions(readinessPermissions);
        const metrics = ReadinessMetrics.create(deps.metricsService);

        const linkVerify = readLinkVerifyConfig(config);
        const store = await DatabaseReadinessStore.create({
          database: deps.database,
        });
        // Its table is created by the migrations the store above ran.
        const pushedFacts = await DatabasePushedFactsStore.create({
          database: deps.database,
        });
        const pushedFactKeys = readPushedFactsConfig(config);
        const attestationsStore = await DatabaseAttestationsStore.create({
          database: deps.database,
        });
        const collector = DefaultFactCollector.create({
          providers: [
            CatalogFactProvider.create({ catalog, auth, logger }),
            RepositoryFactProvider.fromConfig(config, {
              urlReader: deps.urlReader,
              logger,
            }),
            ...(linkVerify.enabled
              ? [LinkVerificationFactProvider.create({ config: linkVerify })]
              : []),
            PushedFactProvider.create({
              store: pushedFacts,
              keys: new Set(pushedFactKeys.keys()),
            }),
            AttestationFactProvider.create({ store: attestationsStore }),
            ...moduleProviders,
            ...(dependencySettings.enabled
              ? [
                  DependencyFactProvider.create({
                    store,
                    pack,
                    policy: readDependencyPolicy(dependencySettings, pack),
                  }),
                ]
              : []),
          ],
          logger,
          meter: metrics.meter,
        });
        const insights = new InsightsModel({
          store,
          pack,
          cacheTtlMs: settings.cacheTtlMs,
        });
        const search = new SearchModel({
          store,
          pack,
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
        const scoring = DefaultScoringService.create({
          store,
          catalog,
          auth,
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
          },
          onLevelChanges: notifier && (changes => notifier.notify(changes)),
        });
        const sharded = settings.scoring.shards.enabled
          ? ShardedRescore.create({
              scoring,
              store,
              catalog,
              auth,
              logger,
              kinds: settings.scoring.kinds,
              pageSize: settings.scoring.pageSize,
              shardSize: settings.scoring.shards.size,
              concurrency: settings.scoring.concurrency,
            })
          : undefined;
        const rescores = RescoreScheduler.create({
          scheduler: deps.scheduler,
          store,
          scoring: sharded ?? scoring,
          logger,
          schedule: settings.schedule,
          settleDelayMs: settings.scoring.settleDelayMs,
          maxSettleRuns: settings.scoring.maxSettleRuns,
        });
        await rescores.start();
        if (settings.notifications.enabled) {
          const expiry = AttestationExpiryNotifier.create({
            notifications: deps.notifications,
            store: attestationsStore,
            pack,
            logger,
            resolveOwner: async entityRef => {
              const entity = await catalog.getEntityByRef(entityRef, {
                credentials: await auth.getOwnServiceCredentials(),
              });
              const owner = entity?.spec?.owner;
              return typeof owner === 'string'
                ? stringifyEntityRef(
                    parseEntityRef(owner, {
                      defaultKind: 'group',
                      defaultNamespace: entity?.metadata.namespace,
                    }),
                  )
                : undefined;
            },
          });
          await deps.scheduler.scheduleTask({
            id: 'readiness-attestation-expiry',
            frequency: { hours: 6 },
            timeout: { minutes: 5 },
            initialDelay: { minutes: 1 },
            scope: 'global',
            fn: async () => {
              await expiry.notifyExpiring(new Date());
            },
          });
        }
        deps.lifecycle.addShutdownHook(() => rescores.stop());
        if (sharded) {
          // Every replica works on the shards of a running full run.
          await deps.scheduler.scheduleTask({
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
            kinds: settings.scoring.kinds,
            concurrency: settings.scoring.concurrency,
            maxPerPass: settings.scoring.delta.maxPerPass,
          });
          // One replica at a time: a pass finds the changes of all of them.
          await deps.scheduler.scheduleTask({
            id: DELTA_TASK_ID,
            scope: 'global',
            frequency: { milliseconds: settings.scoring.delta.intervalMs },
            timeout: { minutes: 5 },
            initialDelay: { milliseconds: settings.scoring.delta.intervalMs },
            fn: signal => delta.run(signal).then(() => undefined),
          });
        }

        const authorizer = ReadinessAuthorizer.create({
          auth,
          permissions: deps.permissions,
          catalog,
          kinds: settings.scoring.kinds,
          cacheTtlMs: settings.cacheTtlMs,
        });
        // Every caller, REST or action, goes through the authorized services.
        const scorecards = new AuthorizedScorecardService(
          new ScorecardModel({
            store,
            pack,
            insights,
            exemplars: ExemplarFinder.create({ store, logger }),
            learnFromLimit: settings.learnFromLimit,
          }),
          authorizer,
          scoring,
        );
        const authorizedSearch = new AuthorizedSearchService(
          search,
          authorizer,
        );
        registerReadinessActions({
          actionsRegistry: deps.actionsRegistry,
          scorecards,
          search: authorizedSearch,
        });
        deps.httpRouter.use(
          await createRouter({
            httpAuth: deps.httpAuth,
            logger,
            health: ReadinessHealth.create({
              checkDatabase: async () =>
                checkDatabase(await deps.database.getClient()),
              listRuns: limit => store.listRuns(limit),
            }),
            auditor: deps.auditor,
            pack,
            scorecards,
            search: authorizedSearch,
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
                rescores,
                settings.scoring.delta.enabled
                  ? settings.scoring.delta.intervalMs
                  : undefined,
              ),
              authorizer,
            ),
            exemptions: new AuthorizedExemptionsService(
              new ExemptionsModel({
                store,
                pack,
                scoring,
                logger,
                kinds: settings.scoring.kinds,
              }),
              authorizer,
              auth,
            ),
            facts: new AuthorizedFactsService(
              new PushedFactsModel({
                store: pushedFacts,
                keys: pushedFactKeys,
                scoring,
                logger,
                kinds: settings.scoring.kinds,
              }),
              authorizer,
              auth,
            ),
            attestations: new AuthorizedAttestationsService(
              new AttestationsModel({
                store: attestationsStore,
                pack,
                scoring,
                logger,
              }),
              authorizer,
              auth,
            ),
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
