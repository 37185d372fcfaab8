import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import type { SchedulerService } from '@backstage/backend-plugin-api';
import type { RunInfo } from '@prodready/plugin-readiness-common';
import { DatabaseReadinessStore } from '../database/DatabaseReadinessStore';
import type { ReadinessStore } from '../database/ReadinessStore';
import type { ScoringService } from './ScoringService';
import { RESCORE_TASK_ID, RescoreScheduler } from './RescoreScheduler';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const logger = mockServices.rootLogger({ level: 'none' });

/** Scores nothing; records each run's end, as a scoring service does. */
function fakeScoring(
  counts: number[],
  store: ReadinessStore,
): ScoringService & { runs: RunInfo[] } {
  const runs: RunInfo[] = [];
  return {
    runs,
    async rescoreAll(run) {
      runs.push(run);
      const done = counts[Math.min(runs.length - 1, counts.length - 1)];
      const now = new Date();
      await store.updateRun(run.id, {
        status: 'succeeded',
        finishedAt: now,
        heartbeatAt: now,
      });
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

async function setup(
  counts: number[],
  maxSettleRuns = 3,
  extra: {
    scoring?: ScoringService;
    heartbeatIntervalMs?: number;
    staleAfterMs?: number;
  } = {},
) {
  const knex = await databases.init('SQLITE_3');
  const store = await DatabaseReadinessStore.create({
    database: mockServices.database({ knex }),
  });
  const scheduler = {
    scheduleTask: jest.fn(async () => undefined),
    triggerTask: jest.fn(async () => undefined),
  } as unknown as jest.Mocked<SchedulerService>;
  const scoring = fakeScoring(counts, store);
  const rescores = RescoreScheduler.create({
    scheduler,
    store,
    scoring: extra.scoring ?? scoring,
    heartbeatIntervalMs: extra.heartbeatIntervalMs,
    staleAfterMs: extra.staleAfterMs,
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
    expect(first?.id).toBe(requested.id);
    const second = await rescores.runTask(new AbortController().signal);
    expect(second?.trigger).toBe('schedule');
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

  it('never hands back a run whose process died: it is failed and a new one starts', async () => {
    const { rescores, store, scheduler } = await setup([1]);
    const dead = await store.createRun({
      trigger: 'schedule',
      claimed: true,
      now: new Date(Date.now() - 2 * 60_000),
    });
    const run = await rescores.requestRun();
    expect(run.id).not.toBe(dead.id);
    expect(run).toMatchObject({ trigger: 'manual', status: 'running' });
    expect(scheduler.triggerTask).toHaveBeenCalledWith(RESCORE_TASK_ID);
    expect(await store.getRun(dead.id)).toMatchObject({
      status: 'failed',
      errors: [expect.stringMatching(/no heartbeat since/)],
    });
    rescores.stop();
  });

  it('runs a requested rescore in this process when the scheduler holds a dead lock', async () => {
    const { rescores, store, scheduler, scoring } = await setup([1]);
    scheduler.triggerTask.mockRejectedValue(
      new Error('Task readiness-rescore is currently running'),
    );
    const run = await rescores.requestRun();
    await waitFor(() => scoring.runs.length === 1);
    expect(scoring.runs[0].id).toBe(run.id);
    // Claimed here: the scheduler's task, when it runs, does not run it again.
    expect(await store.claimRequestedRun(new Date())).toBeUndefined();
    rescores.stop();
  });

  it('answers 20 concurrent requests with one run', async () => {
    const { rescores, store } = await setup([1]);
    const runs = await Promise.all(
      Array.from({ length: 20 }, () => rescores.requestRun()),
    );
    expect(new Set(runs.map(r => r.id)).size).toBe(1);
    expect(
      (await store.listRuns(50)).filter(r => r.status === 'running'),
    ).toHaveLength(1);
    rescores.stop();
  });

  it('aborts a run that cannot record its heartbeat, which then ends failed', async () => {
    const hanging: ScoringService = {
      rescoreAll: (run, signal) =>
        new Promise(resolve =>
          signal.addEventListener('abort', () =>
            resolve({
              ...run,
              status: 'failed',
              errors: [`Run failed: ${(signal.reason as Error).message}`],
            }),
          ),
        ),
      async scoreEntity() {},
    };
    const { rescores, store } = await setup([1], 3, {
      scoring: hanging,
      heartbeatIntervalMs: 10,
      staleAfterMs: 100,
    });
    jest
      .spyOn(store, 'updateRun')
      .mockRejectedValue(new Error('Connection terminated unexpectedly'));
    const outcome = await rescores.runTask(new AbortController().signal);
    expect(outcome).toMatchObject({
      status: 'failed',
      errors: [expect.stringMatching(/^Run failed: Lost the database/)],
    });
    rescores.stop();
  });

  it('records a heartbeat while a run goes on', async () => {
    let finish: () => void = () => undefined;
    const slow: ScoringService = {
      rescoreAll: run =>
        new Promise(resolve => {
          finish = () => resolve({ ...run, status: 'succeeded' });
        }),
      async scoreEntity() {},
    };
    const { rescores, store } = await setup([1], 3, {
      scoring: slow,
      heartbeatIntervalMs: 10,
    });
    const beats = jest.spyOn(store, 'updateRun');
    const outcome = rescores.runTask(new AbortController().signal);
    await waitFor(() => beats.mock.calls.length >= 2);
    expect(beats.mock.calls[0][1]).toEqual({ heartbeatAt: expect.any(Date) });
    finish();
    await outcome;
    rescores.stop();
  });

  it('says when the next full run starts: settle rerun, then last start plus the frequency', async () => {
    const { rescores, store } = await setup([5], 3);
    // Before any run: start-up plus the initial delay (none here): now.
    const before = Date.now();
    const first = await rescores.nextRunAt();
    expect(first!.getTime()).toBeGreaterThanOrEqual(before);

    const run = await rescores.runTask(new AbortController().signal);
    // The first run of a process is followed by a settle rerun in 60 s.
    const settle = await rescores.nextRunAt();
    expect(settle!.getTime() - Date.parse(run!.startedAt)).toBeGreaterThan(
      59_000,
    );
    expect(settle!.getTime() - Date.parse(run!.startedAt)).toBeLessThan(
      30 * 60_000,
    );
    // Without a settle rerun: the last start plus the frequency (30 min).
    rescores.stop();
    expect((await rescores.nextRunAt())!.toISOString()).toBe(
      new Date(Date.parse(run!.startedAt) + 30 * 60_000).toISOString(),
    );

    // While a full run runs there is no next one to tell.
    await store.createRun({
      trigger: 'manual',
      claimed: true,
      now: new Date(),
    });
    expect(await rescores.nextRunAt()).toBeUndefined();
  });
});

async function waitFor(
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 5000,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > until) {
      throw new Error('Condition not met in time');
    }
    await new Promise(resolve => setTimeout(resolve, 10));
  }
}
