import { ConfigReader } from '@backstage/config';
import { readReadinessBackendConfig } from './config';

describe('readReadinessBackendConfig', () => {
  it('has defaults for every key', () => {
    const config = readReadinessBackendConfig(new ConfigReader({}));
    expect(config).toEqual({
      schedule: {
        frequency: { minutes: 30 },
        timeout: { minutes: 15 },
        initialDelay: { seconds: 5 },
        scope: 'global',
      },
      scoring: {
        kinds: ['Component', 'API', 'Resource', 'System'],
        concurrency: 8,
        pageSize: 500,
        settleDelayMs: 60_000,
        maxSettleRuns: 5,
        shards: { enabled: true, size: 500 },
        delta: { enabled: true, intervalMs: 5_000, maxPerPass: 2000 },
      },
      historyRetentionDays: 180,
      learnFromLimit: 3,
      cacheTtlMs: 30_000,
      cacheVersionCheckIntervalMs: 1_000,
      dependencies: {
        enabled: true,
        checkLevel: 'silver',
        minimumLevel: 'bronze',
        minimumLevelByTier: { 'tier-1': 'silver' },
      },
      rollup: { enabled: true },
      notifications: { enabled: false, maxPerBatch: 50 },
      digests: {
        enabled: false,
        teams: [],
        schedule: {
          frequency: { cron: '0 8 * * 1' },
          timeout: { minutes: 10 },
          scope: 'global',
        },
      },
    });
  });

  it('reads digest teams as group refs, or all', () => {
    const read = (teams: string[] | string) =>
      readReadinessBackendConfig(
        new ConfigReader({ readiness: { digests: { enabled: true, teams } } }),
      ).digests.teams;
    expect(read(['team-a', 'group:ops/sre', 'team-a'])).toEqual([
      'group:default/team-a',
      'group:ops/sre',
    ]);
    expect(read('all')).toBe('all');
  });

  it('reads every key, always scheduling globally', () => {
    const config = readReadinessBackendConfig(
      new ConfigReader({
        readiness: {
          schedule: {
            frequency: { cron: '0 * * * *' },
            timeout: 'PT5M',
            scope: 'local',
          },
          scoring: {
            kinds: ['Component'],
            concurrency: 2,
            pageSize: 100,
            settleDelay: '10s',
            maxSettleRuns: 0,
            shards: { enabled: true, size: 50 },
            delta: { enabled: false, interval: '2s', maxPerPass: 100 },
          },
          history: { retentionDays: 30 },
          learnFrom: { limit: 5 },
          cache: {
            ttl: { minutes: 1 },
            versionCheckInterval: { milliseconds: 250 },
          },
          notifications: { enabled: true, maxPerBatch: 10 },
          rollup: { enabled: false },
          dependencies: {
            enabled: false,
            checkLevel: 'gold',
            minimumLevel: 'silver',
            minimumLevelByTier: { Critical: 'gold', 'Tier 2': 'silver' },
          },
        },
      }),
    );
    expect(config.rollup).toEqual({ enabled: false });
    expect(config.dependencies).toEqual({
      enabled: false,
      checkLevel: 'gold',
      minimumLevel: 'silver',
      minimumLevelByTier: { 'tier-1': 'gold', 'tier-2': 'silver' },
    });
    expect(config.schedule).toEqual({
      frequency: { cron: '0 * * * *' },
      timeout: { minutes: 5 },
      initialDelay: { seconds: 5 },
      scope: 'global',
    });
    expect(config.scoring).toEqual({
      kinds: ['Component'],
      concurrency: 2,
      pageSize: 100,
      settleDelayMs: 10_000,
      maxSettleRuns: 0,
      shards: { enabled: true, size: 50 },
      delta: { enabled: false, intervalMs: 2_000, maxPerPass: 100 },
    });
    expect(config.historyRetentionDays).toBe(30);
    expect(config.learnFromLimit).toBe(5);
    expect(config.cacheTtlMs).toBe(60_000);
    expect(config.cacheVersionCheckIntervalMs).toBe(250);
    expect(config.notifications).toEqual({ enabled: true, maxPerBatch: 10 });
  });

  it.each([
    [{ scoring: { pageSize: 501 } }, /readiness\.scoring\.pageSize: 501/],
    [{ scoring: { concurrency: 0 } }, /readiness\.scoring\.concurrency: 0/],
    [
      { history: { retentionDays: 1.5 } },
      /readiness\.history\.retentionDays: 1\.5/,
    ],
    [{ learnFrom: { limit: -1 } }, /readiness\.learnFrom\.limit: -1/],
    [{ scoring: { kinds: [] } }, /readiness\.scoring\.kinds/],
    [
      { scoring: { shards: { size: 0 } } },
      /readiness\.scoring\.shards\.size: 0/,
    ],
    [
      { dependencies: { minimumLevelByTier: { ' ': 'gold' } } },
      /readiness\.dependencies\.minimumLevelByTier: ' '/,
    ],
    [{ scoring: { settleDelay: 'soon' } }, /readiness\.scoring\.settleDelay/],
    [{ schedule: { frequency: 'often' } }, /readiness\.schedule/],
    [
      { notifications: { maxPerBatch: 0 } },
      /readiness\.notifications\.maxPerBatch: 0/,
    ],
    [
      { notifications: { enabled: 'sometimes' } },
      /readiness\.notifications\.enabled/,
    ],
    [
      { digests: { teams: ['user:default/jane'] } },
      /readiness\.digests\.teams\[0\]: "user:default\/jane"; expected a group ref/,
    ],
    [
      { digests: { teams: 'everyone' } },
      /readiness\.digests\.teams: "everyone"; expected a list of group refs or 'all'/,
    ],
  ])('names the key and value of invalid config %j', (readiness, message) => {
    expect(() =>
      readReadinessBackendConfig(new ConfigReader({ readiness })),
    ).toThrow(message);
  });
});
