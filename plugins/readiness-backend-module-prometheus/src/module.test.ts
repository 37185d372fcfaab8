import { createBackendPlugin } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  readinessFactProvidersExtensionPoint,
  ReadinessFactProvider,
} from '@prodready/plugin-readiness-node';
import { readinessModulePrometheus } from './module';

/** Stands in for the readiness backend: records the providers added. */
function fakeReadinessPlugin(providers: ReadinessFactProvider[]) {
  return createBackendPlugin({
    pluginId: 'readiness',
    register(env) {
      env.registerExtensionPoint(readinessFactProvidersExtensionPoint, {
        addFactProvider: (...added) => providers.push(...added),
      });
      env.registerInit({ deps: {}, async init() {} });
    },
  });
}

describe('readinessModulePrometheus', () => {
  it('registers the Prometheus provider when a baseUrl is configured', async () => {
    const providers: ReadinessFactProvider[] = [];
    const backend = await startTestBackend({
      features: [
        fakeReadinessPlugin(providers),
        readinessModulePrometheus,
        mockServices.rootConfig.factory({
          data: {
            readiness: { prometheus: { baseUrl: 'http://127.0.0.1:9' } },
          },
        }),
      ],
    });
    expect(providers.map(p => [p.id, p.namespaces])).toEqual([
      ['prometheus', ['metrics']],
    ]);
    await backend.stop();
  });

  it('registers nothing and logs once without a baseUrl', async () => {
    const providers: ReadinessFactProvider[] = [];
    const logger = mockServices.logger.mock();
    const backend = await startTestBackend({
      features: [
        fakeReadinessPlugin(providers),
        readinessModulePrometheus,
        mockServices.rootConfig.factory({ data: {} }),
        logger.factory,
      ],
    });
    expect(providers).toEqual([]);
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringContaining('readiness.prometheus.baseUrl is not set'),
    );
    await backend.stop();
  });

  it('fails startup on bad config, naming the key', async () => {
    await expect(
      startTestBackend({
        features: [
          fakeReadinessPlugin([]),
          readinessModulePrometheus,
          mockServices.rootConfig.factory({
            data: { readiness: { prometheus: { baseUrl: 'nope' } } },
          }),
        ],
      }),
    ).rejects.toThrow('readiness.prometheus.baseUrl');
  });
});
