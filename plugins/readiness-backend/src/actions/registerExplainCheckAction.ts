import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { NotFoundError } from '@backstage/errors';
import {
  explainCheck,
  type CheckDefinition,
} from '@prodready/plugin-readiness-common';
import { parseEntityRefParam } from '../lib/parseEntityRefParam';
import type { PackIndex } from '../pack/PackIndex';
import type { ScorecardService } from '../service/authorized/ScorecardService';

/**
 * Options of {@link registerExplainCheckAction}.
 *
 * @internal
 */
export interface ExplainCheckActionOptions {
  actionsRegistry: ActionsRegistryService;
  pack: PackIndex;
  scorecards: ScorecardService;
}

/**
 * Registers `readiness:explain-check`: what a check asks, why it matters,
 * how it is evaluated, which evidence counts and how to pass it (the words
 * of `readiness explain` in the CLI); with an entity, why that entity got
 * its state, from its scorecard as the caller may read it.
 *
 * @internal
 */
export function registerExplainCheckAction(
  options: ExplainCheckActionOptions,
): void {
  const { actionsRegistry, pack, scorecards } = options;
  const checks = new Map<string, CheckDefinition>(
    pack.pack.checks.map(check => [check.id, check]),
  );
  actionsRegistry.register({
    name: 'explain-check',
    title: 'Explain a readiness check',
    description:
      'Explains one production-readiness check: what it asks, why it matters, how it is evaluated, which evidence counts (observed, declared, hint) and how to pass it. Given an entity, also says why that entity got its state, with the evidence found, whether it blocks the next or the target level, and who else passes it.',
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          checkId: z
            .string()
            .describe('Check id such as delivery.rollback or runbook.runbook'),
          entityRef: z
            .string()
            .optional()
            .describe(
              'Optional entity ref such as component:default/payments-api, or just the name of a component',
            ),
        }),
      output: z =>
        z.object({
          check: z.object({
            id: z.string(),
            title: z.string(),
            category: z.string(),
            level: z.string(),
            weight: z.number(),
            asks: z.string(),
            whyItMatters: z.string(),
            evaluation: z.string(),
            evidenceRules: z.string(),
            remediation: z.object({
              markdown: z.string(),
              links: z.array(z.object({ title: z.string(), url: z.string() })),
            }),
          }),
          entity: z
            .object({
              entityRef: z.string(),
              state: z.string(),
              reason: z.string(),
              evidence: z.array(
                z.object({
                  kind: z.string(),
                  label: z.string(),
                  value: z.string().optional(),
                  url: z.string().optional(),
                  strength: z.string().optional(),
                }),
              ),
              exemption: z
                .object({
                  reason: z.string(),
                  author: z.string(),
                  expiresAt: z.string().optional(),
                })
                .optional(),
              blocksNextLevel: z.boolean(),
              blocksTarget: z.boolean(),
              learnFrom: z.array(
                z.object({ entityRef: z.string(), owner: z.string() }),
              ),
            })
            .optional(),
        }),
    },
    action: async ({ input, credentials }) => {
      const checkId = input.checkId.trim();
      pack.requireChecks('checkId', [checkId]);
      const check = explainCheck(checks.get(checkId)!);
      if (input.entityRef === undefined) {
        return { output: { check } };
      }
      const entityRef = parseEntityRefParam(
        'entityRef',
        input.entityRef.trim(),
        { defaultKind: 'component', defaultNamespace: 'default' },
      );
      const scorecard = await scorecards.getScorecard(entityRef, {
        credentials,
      });
      const result = scorecard.results.find(r => r.checkId === checkId);
      if (!result) {
        throw new NotFoundError(
          `Check ${checkId} has no result for ${entityRef}`,
        );
      }
      return {
        output: {
          check,
          entity: {
            entityRef,
            state: result.state,
            reason: result.reason,
            evidence: result.evidence.map(e => ({
              kind: e.kind,
              label: e.label,
              value: e.value,
              url: e.url,
              strength: e.strength,
            })),
            exemption: result.exemption && {
              reason: result.exemption.reason,
              author: result.exemption.author,
              expiresAt: result.exemption.expiresAt,
            },
            blocksNextLevel: scorecard.blockingCheckIds.includes(checkId),
            blocksTarget:
              scorecard.targetGap?.blockingCheckIds.includes(checkId) ?? false,
            learnFrom: (result.learnFrom ?? []).map(e => ({
              entityRef: e.entity.entityRef,
              owner: e.owner.ref,
            })),
          },
        },
      };
    },
  });
}
