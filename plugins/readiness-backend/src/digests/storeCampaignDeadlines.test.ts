import type { StoredCampaign } from '../campaigns/CampaignsStore';
import { storeCampaignDeadlines } from './storeCampaignDeadlines';

function campaign(
  id: string,
  deadline: string,
  extra: Partial<StoredCampaign> = {},
): StoredCampaign {
  return {
    id,
    title: `Campaign ${id}`,
    owner: 'group:default/sre',
    goal: { type: 'level', level: 'silver' },
    scope: {},
    startsAt: '2026-11-01',
    deadline,
    source: 'api',
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
    ...extra,
  };
}

describe('storeCampaignDeadlines', () => {
  it("lists the open campaigns due within the window that cover the team's groups", async () => {
    const source = storeCampaignDeadlines({
      listCampaigns: async () => [
        campaign('everyone', '2026-12-15'),
        campaign('mine', '2026-12-10', {
          scope: { owners: ['group:default/a-child'] },
        }),
        campaign('others', '2026-12-10', {
          scope: { owners: ['group:default/b'] },
        }),
        campaign('later', '2027-01-30'),
        campaign('past', '2026-12-01'),
        campaign('closed', '2026-12-12', {
          closedAt: '2026-12-02T00:00:00.000Z',
        }),
      ],
      configCampaigns: [
        campaign('as-code', '2026-12-20', { source: 'config' }),
      ],
    });
    const deadlines = await source.listDeadlines({
      teamRef: 'group:default/a',
      ownerRefs: ['group:default/a', 'group:default/a-child'],
      from: new Date('2026-12-07T08:00:00.000Z'),
      to: new Date('2026-12-21T08:00:00.000Z'),
    });
    expect(deadlines.map(d => d.campaignId)).toEqual([
      'mine',
      'everyone',
      'as-code',
    ]);
    expect(deadlines[0]).toEqual({
      campaignId: 'mine',
      title: 'Campaign mine',
      deadline: '2026-12-10',
    });
  });
});
