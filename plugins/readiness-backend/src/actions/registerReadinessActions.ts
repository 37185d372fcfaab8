import type { AuditorService } from '@backstage/backend-plugin-api';
import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import type { z as zod } from 'zod/v3';
import {
  SEARCH_LIST_FILTERS,
  SEARCH_VALUE_FILTERS,
  type EntityScorecardResponse,
  type EntitySummary,
  type SearchFilter,
  type TeamContact,
} from '@prodready/plugin-readiness-common';
import { parseEntityRefParam } from '../lib/parseEntityRefParam';
import { registerPreviewPackChangeAction } from './registerPreviewPackChangeAction';
import type { PreviewService } from '../service/authorized/PreviewService';
import type { PackIndex } from '../pack/PackIndex';
import type { ExemptionsService } from '../service/authorized/ExemptionsService';
import type { ScorecardService } from '../service/authorized/ScorecardService';
import type { SearchService } from '../service/authorized/SearchService';
import { GAP_STATES } from '@prodready/plugin-readiness-common';
import { registerExplainCheckAction } from './registerExplainCheckAction';
import { registerRequestExemptionAction } from './registerRequestExemptionAction';

/**
 * What the actions need: the same authorized services as the REST API, so
 * they apply the same permissions and visibility.
 *
 * @internal
 */
export interface ReadinessActionsOptions {
  actionsRegistry: ActionsRegistryService;
  scorecards: ScorecardService;
  search: SearchService;
  preview: PreviewService;
  exemptions: ExemptionsService;
  auditor: AuditorService;
  pack: PackIndex;
}

/** What each search filter of `search-readiness-gaps` means to a caller. */
const FILTER_DESCRIPTIONS: Record<SearchFilter, string> = {
  failing: 'Check ids the entities fail, all of them',
  passing: 'Check ids the entities pass, all of them',
  declaredOnly:
    'Check ids the entities pass on declared evidence only (nothing observed), all of them',
  owner: 'Owner entity refs, any of them',
  system: 'System entity refs, any of them',
  domain: 'Domain entity refs, any of them',
  kind: 'Entity kinds, any of them',
  type: 'Values of spec.type, any of them',
  lifecycle: 'Values of spec.lifecycle, any of them',
  tier: 'Tiers, any of them',
  levelAtMost: 'Highest level id allowed',
  levelAtLeast: 'Lowest level id required',
  text: 'Text in the name, title, owner or system',
  belowTarget:
    '"true": only entities below the target level of their tier (tier-1: gold, tier-2: silver by default)',
};

/** An object with one value per key. */
function shapeOf<K extends string, T>(
  keys: readonly K[],
  make: (key: K) => T,
): { [P in K]: T } {
  return Object.fromEntries(keys.map(key => [key, make(key)])) as {
    [P in K]: T;
  };
}

/**
 * The input of `search-readiness-gaps`: the search filters of common's
 * vocabulary (as `GET /search` takes them) and a limit.
 */
function searchInputSchema(z: typeof zod) {
  return z.object({
    ...shapeOf(SEARCH_LIST_FILTERS, filter =>
      z.array(z.string()).optional().describe(FILTER_DESCRIPTIONS[filter]),
    ),
    ...shapeOf(SEARCH_VALUE_FILTERS, filter =>
      z.string().optional().describe(FILTER_DESCRIPTIONS[filter]),
    ),
    limit: z.number().int().min(1).max(100).optional(),
  });
}

/** The schema of {@link summaryOf}'s output. */
function entitySummarySchema(z: typeof zod) {
  return z.object({
    entityRef: z.string(),
    title: z.string().optional(),
    owner: z.string().optional(),
    system: z.string().optional(),
    tier: z.string().optional(),
    level: z.string().optional(),
    target: z
      .string()
      .optional()
      .describe('Target level of the tier (tier-1: gold, tier-2: silver)'),
    levelsToTarget: z.number().optional(),
    score: z.number(),
    gaps: z.number(),
  });
}

function summaryOf(entity: EntitySummary) {
  return {
    entityRef: entity.entityRef,
    title: entity.title,
    owner: entity.owner,
    system: entity.system,
    tier: entity.tier,
    level: entity.level,
    target: entity.target,
    levelsToTarget: entity.levelsToTarget,
    score: entity.score,
    gaps: entity.gaps,
  };
}

