import type { AuditorService } from '@backstage/backend-plugin-api';
import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { InputError } from '@backstage/errors';
import {
  describeInputValue,
  hasControlCharacters,
} from '../lib/describeInputValue';
import { parseEntityRefParam } from '../lib/parseEntityRefParam';
import { audited } from '../service/audited';
import type { ExemptionsService } from '../service/authorized/ExemptionsService';

/** Longest reason, as `POST /exemptions` allows. */
const MAX_REASON = 2000;

/**
 * Options of {@link registerRequestExemptionAction}.
 *
 * @internal
 */
export interface RequestExemptionActionOptions {
  actionsRegistry: ActionsRegistryService;
  exemptions: ExemptionsService;
  auditor: AuditorService;
}

/**
 * Registers `readiness:request-exemption`: exempts an entity from a check
 * with a reason and an optional expiry, as the caller, exactly as
 * `POST /exemptions` does. The exemptions service applies
 * `readiness.exemption.manage` and the caller's catalog visibility and
 * validates check, reason and expiry; every attempt is audited, refused ones
 * too.
 *
 * @internal
 */
export function registerRequestExemptionAction(
  options: RequestExemptionActionOptions,
): void {
  const { actionsRegistry, exemptions, auditor } = options;
  actionsRegistry.register({
    name: 'request-exemption',
    title: 'Exempt a catalog entity from a readiness check',
    description:
      'Exempts an entity from one readiness check with a reason and an optional expiry (ISO-8601 date-time in the future), e.g. when the check does not fit the service or a fix is scheduled. The entity is rescored at once. Needs the readiness.exemption.manage permission; a second exemption of the same entity from the same check updates the first.',
    attributes: { readOnly: false, destructive: false, idempotent: true },
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .describe(
              'Entity ref such as component:default/payments-api, or just the name of a component',
            ),
          checkId: z
            .string()
            .describe('Check id such as delivery.rollback or runbook.runbook'),
          reason: z
            .string()
            .max(MAX_REASON)
            .describe('Why the entity is exempt, shown on its scorecard'),
          expiresAt: z
            .string()
            .optional()
            .describe(
              'When the exemption ends, ISO-8601 date-time in the future; absent: until removed',
            ),
        }),
      output: z =>
        z.object({
          id: z.string(),
          entityRef: z.string(),
          checkId: z.string(),
          reason: z.string(),
          author: z.string(),
          createdAt: z.string(),
          expiresAt: z.string().optional(),
          updated: z
            .boolean()
            .describe('true when an active exemption was updated'),
        }),
    },
    action: async ({ input, credentials }) => {
      const entityRef = parseEntityRefParam(
        'entityRef',
        input.entityRef.trim(),
        { defaultKind: 'component', defaultNamespace: 'default' },
      );
      // The REST API refuses these at its input boundary already.
      for (const [field, value] of [
        ['checkId', input.checkId],
        ['reason', input.reason],
        ['expiresAt', input.expiresAt ?? ''],
      ] as const) {
        if (
          hasControlCharacters(value, { allowLineBreaks: field === 'reason' })
        ) {
          throw new InputError(
            `Invalid ${field} '${describeInputValue(
              value,
            )}': control characters are not allowed`,
          );
        }
      }
      const existing = await exemptions.findActive(entityRef, input.checkId, {
        credentials,
      });
      const exemption = await audited(
        auditor,
        {
          eventId: existing ? 'exemption-update' : 'exemption-create',
          severityLevel: 'medium',
          meta: {
            via: 'action',
            entityRef,
            checkId: input.checkId,
            ...(existing ? { exemptionId: existing.id } : {}),
          },
        },
        () =>
          exemptions.create(
            {
              entityRef,
              checkId: input.checkId,
              reason: input.reason,
              expiresAt: input.expiresAt,
            },
            { credentials },
          ),
      );
      return { output: { ...exemption, updated: existing !== undefined } };
    },
  });
}
