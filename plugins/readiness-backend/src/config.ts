import type { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { normalizeTier } from '@prodready/plugin-readiness-common';
import { readConfigValues } from '@prodready/plugin-readiness-node';

/**
 * The backend's configuration, read once at startup from `readiness.*`.
 * The check pack keys (`readiness.checks`, `readiness.levels`) are read by
 * the engine in readiness-common; `readiness.repository.*` by the repository
 * fact provider.
 *
 * @internal
 */
export interface ReadinessBackendConfig {
  /** When the full rescore runs; `scope` is always `global`. */
  schedule: SchedulerServiceTaskScheduleDefinition;
  scoring: {
    /** Entity kinds that are scored. */
    kinds: string[];
    /** Entities whose facts are collected at the same time. */
    concurrency: number;
    /** Entities fetched from the catalog and written per batch (≤ 500). */
    pageSize: number;
    /**
     * Rescore again this long after the first run of a process, and after any
     * run that saw a different number of entities than the run before (the
     * catalog may still be ingesting).
     */
    settleDelayMs: number;
    /** At most this many settle reruns in a row. */
    maxSettleRuns: number;
    /** Full runs are split into shards that every replica works on. */
    shards: {
      enabled: boolean;
      /** Entities per shard. */
      size: number;
    };
    /** The frequent pass that scores new and changed entities. */
    delta: {
      enabled: boolean;
      /** Time between two passes. */
      intervalMs: number;
      /** Most entities scored per pass. */
      maxPerPass: number;
    };
  };
  /** Days history of changes, snapshots and expired exemptions are kept. */
  historyRetentionDays: number;
  /** Learn-from exemplars per failing check. */
  learnFromLimit: number;
  /** How long a caller's catalog visibility and cached aggregates are reused. */
  cacheTtlMs: number;
  /**
   * How often a replica reads the scores version its caches of roll-ups,
   * trends, search and exports are keyed by (another replica's write shows
   * at most this much later).
   */
  cacheVersionCheckIntervalMs: number;
  /** The dependency-risk check (`dependencies.ready`). */
  dependencies: {
    enabled: boolean;
    /** The level the check belongs to. */
    checkLevel: string;
    /** Level every dependency must reach. */
    minimumLevel: string;
    /** Stricter levels per normalised tier (`tier-1`). */
    minimumLevelByTier: Record<string, string>;
  };
  /** The roll-up checks of Systems and Domains (`rollup.parts-<level>`). */
  rollup: {
    enabled: boolean;
  };
  /** Telling owners, through Backstage notifications, when a level changes. */
  notifications: {
    enabled: boolean;
    /** More level changes than this in one write are logged, not sent. */
    maxPerBatch: number;
  };
  /** The weekly digest per team. */
  digests: {
    enabled: boolean;
    /** Group refs of the teams that opted in, or `all`. */
    teams: string[] | 'all';
    /** When the digest task runs; `scope` is always `global`. */
    schedule: SchedulerServiceTaskScheduleDefinition;
  };
}

/** Defaults of every key, documented in config.d.ts with `@default`. */
const DEFAULTS = {
  schedule: {
    frequency: { minutes: 30 },
    timeout: { minutes: 15 },
    initialDelay: { seconds: 5 },
  },
  kinds: ['Component', 'API', 'Resource', 'System'],
  concurrency: 8,
  pageSize: 500,
  settleDelayMs: 60_000,
  maxSettleRuns: 5,
  shardSize: 500,
  deltaIntervalMs: 5_000,
  deltaMaxPerPass: 2000,
  historyRetentionDays: 180,
  learnFromLimit: 3,
  cacheTtlMs: 30_000,
  cacheVersionCheckIntervalMs: 1_000,
  notificationsMaxPerBatch: 50,
  digestSchedule: {
    frequency: { cron: '0 8 * * 1' },
    timeout: { minutes: 10 },
  },
  dependencies: {
    checkLevel: 'silver',
    minimumLevel: 'bronze',
    minimumLevelByTier: { 'tier-1': 'silver' } as Record<string, string>,
  },
};

/** `readiness.digests.teams`: group refs, or `all`. */
function readDigestTeams(rootConfig: Config): string[] | 'all' {
  const key = 'readiness.digests.teams';
  const value = rootConfig.getOptional(key);
  if (value === undefined) {
    return [];
  }
  if (value === 'all') {
    return 'all';
  }
  if (!Array.isArray(value)) {
    throw new InputError(
      `Invalid value at ${key}: ${JSON.stringify(
        value,
      )}; expected a list of group refs or 'all'`,
    );
  }
  return [
    ...new Set(
      value.map((item, i) => {
        try {
          if (typeof item !== 'string') {
            throw new TypeError('not a string');
          }
          const ref = parseEntityRef(item.trim(), {
            defaultKind: 'group',
            defaultNamespace: 'default',
          });
          if (ref.kind.toLocaleLowerCase('en-US') !== 'group') {
            throw new TypeError('not a Group');
          }
          return stringifyEntityRef(ref);
        } catch (error) {
          throw new InputError(
            `Invalid value at ${key}[${i}]: ${JSON.stringify(
              item,
            )}; expected a group ref such as group:default/team-a (${
              (error as Error).message
            })`,
          );
        }
      }),
    ),
  ];
}

/** `readiness.dependencies.minimumLevelByTier`: tiers normalised as everywhere. */
function readLevelsByTier(rootConfig: Config): Record<string, string> {
  const key = 'readiness.dependencies.minimumLevelByTier';
  // Read as plain JSON: tier names such as `Tier 1` are not valid config keys.
  const value = rootConfig.getOptional(key);
  if (value === undefined) {
    return DEFAULTS.dependencies.minimumLevelByTier;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InputError(
      `Invalid value at ${key}: ${JSON.stringify(
        value,
      )}; expected an object of tier: level`,
    );
  }
  const result: Record<string, string> = {};
  for (const [tier, level] of Object.entries(value)) {
    const normalized = normalizeTier(tier);
    if (!normalized) {
      throw new InputError(
        `Invalid key at ${key}: '${tier}'; expected a tier such as tier-1`,
      );
    }
    if (typeof level !== 'string' || level.trim() === '') {
      throw new InputError(
        `Invalid value at ${key}.${tier}: ${JSON.stringify(
          level,
        )}; expected a level id`,
      );
    }
    result[normalized] = level;
  }
  return result;
}

/**
 * Reads and validates the backend's configuration. Invalid values fail with
 * an error naming the config key and the value.
 *
 * @internal
 */
export function readReadinessBackendConfig(
  rootConfig: Config,
): ReadinessBackendConfig {
  const values = readConfigValues(rootConfig, 'readiness');
  const kinds =
    rootConfig.getOptionalStringArray('readiness.scoring.kinds') ??
    DEFAULTS.kinds;
  if (kinds.length === 0) {
    throw new InputError(
      `Invalid value at ${values.path(
        'scoring.kinds',
      )}: []; expected at least one entity kind`,
    );
  }
  return {
    schedule: {
      ...values.schedule('schedule', DEFAULTS.schedule),
      scope: 'global',
    },
    scoring: {
      kinds,
      concurrency: values.integer('scoring.concurrency', {
        default: DEFAULTS.concurrency,
        max: 64,
      }),
      pageSize: values.integer('scoring.pageSize', {
        default: DEFAULTS.pageSize,
        max: 500,
      }),
      settleDelayMs: values.durationMs('scoring.settleDelay', {
        default: DEFAULTS.settleDelayMs,
        allowZero: true,
      }),
      maxSettleRuns: values.integer('scoring.maxSettleRuns', {
        default: DEFAULTS.maxSettleRuns,
        min: 0,
        max: 100,
      }),
      shards: {
        enabled: values.boolean('scoring.shards.enabled', { default: true }),
        size: values.integer('scoring.shards.size', {
          default: DEFAULTS.shardSize,
          max: 5000,
        }),
      },
      delta: {
        enabled: values.boolean('scoring.delta.enabled', { default: true }),
        intervalMs: values.durationMs('scoring.delta.interval', {
          default: DEFAULTS.deltaIntervalMs,
        }),
        maxPerPass: values.integer('scoring.delta.maxPerPass', {
          default: DEFAULTS.deltaMaxPerPass,
          max: 100_000,
        }),
      },
    },
    historyRetentionDays: values.integer('history.retentionDays', {
      default: DEFAULTS.historyRetentionDays,
      max: 3650,
    }),
    learnFromLimit: values.integer('learnFrom.limit', {
      default: DEFAULTS.learnFromLimit,
      min: 0,
      max: 20,
    }),
    cacheTtlMs: values.durationMs('cache.ttl', {
      default: DEFAULTS.cacheTtlMs,
      allowZero: true,
    }),
    cacheVersionCheckIntervalMs: values.durationMs(
      'cache.versionCheckInterval',
      { default: DEFAULTS.cacheVersionCheckIntervalMs, allowZero: true },
    ),
    dependencies: {
      enabled: values.boolean('dependencies.enabled', { default: true }),
      checkLevel: values.string('dependencies.checkLevel', {
        default: DEFAULTS.dependencies.checkLevel,
      }),
      minimumLevel: values.string('dependencies.minimumLevel', {
        default: DEFAULTS.dependencies.minimumLevel,
      }),
      minimumLevelByTier: readLevelsByTier(rootConfig),
    },
    rollup: {
      enabled: values.boolean('rollup.enabled', { default: true }),
    },
    notifications: {
      enabled: values.boolean('notifications.enabled', { default: false }),
      maxPerBatch: values.integer('notifications.maxPerBatch', {
        default: DEFAULTS.notificationsMaxPerBatch,
        max: 10_000,
      }),
    },
    digests: {
      enabled: values.boolean('digests.enabled', { default: false }),
      teams: readDigestTeams(rootConfig),
      schedule: {
        ...values.schedule('digests.schedule', DEFAULTS.digestSchedule),
        scope: 'global',
      },
    },
  };
}
