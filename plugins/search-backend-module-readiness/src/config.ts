import {
  SchedulerServiceTaskScheduleDefinition,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

/**
 * The config key of the collator.
 *
 * @public
 */
export const READINESS_COLLATOR_CONFIG_KEY = 'search.collators.readiness';

/**
 * The collator's settings, read from `search.collators.readiness`.
 *
 * @public
 */
export interface ReadinessCollatorConfig {
  schedule: SchedulerServiceTaskScheduleDefinition;
  /** Where a document leads; default `/catalog/:namespace/:kind/:name/readiness`. */
  locationTemplate: string;
  /** Entities per `/search` page, 1–500; default 500. */
  pageSize: number;
  /** Scorecards fetched at once when `/search` has no failing check ids; default 5. */
  concurrency: number;
}

/**
 * The defaults: the first run a minute after start-up (so the readiness
 * backend's first scoring run has finished on a small catalog), then every
 * 10 minutes.
 *
 * @public
 */
export const READINESS_COLLATOR_DEFAULTS: ReadinessCollatorConfig = {
  schedule: {
    frequency: { minutes: 10 },
    timeout: { minutes: 15 },
    initialDelay: { minutes: 1 },
  },
  locationTemplate: '/catalog/:namespace/:kind/:name/readiness',
  pageSize: 500,
  concurrency: 5,
};

function readBoundedNumber(
  config: Config | undefined,
  key: string,
  min: number,
  max: number,
  fallback: number,
): number {
  const value = config?.getOptionalNumber(key);
  if (value === undefined) {
    return fallback;
  }
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new InputError(
      `Invalid ${READINESS_COLLATOR_CONFIG_KEY}.${key}: ${value}; expected an integer from ${min} to ${max}`,
    );
  }
  return value;
}

/**
 * Reads `search.collators.readiness` once, filling in the defaults.
 *
 * @throws InputError naming the key of an invalid value
 * @public
 */
export function readReadinessCollatorConfig(
  root: Config,
): ReadinessCollatorConfig {
  const config = root.getOptionalConfig(READINESS_COLLATOR_CONFIG_KEY);
  let schedule = READINESS_COLLATOR_DEFAULTS.schedule;
  const scheduleConfig = config?.getOptionalConfig('schedule');
  if (scheduleConfig) {
    try {
      schedule =
        readSchedulerServiceTaskScheduleDefinitionFromConfig(scheduleConfig);
    } catch (error) {
      throw new InputError(
        `Invalid ${READINESS_COLLATOR_CONFIG_KEY}.schedule: ${
          (error as Error).message
        }`,
      );
    }
  }
  return {
    schedule,
    locationTemplate:
      config?.getOptionalString('locationTemplate') ??
      READINESS_COLLATOR_DEFAULTS.locationTemplate,
    pageSize: readBoundedNumber(
      config,
      'pageSize',
      1,
      500,
      READINESS_COLLATOR_DEFAULTS.pageSize,
    ),
    concurrency: readBoundedNumber(
      config,
      'concurrency',
      1,
      50,
      READINESS_COLLATOR_DEFAULTS.concurrency,
    ),
  };
}
