import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { CheckDefinition } from '@prodready/plugin-readiness-common';
import type { ReadinessFactProvider } from './ReadinessFactProvider';

/**
 * Lets backend modules add fact providers to the readiness plugin.
 *
 * @public
 */
export interface ReadinessFactProvidersExtensionPoint {
  /** Adds providers; namespaces must not clash with another provider's. */
  addFactProvider(...providers: ReadinessFactProvider[]): void;
}

/**
 * Extension point `readiness.factProviders`.
 *
 * @example
 * ```ts
 * env.registerInit({
 *   deps: { providers: readinessFactProvidersExtensionPoint },
 *   async init({ providers }) {
 *     providers.addFactProvider(new MyProvider());
 *   },
 * });
 * ```
 *
 * @public
 */
export const readinessFactProvidersExtensionPoint =
  createExtensionPoint<ReadinessFactProvidersExtensionPoint>({
    id: 'readiness.factProviders',
  });

/**
 * Lets backend modules add checks written in code to the readiness plugin.
 *
 * @public
 */
export interface ReadinessChecksExtensionPoint {
  /** Adds checks; ids must be unique across the pack. */
  addChecks(...checks: CheckDefinition[]): void;
}

/**
 * Extension point `readiness.checks`.
 *
 * @public
 */
export const readinessChecksExtensionPoint =
  createExtensionPoint<ReadinessChecksExtensionPoint>({
    id: 'readiness.checks',
  });
