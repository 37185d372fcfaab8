import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import {
  Config,
  ConfigReader,
  readDurationFromConfig,
} from '@backstage/config';
import { InputError } from '@backstage/errors';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';

/**
 * The backend's configuration, read once at startup from `readiness.*`.
 * The check pack keys (`readiness.checks`, `readiness.levels`) are read by
 * the engine in readiness-common; `readiness.repository.*` by the repository
 * fact provider.
 *
 * @public
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
  };
  /** Days history of changes, snapshots and expired exemptions are kept. */
  historyRetentionDays: number;
  /** Learn-from exemplars per failing check. */
  learnFromLimit: number;
  /** How long a caller's catalog visibility and cached aggregates are reused. */
  cacheTtlMs: number;
  /** Telling owners, through Backstage notifications, when a level changes. */
  notifications: {
    enabled: boolean;
    /** More level changes than this in one write are logged, not sent. */
    maxPerBatch: number;
  };
}

/** Defaults of every key, documented in config.d.ts. */
const DEFAULTS = {
  schedule: {
    frequency: { minutes: 30 },
    timeout: { minutes: 15 },
    initialDelay: { seconds: 5 },
  },
  kinds: ['Component', 'API', 'Resource', 'System'],
  concurrency: 8,
  pageSize: 500,
  settleDelay: { seconds: 60 } as HumanDuration,
  maxSettleRuns: 5,
  historyRetentionDays: 180,
  learnFromLimit: 3,
  cacheTtl: { seconds: 30 } as HumanDuration,
  notificationsMaxPerBatch: 50,
};

function readInteger(
  config: Config,
  key: string,
  fallback: number,
  range: { min: number; max: number },
): number {
  const value = config.getOptionalNumber(key);
  if (value === undefined) {
    return fallback;
  }
  if (!Number.isInteger(value) || value < range.min || value > range.max) {
    throw new InputError(
      `Invalid config readiness.${key}: ${value} is not an integer from ${range.min} to ${range.max}`,
    );
  }
  return value;
}

function readDurationMs(
  config: Config,
  key: string,
  fallback: HumanDuration,
): number {
  if (!config.has(key)) {
    return durationToMilliseconds(fallback);
  }
  try {
    return durationToMilliseconds(readDurationFromConfig(config, { key }));
  } catch (error) {
    throw new InputError(
      `Invalid config readiness.${key}: ${(error as Error).message}`,
    );
  }
}

function readSchedule(config: Config): SchedulerServiceTaskScheduleDefinition {
  const own = config.getOptionalConfig('schedule');
  const merged = new ConfigReader({
    ...DEFAULTS.schedule,
    ...(own?.get<Record<string, never>>() ?? {}),
  });
  try {
    return {
      ...readSchedulerServiceTaskScheduleDefinitionFromConfig(merged),
      scope: 'global',
    };
  } catch (error) {
    throw new InputError(
      `Invalid config readiness.schedule: ${(error as Error).message}`,
    );
  }
}

/**
 * Reads and validates the backend's configuration. Invalid values fail with
 * an error naming the config key and the value.
 *
 * @public
 */
export function readReadinessBackendConfig(
  rootConfig: Config,
): ReadinessBackendConfig {
  const config =
    rootConfig.getOptionalConfig('readiness') ?? new ConfigReader({});
  const kinds =
    config.getOptionalStringArray('scoring.kinds') ?? DEFAULTS.kinds;
  if (kinds.length === 0) {
    throw new InputError(
      'Invalid config readiness.scoring.kinds: list at least one entity kind',
    );
  }
  return {
    schedule: readSchedule(config),
    scoring: {
      kinds,
      concurrency: readInteger(
        config,
        'scoring.concurrency',
        DEFAULTS.concurrency,
        { min: 1, max: 64 },
      ),
      pageSize: readInteger(config, 'scoring.pageSize', DEFAULTS.pageSize, {
        min: 1,
        max: 500,
      }),
      settleDelayMs: readDurationMs(
        config,
        'scoring.settleDelay',
        DEFAULTS.settleDelay,
      ),
      maxSettleRuns: readInteger(
        config,
        'scoring.maxSettleRuns',
        DEFAULTS.maxSettleRuns,
        { min: 0, max: 100 },
      ),
    },
    historyRetentionDays: readInteger(
      config,
      'history.retentionDays',
      DEFAULTS.historyRetentionDays,
      { min: 1, max: 3650 },
    ),
    learnFromLimit: readInteger(
      config,
      'learnFrom.limit',
      DEFAULTS.learnFromLimit,
      { min: 0, max: 20 },
    ),
    cacheTtlMs: readDurationMs(config, 'cache.ttl', DEFAULTS.cacheTtl),
    notifications: {
      enabled: config.getOptionalBoolean('notifications.enabled') ?? false,
      maxPerBatch: readInteger(
        config,
        'notifications.maxPerBatch',
        DEFAULTS.notificationsMaxPerBatch,
        { min: 1, max: 10_000 },
      ),
    },
  };
}
