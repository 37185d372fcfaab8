import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import type { SchedulerService } from '@backstage/backend-plugin-api';
import type { RunInfo } from '@prodready/plugin-readiness-common';
import { DatabaseReadinessStore } from '../database/DatabaseReadinessStore';
import type { ScoringService } from './ScoringService';
import { RESCORE_TASK_ID, RescoreScheduler } from './RescoreScheduler';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const logger = mockServices.rootLogger({ level: 'none' });

function fakeScoring(counts: number[]): ScoringService & { runs: RunInfo[] } {
  const runs: RunInfo[] = [];
  return {
    runs,
    async rescoreAll(run) {
      runs.push(run);
      const done = counts[Math.min(runs.length - 1, counts.length - 1)];
      return {
        ...run,
        status: 'succeeded',
        entitiesDone: done,
        entitiesTotal: done,
      };
    },
    async scoreEntity() {},
  };
}

async function setup(counts: number[], maxSettleRuns = 3) {
  const knex = await databases.init('SQLITE_3');
  const store = await DatabaseReadinessStore.create({
    database: mockServices.database({ knex }),
  });
  const scheduler = {
    scheduleTask: jest.fn(async () => undefined),
    triggerTask: jest.fn(async () => undefined),
  } as unknown as jest.Mocked<SchedulerService>;
  const scoring = fakeScoring(counts);
  const rescores = RescoreScheduler.create({
    scheduler,
    store,
    scoring,
    logger,
    schedule: { frequency: { minutes: 30 }, timeout: { minutes: 15 } },
    settleDelayMs: 60_000,
    maxSettleRuns,
  });
  return { store, scheduler, scoring, rescores };
}

afterEach(() => {
  jest.useRealTimers();
});

describe('RescoreScheduler', () => {
  it('schedules one global task with the configured cadence', async () => {
    const { rescores, scheduler } = await setup([1]);
    await rescores.start();
    expect(scheduler.scheduleTask).toHaveBeenCalledWith(
      expect.objectContaining({
        id: RESCORE_TASK_ID,
        scope: 'global',
        frequency: { minutes: 30 },
        timeout: { minutes: 15 },
      }),
    );
  });

  it('claims a requested run, or starts a scheduled one', async () => {
    const { rescores, scheduler, scoring } = await setup([1]);
    const requested = await rescores.requestRun();
    expect(requested).toMatchObject({ trigger: 'manual', status: 'running' });
    expect(scheduler.triggerTask).toHaveBeenCalledWith(RESCORE_TASK_ID);
    // A second request while the first waits returns the same run.
    expect((await rescores.requestRun()).id).toBe(requested.id);

    const first = await rescores.runTask(new AbortController().signal);
    expect(first.id).toBe(requested.id);
    const second = await rescores.runTask(new AbortController().signal);
    expect(second.trigger).toBe('schedule');
    expect(scoring.runs.map(r => r.trigger)).toEqual(['manual', 'schedule']);
    rescores.stop();
  });

  it('marks runs that stopped making progress as failed', async () => {
    const { rescores, store } = await setup([1]);
    const old = new Date(Date.now() - 60 * 60_000);
    const stale = await store.createRun({
      trigger: 'schedule',
      claimed: true,
      now: old,
    });
    await rescores.runTask(new AbortController().signal);
    expect(await store.getRun(stale.id)).toMatchObject({ status: 'failed' });
    rescores.stop();
  });

  it('rescores again after the first run and while the entity count changes', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick'] });
    const { rescores, scheduler } = await setup([10, 20, 20, 20]);
    const signal = new AbortController().signal;

    await rescores.runTask(signal); // first run of the process: settle rerun
    jest.advanceTimersByTime(60_000);
    expect(scheduler.triggerTask).toHaveBeenCalledTimes(1);

    await rescores.runTask(signal); // 10 → 20 entities: settle rerun
    jest.advanceTimersByTime(60_000);
    expect(scheduler.triggerTask).toHaveBeenCalledTimes(2);

    await rescores.runTask(signal); // 20 → 20: settled, no rerun
    jest.advanceTimersByTime(60_000);
    expect(scheduler.triggerTask).toHaveBeenCalledTimes(2);
    rescores.stop();
  });

  it('stops settle reruns after the configured number in a row', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick'] });
    const { rescores, scheduler } = await setup([1, 2, 3, 4, 5, 6], 2);
    const signal = new AbortController().signal;
    for (let i = 0; i < 5; i++) {
      await rescores.runTask(signal);
      jest.advanceTimersByTime(60_000);
    }
    expect(scheduler.triggerTask).toHaveBeenCalledTimes(2);
    rescores.stop();
  });

  it('cancels a pending settle rerun on stop', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick'] });
    const { rescores, scheduler } = await setup([1]);
    await rescores.runTask(new AbortController().signal);
    rescores.stop();
    jest.advanceTimersByTime(60_000);
    expect(scheduler.triggerTask).not.toHaveBeenCalled();
  });
});
