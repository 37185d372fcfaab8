import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  type SchedulerServiceTaskScheduleDefinition,
  type SchedulerServiceTaskScheduleDefinitionConfig,
} from '@backstage/backend-plugin-api';
import {
  ConfigReader,
  readDurationFromConfig,
  type Config,
} from '@backstage/config';
import { InputError } from '@backstage/errors';
import { durationToMilliseconds } from '@backstage/types';

/**
 * Reads typed, validated values of one config section. Every invalid value
 * fails with an `InputError` in one shape that names the full path, the value
 * and what was expected:
 * `Invalid value at readiness.scoring.pageSize: 501; expected an integer from 1 to 500`.
 * Absent keys give their default.
 *
 * @public
 */
export interface ConfigValues {
  /** The full path of a key of the section, e.g. `readiness.scoring.pageSize`. */
  path(key: string): string;
  /** The error for an invalid value, in the shape all readers use. */
  invalid(key: string, value: unknown, expected: string): InputError;
  /** An integer within `min`–`max` (default 1 to unbounded). */
  integer(
    key: string,
    options: { default: number; min?: number; max?: number },
  ): number;
  /**
   * A duration in milliseconds, written as a number of milliseconds, a
   * string (`'10s'`, `'PT10S'`) or an object (`{ seconds: 10 }`). It must be
   * positive, or not negative with `allowZero`.
   */
  durationMs(
    key: string,
    options: { default: number; allowZero?: boolean },
  ): number;
  /** `true` or `false`. */
  boolean(key: string, options: { default: boolean }): boolean;
  /** A non-empty string. */
  string(key: string, options: { default: string }): string;
  /**
   * A task schedule (`frequency`, `timeout`, `initialDelay`, …); the keys
   * written override those of `defaults`.
   */
  schedule(
    key: string,
    defaults: SchedulerServiceTaskScheduleDefinitionConfig,
  ): SchedulerServiceTaskScheduleDefinition;
}

/**
 * Reads the section at `prefix` (e.g. `readiness.repository`) of the root
 * config with the value readers of {@link ConfigValues}. A section that is
 * present but not an object fails the same way as a bad value.
 *
 * The one config reading helper of the readiness plugin: the backend, its
 * repository provider, the Prometheus module and the search collator read
 * their keys through it.
 *
 * @public
 */
export function readConfigValues(
  rootConfig: Config,
  prefix: string,
): ConfigValues {
  const raw = rootConfig.getOptional(prefix);
  if (
    raw !== undefined &&
    (typeof raw !== 'object' || raw === null || Array.isArray(raw))
  ) {
    throw new InputError(
      `Invalid value at ${prefix}: ${JSON.stringify(raw)}; expected an object`,
    );
  }
  const config = rootConfig.getOptionalConfig(prefix) ?? new ConfigReader({});
  const path = (key: string) => `${prefix}.${key}`;
  const invalid = (key: string, value: unknown, expected: string) =>
    new InputError(
      `Invalid value at ${path(key)}: ${JSON.stringify(
        value,
      )}; expected ${expected}`,
    );

  return {
    path,
    invalid,

    integer(key, { default: fallback, min = 1, max }) {
      const value = config.getOptional(key);
      if (value === undefined) {
        return fallback;
      }
      if (
        typeof value !== 'number' ||
        !Number.isInteger(value) ||
        value < min ||
        (max !== undefined && value > max)
      ) {
        let expected = `an integer of at least ${min}`;
        if (max !== undefined) {
          expected = `an integer from ${min} to ${max}`;
        } else if (min === 1) {
          expected = 'a positive integer';
        }
        throw invalid(key, value, expected);
      }
      return value;
    },

    durationMs(key, { default: fallback, allowZero = false }) {
      const value = config.getOptional(key);
      if (value === undefined) {
        return fallback;
      }
      let ms: number;
      if (typeof value === 'number') {
        ms = value;
      } else {
        try {
          ms = durationToMilliseconds(readDurationFromConfig(config, { key }));
        } catch {
          throw invalid(
            key,
            value,
            "milliseconds, a string like '10s' or 'PT10S', or an object like { seconds: 10 }",
          );
        }
      }
      if (!Number.isFinite(ms) || ms < 0 || (ms === 0 && !allowZero)) {
        throw invalid(
          key,
          value,
          allowZero ? 'a duration of zero or more' : 'a positive duration',
        );
      }
      return ms;
    },

    boolean(key, { default: fallback }) {
      const value = config.getOptional(key);
      if (value === undefined) {
        return fallback;
      }
      if (typeof value !== 'boolean') {
        throw invalid(key, value, 'true or false');
      }
      return value;
    },

    string(key, { default: fallback }) {
      const value = config.getOptional(key);
      if (value === undefined) {
        return fallback;
      }
      if (typeof value !== 'string' || !value.trim()) {
        throw invalid(key, value, 'a non-empty string');
      }
      return value;
    },

    schedule(key, defaults) {
      const own = config.getOptional(key);
      if (
        own !== undefined &&
        (typeof own !== 'object' || own === null || Array.isArray(own))
      ) {
        throw invalid(key, own, 'a schedule object');
      }
      try {
        return readSchedulerServiceTaskScheduleDefinitionFromConfig(
          new ConfigReader({ ...defaults, ...own }),
        );
      } catch (error) {
        throw new InputError(
          `Invalid value at ${path(key)}: ${(error as Error).message}`,
        );
      }
    },
  };
}
