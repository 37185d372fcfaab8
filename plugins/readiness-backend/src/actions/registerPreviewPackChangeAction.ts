import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { InputError } from '@backstage/errors';
import type { z as zod } from 'zod/v3';
import type { PreviewService } from '../service/authorized/PreviewService';

/** The schema of a `PackChangePreview`. */
function previewSchema(z: typeof zod) {
  const direction = z.enum(['up', 'down']);
  return z.object({
    entities: z.number(),
    changed: z.number(),
    up: z.number(),
    down: z.number(),
    transitions: z.array(
      z.object({
        from: z.string().optional(),
        to: z.string().optional(),
        direction,
        entities: z.number(),
      }),
    ),
    teams: z.array(
      z.object({
        owner: z.string().optional(),
        up: z.number(),
        down: z.number(),
        undetermined: z.number(),
      }),
    ),
    changes: z.array(
      z.object({
        entityRef: z.string(),
        owner: z.string().optional(),
        from: z.string().optional(),
        to: z.string().optional(),
        direction,
      }),
    ),
    undetermined: z.array(
      z.object({
        entityRef: z.string(),
        owner: z.string().optional(),
        from: z.string().optional(),
        reason: z.string(),
      }),
    ),
    unevaluatedChecks: z.array(
      z.object({ checkId: z.string(), reason: z.string() }),
    ),
    notifications: z.object({
      enabled: z.boolean(),
      owners: z.array(z.string()),
    }),
  });
}

/**
 * Registers `preview-pack-change`: what promoting advisory checks, or a
 * proposed `readiness.checks`/`readiness.levels`, would do to levels — the
 * answer of `GET`/`POST /preview`, over the entities the caller may read.
 * Read-only.
 *
 * @internal
 */
export function registerPreviewPackChangeAction(
  actionsRegistry: ActionsRegistryService,
  preview: PreviewService,
): void {
  actionsRegistry.register({
    name: 'preview-pack-change',
    title: 'Preview a change of the readiness check pack',
    description:
      'Tells how many catalog entities would change readiness level (up or down, per level pair and per owning team), which ones, and which teams would be notified, if advisory checks were promoted (promote: check ids) or if the check pack became the given readiness.checks / readiness.levels configuration (checks, levels). Give promote, or checks and/or levels. Changes nothing.',
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          promote: z
            .array(z.string())
            .optional()
            .describe(
              'Ids of advisory checks to promote, e.g. runbook.runbook',
            ),
          checks: z
            .array(z.record(z.unknown()))
            .optional()
            .describe(
              'The proposed readiness.checks entries, as in app-config (id, level, advisory, enabled, rule…)',
            ),
          levels: z
            .array(z.record(z.unknown()))
            .optional()
            .describe(
              'The proposed readiness.levels ({ id, title }), lowest first',
            ),
        }),
      output: previewSchema,
    },
    action: async ({ input, credentials }) => {
      const pack = input.checks !== undefined || input.levels !== undefined;
      if (input.promote !== undefined && pack) {
        throw new InputError(
          'Invalid input: give promote, or checks and/or levels, not both',
        );
      }
      if (input.promote !== undefined) {
        if (input.promote.length === 0) {
          throw new InputError(
            'Invalid promote: expected at least one check id',
          );
        }
        return {
          output: await preview.promote(input.promote, { credentials }),
        };
      }
      if (!pack) {
        throw new InputError(
          'Invalid input: give promote, or checks and/or levels',
        );
      }
      return {
        output: await preview.proposed(
          { checks: input.checks, levels: input.levels },
          { credentials },
        ),
      };
    },
  });
}
