import type { RunInfo } from '@prodready/plugin-readiness-common';
import { ReadinessHealth } from './ReadinessHealth';

const run: RunInfo = {
  id: 'r1',
  trigger: 'schedule',
  status: 'succeeded',
  startedAt: '2026-12-05T09:00:00.000Z',
  finishedAt: '2026-12-05T09:01:00.000Z',
  entitiesTotal: 1,
  entitiesDone: 1,
  errors: [],
};

describe('ReadinessHealth', () => {
  const now = () => Date.parse('2026-12-05T10:01:00.000Z');

  it('reports the database and the age of the last run', async () => {
    const health = ReadinessHealth.create({
      checkDatabase: async () => {},
      listRuns: async () => [run],
      now,
    });
    await expect(health.report()).resolves.toEqual({
      status: 'ok',
      database: { status: 'ok', latencyMs: 0 },
      lastRun: {
        id: 'r1',
        status: 'succeeded',
        startedAt: run.startedAt,
        finishedAt: run.finishedAt,
        ageSeconds: 3600,
      },
    });
  });

  it('reports an unavailable database without driver details, and reuses a check for a moment', async () => {
    let clock = now();
    const checkDatabase = jest.fn(async (): Promise<void> => {
      throw new Error('connect ECONNREFUSED 127.0.0.1:5432 select 1');
    });
    const health = ReadinessHealth.create({
      checkDatabase,
      listRuns: async () => [run],
      now: () => clock,
      cacheMs: 1000,
    });
    const report = await health.report();
    expect(report).toEqual({
      status: 'unavailable',
      database: {
        status: 'unavailable',
        message: 'The database refused the connection or the query',
      },
    });
    expect(await health.isDatabaseAvailable()).toBe(false);
    expect(checkDatabase).toHaveBeenCalledTimes(1);
    clock += 1000;
    checkDatabase.mockResolvedValueOnce(undefined);
    expect(await health.isDatabaseAvailable()).toBe(true);
  });

  it('counts a database that does not answer in time as unavailable', async () => {
    const health = ReadinessHealth.create({
      checkDatabase: () => new Promise(() => {}),
      listRuns: async () => [],
      timeoutMs: 20,
    });
    await expect(health.report()).resolves.toMatchObject({
      status: 'unavailable',
      database: { message: 'The database did not answer within 20 ms' },
    });
  });
});
