import { mockServices } from '@backstage/backend-test-utils';
import type {
  Campaign,
  EntitySummary,
} from '@prodready/plugin-readiness-common';
import type { CampaignEntityEvaluation } from '../campaigns/CampaignEvaluator';
import type { CampaignNotificationKind } from '../campaigns/CampaignsStore';
import { CampaignNotifier } from './CampaignNotifier';

/** The claims of the database store, in memory. */
function claimsStore() {
  const claimed = new Set<string>();
  return {
    hasCampaignNotifications: async (
      id: string,
      kind: CampaignNotificationKind,
    ) => [...claimed].some(key => key.startsWith(`${id}|${kind}|`)),
    claimCampaignNotifications: async (
      id: string,
      kind: CampaignNotificationKind,
      subjects: string[],
    ) =>
      subjects.filter(subject => {
        const key = `${id}|${kind}|${subject}`;
        if (claimed.has(key)) return false;
        claimed.add(key);
        return true;
      }),
  };
}

const campaign = {
  id: 'tier1-runbooks',
  title: 'Runbooks for tier 1',
  deadline: '2027-01-15',
} as Campaign;

function evaluation(
  name: string,
  owner: string,
  done: boolean,
): CampaignEntityEvaluation {
  return {
    entity: {
      entityRef: `component:default/${name}`,
      name,
      owner,
    } as EntitySummary,
    done,
    missingCheckIds: done ? [] : ['runbook.runbook'],
  };
}

describe('CampaignNotifier', () => {
  it('tells each owner in scope once of a new campaign, then of each entity that newly meets the goal', async () => {
    const send = jest.fn();
    const notifier = CampaignNotifier.create({
      notifications: { send },
      store: claimsStore(),
      logger: mockServices.logger.mock(),
    });
    const before = [
      evaluation('web-checkout', 'group:default/checkout', false),
      evaluation('cart', 'group:default/checkout', true),
      evaluation('pay', 'group:default/payments', false),
    ];
    await notifier.notify(campaign, before);
    await notifier.notify(campaign, before);
    expect(
      send.mock.calls.map(([n]) => [n.recipients.entityRef, n.payload.title]),
    ).toEqual([
      ['group:default/checkout', 'New readiness campaign: Runbooks for tier 1'],
      ['group:default/payments', 'New readiness campaign: Runbooks for tier 1'],
    ]);
    expect(send.mock.calls[0][0].payload).toMatchObject({
      description:
        '2 entities of yours in scope, 1 done already; deadline 2027-01-15.',
      link: '/readiness/campaigns/tier1-runbooks',
    });

    send.mockClear();
    const after = [
      evaluation('web-checkout', 'group:default/checkout', true),
      ...before.slice(1),
    ];
    await notifier.notify(campaign, after);
    await notifier.notify(campaign, after);
    // Only the entity that changed, once; `cart` was done from the start.
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0][0]).toEqual({
      recipients: { type: 'entity', entityRef: 'group:default/checkout' },
      payload: expect.objectContaining({
        title: 'web-checkout meets campaign Runbooks for tier 1',
        description: '2 of your 2 entities done, deadline 2027-01-15.',
        link: '/readiness/campaigns/tier1-runbooks',
      }),
    });
  });

  it('logs a failed send and goes on', async () => {
    const logger = mockServices.logger.mock();
    const send = jest.fn().mockRejectedValueOnce(new Error('down'));
    const notifier = CampaignNotifier.create({
      notifications: { send },
      store: claimsStore(),
      logger,
    });
    await notifier.notify(campaign, [
      evaluation('a', 'group:default/x', false),
      evaluation('b', 'group:default/y', false),
    ]);
    expect(send).toHaveBeenCalledTimes(2);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('Could not notify group:default/x'),
    );
  });
});
