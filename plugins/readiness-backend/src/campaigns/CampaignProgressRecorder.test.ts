import { mockServices } from '@backstage/backend-test-utils';
import type { EntitySummary } from '@prodready/plugin-readiness-common';
import type { CampaignEvaluator } from './CampaignEvaluator';
import type { CampaignsStore, StoredCampaign } from './CampaignsStore';
import { CampaignProgressRecorder } from './CampaignProgressRecorder';
import type { CampaignNotifier } from '../notifications/CampaignNotifier';

function stored(
  id: string,
  extra: Partial<StoredCampaign> = {},
): StoredCampaign {
  return {
    id,
    title: id,
    owner: 'group:default/sre',
    goal: { type: 'level', level: 'silver' },
    scope: {},
    startsAt: '2026-12-01',
    deadline: '2027-01-15',
    source: 'api',
    createdAt: '2026-12-01T00:00:00.000Z',
    updatedAt: '2026-12-01T00:00:00.000Z',
    ...extra,
  };
}

describe('CampaignProgressRecorder', () => {
  it("saves today's progress of active campaigns, notifies for open ones, and skips closed ones", async () => {
    const saveCampaignProgress = jest.fn();
    const store = {
      listCampaigns: async () => [
        stored('active'),
        stored('upcoming', { startsAt: '2026-12-20' }),
        stored('closed', { closedAt: '2026-12-02T00:00:00.000Z' }),
      ],
      saveCampaignProgress,
    } as Partial<CampaignsStore> as CampaignsStore;
    const entity = (name: string) => ({ entityRef: name } as EntitySummary);
    const evaluate = jest.fn(async () => [
      { entity: entity('a'), done: true, missingCheckIds: [] },
      { entity: entity('b'), done: false, missingCheckIds: ['x'] },
    ]);
    const notify = jest.fn();
    const recorder = CampaignProgressRecorder.create({
      store,
      configCampaigns: [stored('from-config', { source: 'config' })],
      evaluator: {
        evaluate,
      } as Partial<CampaignEvaluator> as CampaignEvaluator,
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
      notifier: { notify } as Partial<CampaignNotifier> as CampaignNotifier,
      now: () => new Date('2026-12-05T12:00:00.000Z'),
    });

    await recorder.record();

    expect(saveCampaignProgress.mock.calls).toEqual([
      ['from-config', '2026-12-05', { entities: 2, done: 1 }],
      ['active', '2026-12-05', { entities: 2, done: 1 }],
    ]);
    expect(notify.mock.calls.map(([c]) => c.id)).toEqual([
      'from-config',
      'active',
      'upcoming',
    ]);
    // Evaluated as the plugin itself, over every entity.
    expect(evaluate).toHaveBeenCalledWith(
      expect.anything(),
      expect.objectContaining({ visible: undefined }),
    );
  });

  it('goes on with the other campaigns when one fails', async () => {
    const logger = mockServices.logger.mock();
    const saveCampaignProgress = jest.fn();
    const recorder = CampaignProgressRecorder.create({
      store: {
        listCampaigns: async () => [stored('bad'), stored('good')],
        saveCampaignProgress,
      } as Partial<CampaignsStore> as CampaignsStore,
      configCampaigns: [],
      evaluator: {
        evaluate: async (campaign: { goal: unknown; scope: unknown }) => {
          if ((campaign as StoredCampaign).id === 'bad') {
            throw new Error('catalog down');
          }
          return [];
        },
      } as Partial<CampaignEvaluator> as CampaignEvaluator,
      auth: mockServices.auth(),
      logger,
      now: () => new Date('2026-12-05T12:00:00.000Z'),
    });
    await recorder.record();
    expect(saveCampaignProgress).toHaveBeenCalledWith('good', '2026-12-05', {
      entities: 0,
      done: 0,
    });
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('campaign bad: Error: catalog down'),
    );
  });
});
