import type { AuditorService } from '@backstage/backend-plugin-api';
import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { audited } from '../service/audited';
import type { CampaignsService } from '../service/authorized/CampaignsService';

/**
 * What the campaign actions need: the authorized campaigns service (the
 * same permission and validation as `POST /campaigns`) and the auditor.
 *
 * @internal
 */
export interface CampaignActionsOptions {
  actionsRegistry: ActionsRegistryService;
  auditor: AuditorService;
  campaigns: CampaignsService;
}

/**
 * Registers `readiness:create-campaign`: creates a campaign as the caller,
 * who needs `readiness.campaign.manage`; audited like the REST route.
 *
 * @internal
 */
export function registerCampaignActions(options: CampaignActionsOptions): void {
  const { actionsRegistry, auditor, campaigns } = options;
  actionsRegistry.register({
    name: 'create-campaign',
    title: 'Create a production-readiness campaign',
    description:
      'Creates a readiness campaign: a goal (a list of check ids every entity in scope must pass, or a level such as silver to reach) over a scope (owner groups with their child groups, systems, kinds, tiers, lifecycles), with a deadline. Owners in scope are notified. Needs the readiness.campaign.manage permission.',
    attributes: { readOnly: false, idempotent: false, destructive: false },
    schema: {
      input: z =>
        z.object({
          title: z
            .string()
            .describe('Short name, e.g. Runbooks for every tier-1 service'),
          description: z.string().optional().describe('Why, in Markdown'),
          owner: z
            .string()
            .describe(
              'Group or user running the campaign, e.g. group:default/sre',
            ),
          goal: z
            .object({
              type: z.enum(['checks', 'level']),
              checkIds: z
                .array(z.string())
                .optional()
                .describe(
                  'With type checks: check ids such as runbook.runbook',
                ),
              level: z
                .string()
                .optional()
                .describe('With type level: a level id such as silver'),
            })
            .describe('What every entity in scope must achieve'),
          scope: z
            .object({
              owners: z.array(z.string()).optional(),
              systems: z.array(z.string()).optional(),
              kinds: z.array(z.string()).optional(),
              tiers: z.array(z.string()).optional(),
              lifecycles: z.array(z.string()).optional(),
            })
            .optional()
            .describe('Which entities; every listed dimension must match'),
          startsAt: z.string().optional().describe('YYYY-MM-DD, default today'),
          deadline: z.string().describe('YYYY-MM-DD'),
        }),
      output: z =>
        z.object({
          id: z.string(),
          title: z.string(),
          status: z.string(),
          startsAt: z.string(),
          deadline: z.string(),
          link: z.string().describe('Path of the campaign page in Backstage'),
        }),
    },
    action: async ({ input, credentials }) => {
      const campaign = await audited(
        auditor,
        {
          eventId: 'campaign-create',
          severityLevel: 'medium',
          meta: { title: input.title, via: 'action' },
        },
        () => campaigns.create(input, { credentials }),
      );
      return {
        output: {
          id: campaign.id,
          title: campaign.title,
          status: campaign.status,
          startsAt: campaign.startsAt,
          deadline: campaign.deadline,
          link: `/readiness/campaigns/${encodeURIComponent(campaign.id)}`,
        },
      };
    },
  });
}
