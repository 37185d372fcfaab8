import { describeEachDatabase } from '../__testUtils__/describeEachDatabase';
import type { StoredCampaign } from './CampaignsStore';
import { DatabaseCampaignsStore } from './DatabaseCampaignsStore';

jest.setTimeout(60_000);

function campaign(id: string, createdAt: string): StoredCampaign {
  return {
    id,
    title: `Runbooks ${id}`,
    description: 'Every **tier-1** service has a runbook.',
    owner: 'group:default/sre',
    goal: { type: 'checks', checkIds: ['runbook.runbook'] },
    scope: { tiers: ['tier-1'], owners: ['group:default/payments'] },
    startsAt: '2026-12-05',
    deadline: '2027-01-15',
    source: 'api',
    createdAt,
    createdBy: 'user:default/jane',
    updatedAt: createdAt,
  };
}

describeEachDatabase('DatabaseCampaignsStore', createStore => {
  it('stores campaigns with their history, newest first; edits append to the history', async () => {
    const { knex } = await createStore();
    const store = DatabaseCampaignsStore.fromKnex(knex);
    const older = campaign('a', '2026-12-01T10:00:00.000Z');
    const newer = campaign('b', '2026-12-02T10:00:00.000Z');
    await store.createCampaign(older, {
      at: older.createdAt,
      actor: 'user:default/jane',
      action: 'created',
    });
    await store.createCampaign(newer, {
      at: newer.createdAt,
      action: 'created',
    });
    expect((await store.listCampaigns()).map(c => c.id)).toEqual(['b', 'a']);
    expect(await store.getCampaign('a')).toEqual(older);
    expect(await store.getCampaign('missing')).toBeUndefined();

    const { description: _d, ...withoutDescription } = older;
    const edited: StoredCampaign = {
      ...withoutDescription,
      goal: { type: 'level', level: 'silver' },
      closedAt: '2026-12-03T00:00:00.000Z',
      updatedAt: '2026-12-03T00:00:00.000Z',
    };
    await store.updateCampaign(edited, {
      at: edited.updatedAt,
      actor: 'user:default/joe',
      action: 'updated',
      changes: { goal: edited.goal },
    });
    expect(await store.getCampaign('a')).toEqual(edited);
    expect(await store.listCampaignHistory('a')).toEqual([
      {
        at: older.createdAt,
        actor: 'user:default/jane',
        action: 'created',
      },
      {
        at: edited.updatedAt,
        actor: 'user:default/joe',
        action: 'updated',
        changes: { goal: { type: 'level', level: 'silver' } },
      },
    ]);
    expect(await store.listCampaignHistory('b')).toEqual([
      { at: newer.createdAt, action: 'created' },
    ]);
  });

  it('keeps one progress point per campaign and day, the last one written', async () => {
    const { knex } = await createStore();
    const store = DatabaseCampaignsStore.fromKnex(knex);
    await store.saveCampaignProgress('a', '2026-12-06', {
      entities: 5,
      done: 1,
    });
    await store.saveCampaignProgress('a', '2026-12-05', {
      entities: 5,
      done: 0,
    });
    await store.saveCampaignProgress('a', '2026-12-06', {
      entities: 5,
      done: 3,
    });
    await store.saveCampaignProgress('b', '2026-12-06', {
      entities: 1,
      done: 1,
    });
    expect(await store.listCampaignProgress('a')).toEqual([
      { date: '2026-12-05', entities: 5, done: 0 },
      { date: '2026-12-06', entities: 5, done: 3 },
    ]);
  });

  it('claims each notification once, across store instances (replicas)', async () => {
    const { knex } = await createStore();
    const one = DatabaseCampaignsStore.fromKnex(knex);
    const two = DatabaseCampaignsStore.fromKnex(knex);
    const at = new Date('2026-12-05T12:00:00.000Z');
    expect(await one.hasCampaignNotifications('a', 'met')).toBe(false);
    const [first, second] = await Promise.all([
      one.claimCampaignNotifications('a', 'met', ['x', 'y'], at),
      two.claimCampaignNotifications('a', 'met', ['y', 'z', 'z'], at),
    ]);
    // Every subject claimed by exactly one of them.
    expect([...first, ...second].sort()).toEqual(['x', 'y', 'z']);
    expect(await one.claimCampaignNotifications('a', 'met', ['x'], at)).toEqual(
      [],
    );
    // Kinds and campaigns are claimed apart.
    expect(
      await one.claimCampaignNotifications('a', 'created', ['x'], at),
    ).toEqual(['x']);
    expect(await one.claimCampaignNotifications('b', 'met', ['x'], at)).toEqual(
      ['x'],
    );
    expect(await two.hasCampaignNotifications('a', 'met')).toBe(true);
  });
});
