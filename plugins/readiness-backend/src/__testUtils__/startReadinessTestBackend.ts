import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { JsonObject } from '@backstage/types';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { Server } from 'node:http';
import type { Knex } from 'knex';
import {
  HIDDEN_REF,
  LIMITED_USER,
  RESTRICTED_USER,
  testCatalog,
} from './catalogFixtures';
import { VisibilityCatalog } from './VisibilityCatalog';
import { readinessPlugin } from '../plugin';

function userOf(credentials: BackstageCredentials): string | undefined {
  return (credentials.principal as { userEntityRef?: string }).userEntityRef;
}

function isRestricted(credentials: BackstageCredentials): boolean {
  return userOf(credentials) === RESTRICTED_USER;
}

function seesEverything(credentials: BackstageCredentials): boolean {
  const user = userOf(credentials);
  return user !== RESTRICTED_USER && user !== LIMITED_USER;
}

/**
 * A permission policy: the restricted and the limited user may read only
 * some catalog entities (a conditional decision); the restricted user holds
 * none of the readiness permissions; everyone else may do everything.
 */
function permissionsMock() {
  return mockServices.permissions.mock({
    authorize: async (requests, options) =>
      requests.map(() => ({
        result: isRestricted(options.credentials)
          ? AuthorizeResult.DENY
          : AuthorizeResult.ALLOW,
      })),
    authorizeConditional: async (requests, options) =>
      requests.map(() =>
        !seesEverything(options.credentials)
          ? {
              result: AuthorizeResult.CONDITIONAL,
              pluginId: 'catalog',
              resourceType: 'catalog-entity',
              conditions: {
                rule: 'IS_ENTITY_OWNER',
                resourceType: 'catalog-entity',
                params: { claims: [RESTRICTED_USER] },
              },
            }
          : { result: AuthorizeResult.ALLOW },
      ),
  });
}

/** An audit event the plugin recorded, with how it ended. */
export interface RecordedAuditEvent {
  eventId: string;
  meta?: JsonObject;
  outcome?: 'success' | 'fail';
}

/** A running test backend with the readiness plugin. */
export interface ReadinessTestBackend {
  server: Server;
  /** Every audit event so far, oldest first. */
  auditEvents: RecordedAuditEvent[];
  /** The catalog test double, which counts the requests it answers. */
  catalog: VisibilityCatalog;
  stop(): Promise<void>;
}

/**
 * Options of {@link startReadinessTestBackend}.
 *
 * @internal
 */
export interface ReadinessTestBackendOptions {
  /**
   * The plugin's database, e.g. one of `createTestDatabases()`; default an
   * in-memory SQLite database.
   */
  knex?: Knex;
  /** More `readiness.*` config, e.g. `pushedFacts` and `checks`. */
  readiness?: JsonObject;
}

/**
 * Starts the readiness plugin on a test backend with the test catalog
 * ({@link testCatalog}), the permission policy above, scoring at start-up,
 * and no credentials for requests without an Authorization header.
 *
 * @internal
 */
export async function startReadinessTestBackend(
  testOptions: ReadinessTestBackendOptions = {},
): Promise<ReadinessTestBackend> {
  const permissions = permissionsMock();
  const auditEvents: RecordedAuditEvent[] = [];
  const auditor = mockServices.auditor.mock({
    createEvent: async options => {
      const event: RecordedAuditEvent = {
        eventId: options.eventId,
        meta: options.meta,
      };
      auditEvents.push(event);
      return {
        success: async () => {
          event.outcome = 'success';
        },
        fail: async () => {
          event.outcome = 'fail';
        },
      };
    },
  });
  const catalog = new VisibilityCatalog(testCatalog, {
    [RESTRICTED_USER]: [HIDDEN_REF],
    [LIMITED_USER]: [HIDDEN_REF],
  });
  const backend = await startTestBackend({
    features: [
      readinessPlugin,
      catalog.factory(),
      permissions.factory,
      auditor.factory,
      // No Authorization header means no credentials (the default mock is a user).
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
      mockServices.scheduler.factory({
        includeInitialDelayedTasksOnStartup: true,
      }),
      ...(testOptions.knex
        ? [mockServices.database.factory({ knex: testOptions.knex })]
        : []),
      mockServices.rootConfig.factory({
        data: {
          readiness: {
            scoring: { maxSettleRuns: 0 },
            ...testOptions.readiness,
          },
        },
      }),
    ],
  });
  return {
    server: backend.server,
    auditEvents,
    catalog,
    stop: () => backend.stop(),
  };
}
