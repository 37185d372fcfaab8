import type { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { readConfigValues } from '@prodready/plugin-readiness-node';

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
  /** When the index is rebuilt; see {@link READINESS_COLLATOR_DEFAULTS}. */
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

/**
 * Reads `search.collators.readiness` once, filling in the defaults.
 *
 * @throws InputError naming the key of an invalid value
 * @public
 */
export function readReadinessCollatorConfig(
  root: Config,
): ReadinessCollatorConfig {
  const values = readConfigValues(root, READINESS_COLLATOR_CONFIG_KEY);
  return {
    schedule: values.schedule('schedule', READINESS_COLLATOR_DEFAULTS.schedule),
    locationTemplate: values.string('locationTemplate', {
      default: READINESS_COLLATOR_DEFAULTS.locationTemplate,
    }),
    pageSize: values.integer('pageSize', {
      default: READINESS_COLLATOR_DEFAULTS.pageSize,
      max: 500,
    }),
    concurrency: values.integer('concurrency', {
      default: READINESS_COLLATOR_DEFAULTS.concurrency,
      max: 50,
    }),
  };
}
