/*
 * Campaigns shaped like the readiness backend's answers, and msw handlers
 * serving them, for the tests of the campaign views.
 */
import type {
  CampaignDetail,
  CampaignHistoryEvent,
  CampaignSummary,
  EntityCampaign,
} from '@prodready/plugin-readiness-common';
import { http, HttpResponse } from 'msw';
import { checkoutSummary, paymentsSummary, searchSummary } from './fixtures';
import { readinessBase } from './readinessTestApis';

/** A running campaign created through the API, 1 of 3 entities done. */
export const runbooksCampaign: CampaignSummary = {
  id: 'c-runbooks',
  title: 'Runbooks for every service',
  description: 'Every service gets a **runbook** before the peak season.',
  owner: 'group:default/team-checkout',
  goal: { type: 'checks', checkIds: ['runbook.linked', 'delivery.ci'] },
  scope: { kinds: ['component'], lifecycles: ['production'] },
  startsAt: '2025-04-01',
  deadline: '2999-01-31',
  status: 'active',
  source: 'api',
  createdAt: '2025-04-01T09:00:00.000Z',
  createdBy: 'user:default/noah.jensen',
  updatedAt: '2025-04-02T09:00:00.000Z',
  progress: { entities: 3, done: 1 },
};

/** A campaign declared in app-config.yaml, past its deadline. */
export const goldCampaign: CampaignSummary = {
  id: 'tier-1-gold',
  title: 'Tier 1 at Gold',
  owner: 'group:default/platform',
  goal: { type: 'level', level: 'gold' },
  scope: { tiers: ['tier-1'] },
  startsAt: '2024-01-01',
  deadline: '2025-01-01',
  status: 'active',
  source: 'config',
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
  progress: { entities: 4, done: 0 },
};

/** A closed campaign. */
export const closedCampaign: CampaignSummary = {
  ...runbooksCampaign,
  id: 'c-closed',
  title: 'Alerts everywhere',
  status: 'closed',
  closedAt: '2025-03-01T00:00:00.000Z',
  progress: { entities: 2, done: 2 },
};

export const runbooksDetail: CampaignDetail = {
  campaign: runbooksCampaign,
  teams: [
    { owner: 'group:default/team-checkout', entities: 1, done: 1 },
    { owner: 'group:default/team-search', entities: 2, done: 0 },
  ],
  entities: [
    { entity: checkoutSummary, done: true, missingCheckIds: [] },
    {
      entity: searchSummary,
      done: false,
      missingCheckIds: ['runbook.linked', 'delivery.ci'],
    },
    {
      entity: {
        ...searchSummary,
        entityRef: 'component:default/search-api',
        name: 'search-api',
        title: 'Search API',
      },
      done: false,
      missingCheckIds: ['runbook.linked'],
    },
  ],
  history: [
    { date: '2025-04-01', entities: 3, done: 0 },
    { date: '2025-04-02', entities: 3, done: 1 },
  ],
  checks: [
    {
      checkId: 'runbook.linked',
      title: 'Runbook linked',
      failing: 2,
      exemplars: [
        {
          entity: paymentsSummary,
          owner: {
            ref: 'group:default/team-payments',
            displayName: 'Payments Team',
            contacts: [
              {
                type: 'chat',
                label: '#payments',
                url: 'https://chat.example.com/payments',
              },
            ],
          },
          similarity: ['same domain'],
          evidence: [],
        },
      ],
    },
  ],
};

export const runbooksHistory: CampaignHistoryEvent[] = [
  {
    at: '2025-04-02T09:00:00.000Z',
    actor: 'user:default/noah.jensen',
    action: 'updated',
    changes: { deadline: '2999-01-31' },
  },
  {
    at: '2025-04-01T09:00:00.000Z',
    actor: 'user:default/noah.jensen',
    action: 'created',
  },
];

export const checkoutCampaigns: EntityCampaign[] = [
  {
    id: runbooksCampaign.id,
    title: runbooksCampaign.title,
    owner: runbooksCampaign.owner,
    deadline: runbooksCampaign.deadline,
    status: 'active',
    done: false,
    missingCheckIds: ['runbook.linked'],
  },
  {
    id: goldCampaign.id,
    title: goldCampaign.title,
    owner: goldCampaign.owner,
    deadline: goldCampaign.deadline,
    status: 'active',
    done: true,
    missingCheckIds: [],
  },
];

/** Handlers answering the campaign routes with the fixtures above. */
export const campaignHandlers = [
  http.get(`${readinessBase}/campaigns`, ({ request }) => {
    const status = new URL(request.url).searchParams.get('status');
    const all = [runbooksCampaign, goldCampaign, closedCampaign];
    return HttpResponse.json({
      items: status ? all.filter(c => c.status === status) : all,
    });
  }),
  http.get(`${readinessBase}/campaigns/:id/history`, () =>
    HttpResponse.json({ items: runbooksHistory }),
  ),
  http.get(`${readinessBase}/campaigns/:id`, () =>
    HttpResponse.json(runbooksDetail),
  ),
  http.get(`${readinessBase}/entities/:kind/:namespace/:name/campaigns`, () =>
    HttpResponse.json({ items: checkoutCampaigns }),
  ),
];
