import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { readinessFactProvidersExtensionPoint } from '@prodready/plugin-readiness-node';
import { PrometheusFactProvider } from './PrometheusFactProvider';
import { readPrometheusConfig } from './readPrometheusConfig';

/**
 * Adds live golden-signal evidence from Prometheus to the readiness plugin
 * (the `metrics` fact namespace). Without `readiness.prometheus.baseUrl` it
 * registers nothing and says so once in the log; the golden-signal checks
 * then stay `unknown` ("no metrics provider configured").
 *
 * @public
 */
export const readinessModulePrometheus = createBackendModule({
  pluginId: 'readiness',
  moduleId: 'prometheus',
  register(env) {
    env.registerInit({
      deps: {
        providers: readinessFactProvidersExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ providers, config, logger }) {
        const prometheus = readPrometheusConfig(config);
        if (!prometheus) {
          logger.info(
            'readiness.prometheus.baseUrl is not set: no Prometheus fact provider; golden-signal checks stay unknown',
          );
          return;
        }
        providers.addFactProvider(
          PrometheusFactProvider.create({ config: prometheus, logger }),
        );
        logger.info(
          `Readiness reads golden signals from Prometheus at ${prometheus.baseUrl} (service label '${prometheus.serviceLabel}')`,
        );
      },
    });
  },
});
