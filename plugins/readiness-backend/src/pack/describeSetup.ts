import type {
  CheckInfo,
  SetupNotice,
} from '@prodready/plugin-readiness-common';
import type { UnreadLocalPaths } from '../facts/UnreadLocalPaths';

/** How to fill the namespaces that come from optional providers. */
const HOW_TO: Record<string, string> = {
  metrics:
    'Install the Prometheus module (`@prodready/plugin-readiness-backend-module-prometheus`) in the backend and set `readiness.prometheus.baseUrl`: latency, traffic, errors and saturation are then verified live.',
  links:
    'Set `readiness.links.verify.enabled: true` to fetch runbook, dashboard and logs links and tell the ones that answer from dead ones.',
  dependencies:
    'Set `readiness.dependencies.enabled: true` to judge what each service depends on.',
};

function howTo(namespace: string): string {
  return (
    HOW_TO[namespace] ??
    `Install a backend module that provides \`${namespace}\` facts (through the readiness fact provider extension point).`
  );
}

/**
 * What the installation cannot see: each namespace that checks read
 * (`requires` or `optional`) and no fact provider fills, with those checks
 * and how to configure it; and the entities whose local source location
 * the backend may not read (`unreadLocalPaths`, as of their last scoring),
 * with the config key to set. Cheap: computed on every `GET /checks`.
 *
 * @internal
 */
export function describeSetup(
  checks: ReadonlyArray<CheckInfo>,
  collected: ReadonlyArray<string>,
  unreadLocalPaths?: UnreadLocalPaths,
): SetupNotice {
  const filled = new Set(collected);
  const byNamespace = new Map<string, string[]>();
  for (const check of checks) {
    for (const namespace of new Set([
      ...check.requires,
      ...(check.optional ?? []),
    ])) {
      if (filled.has(namespace)) continue;
      const ids = byNamespace.get(namespace) ?? [];
      ids.push(check.id);
      byNamespace.set(namespace, ids);
    }
  }
  const localPaths = filled.has('repository')
    ? unreadLocalPaths?.describe(
        checks
          .filter(check =>
            [...check.requires, ...(check.optional ?? [])].includes(
              'repository',
            ),
          )
          .map(check => check.id),
      )
    : undefined;
  return {
    missing: [...byNamespace.entries()].map(([namespace, checkIds]) => ({
      namespace,
      checkIds,
      howTo: howTo(namespace),
    })),
    ...(localPaths ? { localPaths } : {}),
  };
}
