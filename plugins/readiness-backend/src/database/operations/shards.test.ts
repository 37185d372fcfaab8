import { mockServices } from '@backstage/backend-test-utils';
import { DatabaseReadinessStore } from '../DatabaseReadinessStore';
import { createTestDatabases } from '../../__testUtils__/createTestDatabases';
import { T0, T1, T2 } from '../../__testUtils__/storeFixtures';

jest.setTimeout(120_000);

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())('run shards on %p', databaseId => {
  async function createStore() {
    const knex = await databases.init(databaseId);
    const store = await DatabaseReadinessStore.create({
      database: mockServices.database({ knex }),
    });
    const run = await store.createRun({
      trigger: 'schedule',
      claimed: true,
      now: T0,
    });
    return { knex, store, run };
  }

  const claimAt = (owner: string, now: Date, leaseMs = 60_000) => ({
    owner,
    now,
    leaseExpiredBefore: new Date(now.getTime() - leaseMs),
    maxAttempts: 2,
  });

  it('gives 12 concurrent claimers of 6 shards one shard each, never one twice', async () => {
    const { store, run } = await createStore();
    await store.createShards(
      run.id,
      Array.from({ length: 6 }, (_, i) => [`component:default/c${i}`]),
    );
    const claims = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        store.claimShard(claimAt(`replica-${i}`, T0)),
      ),
    );
    const won = claims.filter(c => c !== undefined);
    expect(won.map(c => c!.shard).sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(new Set(won.map(c => c!.owner)).size).toBe(6);
    expect(won[0]!.refs).toHaveLength(1);
    // The finalization waits until every shard has ended.
    expect(await store.claimShard(claimAt('late', T0))).toBeUndefined();
    for (const claim of won) {
      expect(
        await store.completeShard(
          claim!,
          { entitiesDone: 1, errors: [], gone: [] },
          T0,
        ),
      ).toBe(true);
    }
    expect(await store.claimShard(claimAt('late', T0))).toMatchObject({
      shard: -1,
      refs: [],
    });
    expect((await store.getRun(run.id))?.entitiesDone).toBe(6);
    expect(await store.summarizeShards(run.id)).toMatchObject({
      shards: 6,
      done: 6,
      failed: 0,
      entitiesDone: 6,
    });
  });

  it('takes over an expired lease, refuses the old owner, and fails a shard claimed too often', async () => {
    const { store, run } = await createStore();
    await store.createShards(run.id, [['component:default/a']]);
    const first = await store.claimShard(claimAt('a', T0));
    expect(first).toMatchObject({ shard: 0, attempts: 1 });
    // Alive (heartbeat at T1): not taken over within the lease.
    expect(await store.heartbeatShard(first!, T1)).toBe(true);
    expect(
      await store.claimShard(claimAt('b', new Date(T1.getTime() + 1000))),
    ).toBeUndefined();
    // Silent for longer than the lease: b takes it over.
    const second = await store.claimShard(claimAt('b', T2, 1000));
    expect(second).toMatchObject({ shard: 0, owner: 'b', attempts: 2 });
    expect(await store.heartbeatShard(first!, T2)).toBe(false);
    expect(
      await store.completeShard(
        first!,
        { entitiesDone: 1, errors: [], gone: [] },
        T2,
      ),
    ).toBe(false);
    // b dies too: claimed twice (maxAttempts 2), the shard fails.
    expect(
      await store.claimShard(
        claimAt('c', new Date(T2.getTime() + 10_000), 1000),
      ),
    ).toMatchObject({ shard: -1 });
    const summary = await store.summarizeShards(run.id);
    expect(summary).toMatchObject({ failed: 1, done: 0 });
    expect(summary.errors).toEqual([
      expect.stringMatching(/^Shard 0 taken over from a/),
      expect.stringMatching(/^Shard 0 abandoned: claimed 2 times/),
    ]);
  });

  it('claims nothing of a run that has ended, and deletes its shards', async () => {
    const { store, run } = await createStore();
    await store.createShards(run.id, [['component:default/a']]);
    await store.updateRun(run.id, {
      status: 'failed',
      finishedAt: T1,
      heartbeatAt: T1,
    });
    expect(await store.claimShard(claimAt('a', T1))).toBeUndefined();
    expect(await store.deleteEndedShards()).toBe(2);
  });

  it('stores and lists the etags entities were scored at', async () => {
    const { store } = await createStore();
    await store.saveEntityEtags(
      new Map([
        ['component:default/a', 'e1'],
        ['component:default/b', 'e2'],
      ]),
    );
    await store.saveEntityEtags(new Map([['component:default/a', 'e3']]));
    expect(await store.listEntityEtags()).toEqual(
      new Map([
        ['component:default/a', 'e3'],
        ['component:default/b', 'e2'],
      ]),
    );
    await store.removeEntities(['component:default/b'], T1);
    expect([...(await store.listEntityEtags()).keys()]).toEqual([
      'component:default/a',
    ]);
  });
});
