import { readOwnerShareConfig } from '@prodready/plugin-readiness-common';
import type { ReadinessFactProvider } from '@prodready/plugin-readiness-node';
import type { ReadinessBackendConfig } from '../config';
import type { ReadinessStore } from '../database/ReadinessStore';
import type { AttestationsStore } from '../attestations/AttestationsStore';
import { AttestationFactProvider } from '../attestations/AttestationFactProvider';
import { DependencyFactProvider } from '../dependencies/DependencyFactProvider';
import { readDependencyPolicy } from '../dependencies/readDependencyPolicy';
import {
  CatalogFactProvider,
  DefaultFactCollector,
  RepositoryFactProvider,
} from '../facts';
import { LinkVerificationFactProvider, readLinkVerifyConfig } from '../links';
import type { ReadinessMetrics } from '../observability/ReadinessMetrics';
import type { PackIndex } from '../pack/PackIndex';
import { PartsFactProvider } from '../parts/PartsFactProvider';
import { PushedFactProvider } from '../pushedFacts/PushedFactProvider';
import type { PushedFactsStore } from '../pushedFacts/PushedFactsStore';
import type { UnreadLocalPaths } from '../facts/UnreadLocalPaths';
import type { ReadinessInitDeps } from './ReadinessInitDeps';

/**
 * Assembles the fact collector from the built-in providers, the providers of
 * installed modules, and the optional ones that config turns on.
 *
 * @internal
 */
export function createFactCollector(options: {
  deps: Pick<
    ReadinessInitDeps,
    'config' | 'logger' | 'auth' | 'catalog' | 'urlReader'
  >;
  settings: ReadinessBackendConfig;
  store: ReadinessStore;
  pack: PackIndex;
  metrics: ReadinessMetrics;
  pushedFacts: PushedFactsStore;
  pushedFactKeys: ReadonlySet<string>;
  attestations: AttestationsStore;
  moduleProviders: ReadinessFactProvider[];
  /** Where the repository provider records local paths it may not read. */
  unreadLocalPaths?: UnreadLocalPaths;
}): DefaultFactCollector {
  const { deps, settings, store, pack } = options;
  const { config, logger, auth, catalog } = deps;
  const linkVerify = readLinkVerifyConfig(config);
  return DefaultFactCollector.create({
    providers: [
      CatalogFactProvider.create({
        catalog,
        auth,
        logger,
        ownerShare: readOwnerShareConfig(config),
      }),
      RepositoryFactProvider.fromConfig(config, {
        urlReader: deps.urlReader,
        logger,
        unreadLocalPaths: options.unreadLocalPaths,
      }),
      ...(linkVerify.enabled
        ? [LinkVerificationFactProvider.create({ config: linkVerify })]
        : []),
      PushedFactProvider.create({
        store: options.pushedFacts,
        keys: new Set(options.pushedFactKeys),
      }),
      AttestationFactProvider.create({ store: options.attestations }),
      ...options.moduleProviders,
      // Last: they read the levels the other facts produced on earlier runs.
      ...(settings.rollup.enabled
        ? [PartsFactProvider.create({ store, pack })]
        : []),
      ...(settings.dependencies.enabled
        ? [
            DependencyFactProvider.create({
              store,
              pack,
              policy: readDependencyPolicy(settings.dependencies, pack),
            }),
          ]
        : []),
    ],
    logger,
    meter: options.metrics.meter,
  });
}
