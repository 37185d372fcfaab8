import { defaultChecks } from '@prodready/plugin-readiness-common';
import type { JsonObject } from '@backstage/types';

/** The checks the preview tests keep; every other default check is disabled. */
const KEPT = [
  'ownership.owner-resolves',
  'logging.logs',
  'monitoring.dashboard',
];

/**
 * `readiness.checks` of a small pack over the test catalog: the owner
 * resolves (bronze), logs linked (bronze, advisory unless promoted) and a
 * dashboard linked (silver, which no test entity has). Every test component
 * is at bronze with it; promoting `logging.logs` drops those without a logs
 * link. Only catalog facts decide these checks, so the backend and the
 * offline CLI score them alike.
 *
 * @internal
 */
export function previewChecks(options: {
  logsAdvisory: boolean;
}): JsonObject[] {
  return [
    ...defaultChecks
      .filter(check => !KEPT.includes(check.id))
      .map(check => ({ id: check.id, enabled: false })),
    // Promoting is removing `advisory`.
    ...(options.logsAdvisory ? [{ id: 'logging.logs', advisory: true }] : []),
  ];
}

/**
 * The `readiness` config of the preview tests' backend: the pack with
 * `logging.logs` advisory, no dependency check (the CLI has none),
 * notifications on.
 *
 * @internal
 */
export const previewBackendConfig: JsonObject = {
  checks: previewChecks({ logsAdvisory: true }),
  dependencies: { enabled: false },
  notifications: { enabled: true },
};