function contactsOf(team: TeamContact | undefined) {
  return (team?.contacts ?? []).map(c => ({
    type: c.type,
    label: c.label,
    url: c.url,
  }));
}

function gapsOf(scorecard: EntityScorecardResponse) {
  return scorecard.results
    .filter(r => GAP_STATES.includes(r.state))
    .map(r => ({
      checkId: r.checkId,
      title: r.check.title,
      category: r.check.category,
      level: r.check.level,
      blocksNextLevel: scorecard.blockingCheckIds.includes(r.checkId),
      blocksTarget:
        scorecard.targetGap?.blockingCheckIds.includes(r.checkId) ?? false,
      reason: r.reason,
      remediation: r.check.remediation.markdown,
      learnFrom: (r.learnFrom ?? []).map(e => ({
        entityRef: e.entity.entityRef,
        owner: e.owner.ref,
        contacts: contactsOf(e.owner),
      })),
    }));
}

/**
 * Registers the readiness actions with the backend's actions registry, for
 * automation and AI assistants (the MCP actions backend serves them as
 * tools): one entity's gaps with whom to ask, search by gaps, explaining a
 * check, and requesting an exemption (the last two in their own files). They
 * answer as the caller: what the caller may not read in the catalog, they do
 * not see; writes need the same permission as the UI and are audited.
 *
 * @internal
 */
export function registerReadinessActions(
  options: ReadinessActionsOptions,
): void {
  const { actionsRegistry, scorecards, search } = options;

  actionsRegistry.register({
    name: 'get-entity-readiness',
    title: 'Get the production readiness of a catalog entity',
    description:
      'Returns the readiness level and score of a catalog entity (a service or API), each failing check with why it fails and how to fix it, and for each gap the services of other teams that already solved it with how to contact those teams.',
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .describe(
              'Entity ref such as component:default/payments-api, or just the name of a component',
            ),
        }),
      output: z => {
        const contact = z.object({
          type: z.string(),
          label: z.string(),
          url: z.string().optional(),
        });
        return z.object({
          entity: entitySummarySchema(z),
          nextLevel: z.string().optional(),
          ownerContacts: z.array(contact),
          gaps: z.array(
            z.object({
              checkId: z.string(),
              title: z.string(),
              category: z.string(),
              level: z.string(),
              blocksNextLevel: z.boolean(),
              blocksTarget: z.boolean(),
              reason: z.string(),
              remediation: z.string(),
              learnFrom: z.array(
                z.object({
                  entityRef: z.string(),
                  owner: z.string(),
                  contacts: z.array(contact),
                }),
              ),
            }),
          ),
        });
      },
    },
    action: async ({ input, credentials }) => {
      const entityRef = parseEntityRefParam(
        'entityRef',
        input.entityRef.trim(),
        { defaultKind: 'component', defaultNamespace: 'default' },
      );
      const scorecard = await scorecards.getScorecard(entityRef, {
        credentials,
      });
      return {
        output: {
          entity: summaryOf(scorecard.entity),
          nextLevel: scorecard.nextLevel,
          ownerContacts: contactsOf(scorecard.owner),
          gaps: gapsOf(scorecard),
        },
      };
    },
  });

  actionsRegistry.register({
    name: 'search-readiness-gaps',
    title: 'Find catalog entities by readiness gaps',
    description:
      'Finds scored catalog entities by the checks they fail or pass, their level, owner, system, tier or a text, e.g. every tier-1 service without a rollback. Check ids look like delivery.rollback or monitoring.alerts.',
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: searchInputSchema,
      output: z =>
        z.object({
          totalCount: z.number(),
          items: z.array(entitySummarySchema(z)),
        }),
    },
    action: async ({ input, credentials }) => {
      const result = await search.search(
        { ...input, limit: input.limit ?? 25, sort: 'score', order: 'asc' },
        { credentials },
      );
      return {
        output: {
          totalCount: result.totalCount,
          items: result.items.map(summaryOf),
        },
      };
    },
  });

  registerPreviewPackChangeAction(actionsRegistry, options.preview);

  registerRequestExemptionAction(options);
  registerExplainCheckAction(options);
}
