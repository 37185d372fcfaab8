import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import { readReadinessCollatorConfig } from './config';
import { ReadinessCollatorFactory } from './collator/ReadinessCollatorFactory';

/**
 * Search backend module that indexes the readiness of every scored entity
 * (document type `readiness`), on the schedule of
 * `search.collators.readiness.schedule`.
 *
 * @public
 */
export const searchModuleReadinessCollator = createBackendModule({
  pluginId: 'search',
  moduleId: 'readiness-collator',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        scheduler: coreServices.scheduler,
        indexRegistry: searchIndexRegistryExtensionPoint,
      },
      async init({
        config,
        logger,
        discovery,
        auth,
        scheduler,
        indexRegistry,
      }) {
        const { schedule } = readReadinessCollatorConfig(config);
        indexRegistry.addCollator({
          schedule: scheduler.createScheduledTaskRunner(schedule),
          factory: ReadinessCollatorFactory.fromConfig(config, {
            discovery,
            auth,
            logger,
          }),
        });
      },
    });
  },
});
