import { T0, T1, T2 } from '../../__testUtils__/storeFixtures';
import { describeEachDatabase } from '../../__testUtils__/describeEachDatabase';

jest.setTimeout(120_000);

describeEachDatabase('runs', createStore => {
  it('creates exactly one running full run out of 20 concurrent creations', async () => {
    const { store } = await createStore();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        store.createRun({
          trigger: i % 2 ? 'manual' : 'schedule',
          claimed: i % 2 === 0,
          now: T0,
        }),
      ),
    );
    const created = outcomes.filter(o => o.status === 'fulfilled');
    expect(created).toHaveLength(1);
    const refused = outcomes.flatMap(o =>
      o.status === 'rejected' ? [(o.reason as Error).name] : [],
    );
    expect(refused).toEqual(new Array(19).fill('ConflictError'));
    const running = (await store.listRuns(50)).filter(
      r => r.status === 'running',
    );
    expect(running).toHaveLength(1);
    // Entity runs do not take the place of the full run.
    await expect(
      store.createRun({ trigger: 'entity', claimed: true, now: T0 }),
    ).resolves.toMatchObject({ status: 'running' });
  });

  it('lets the next full run start once the running one ended', async () => {
    const { store } = await createStore();
    const first = await store.createRun({
      trigger: 'schedule',
      claimed: true,
      now: T0,
    });
    await expect(
      store.createRun({ trigger: 'manual', claimed: false, now: T0 }),
    ).rejects.toMatchObject({ name: 'ConflictError' });
    await store.updateRun(first.id, {
      status: 'succeeded',
      finishedAt: T1,
      heartbeatAt: T1,
    });
    await expect(
      store.createRun({ trigger: 'manual', claimed: false, now: T1 }),
    ).resolves.toMatchObject({ trigger: 'manual', status: 'running' });
  });

  it('marks runs without a recent heartbeat failed with the reason and frees their place', async () => {
    const { store } = await createStore();
    const dead = await store.createRun({
      trigger: 'schedule',
      claimed: true,
      now: T0,
    });
    // Alive: its heartbeat is after the cut-off.
    expect(await store.failStaleRuns(new Date(T0.getTime() - 1), T1)).toBe(0);
    expect(await store.getActiveRun(new Date(T0.getTime() - 1))).toMatchObject({
      id: dead.id,
    });

    expect(await store.failStaleRuns(new Date(T0.getTime() + 60_000), T1)).toBe(
      1,
    );
    expect(await store.getRun(dead.id)).toMatchObject({
      status: 'failed',
      finishedAt: T1.toISOString(),
      errors: [expect.stringMatching(/^Interrupted: no heartbeat since/)],
    });
    expect(await store.getActiveRun(T0)).toBeUndefined();
    const next = await store.createRun({
      trigger: 'manual',
      claimed: false,
      now: T1,
    });
    // A requested run that no process picked up is failed too, in time.
    expect(await store.failStaleRuns(new Date(T1.getTime() + 60_000), T1)).toBe(
      1,
    );
    expect(await store.getRun(next.id)).toMatchObject({
      status: 'failed',
      errors: [expect.stringMatching(/^Never started/)],
    });
  });
});

describeEachDatabase('DatabaseReadinessStore: runs', createStore => {
  describe('runs', () => {
    it('creates, claims, updates and lists runs', async () => {
      const { store } = await createStore();
      const requested = await store.createRun({
        trigger: 'manual',
        claimed: false,
        now: T0,
      });
      expect(await store.getActiveRun(T2)).toMatchObject({
        id: requested.id,
      });
      const claimed = await store.claimRequestedRun(T1);
      expect(claimed).toMatchObject({
        id: requested.id,
        startedAt: T1.toISOString(),
      });
      expect(await store.claimRequestedRun(T1)).toBeUndefined();
      await store.updateRun(requested.id, {
        entitiesTotal: 10,
        entitiesDone: 5,
        errors: ['component:default/x: boom'],
        heartbeatAt: T1,
      });
      expect(await store.getRun(requested.id)).toEqual({
        id: requested.id,
        trigger: 'manual',
        status: 'running',
        startedAt: T1.toISOString(),
        entitiesTotal: 10,
        entitiesDone: 5,
        errors: ['component:default/x: boom'],
      });
      expect(await store.getActiveRun(T0)).toMatchObject({
        id: requested.id,
      });
      expect(await store.getActiveRun(T2)).toBeUndefined();
      expect(await store.failStaleRuns(T2, T2)).toBe(1);
      const failed = await store.getRun(requested.id);
      expect(failed?.status).toBe('failed');
      expect(failed?.errors).toHaveLength(2);
      const other = await store.createRun({
        trigger: 'entity',
        claimed: true,
        now: T2,
      });
      await store.updateRun(other.id, {
        status: 'succeeded',
        finishedAt: T2,
        heartbeatAt: T2,
      });
      expect((await store.listRuns(10)).map(r => r.id)).toEqual([
        other.id,
        requested.id,
      ]);
      expect(await store.listRuns(1)).toHaveLength(1);
      expect(await store.getRun('nope')).toBeUndefined();
    });
  });
});
