import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import type { JsonObject } from '@backstage/types';
import { readConfigValues } from '@prodready/plugin-readiness-node';
import Ajv, { type ValidateFunction } from 'ajv';

/**
 * One fact key that may be pushed, from `readiness.pushedFacts.<key>`.
 *
 * @internal
 */
export interface PushedFactKey {
  key: string;
  /** How long after `observedAt` the value is stale. */
  ttlMs: number;
  /** Validates a value against the key's JSON schema. */
  validate: ValidateFunction;
}

/** Default TTL of a pushed fact: 7 days. */
const DEFAULT_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** Fact keys: rules read them as `pushed.<key>`, so no dots. */
const FACT_KEY = /^[A-Za-z][A-Za-z0-9_-]{0,127}$/;

/**
 * Reads the fact keys that may be pushed (`readiness.pushedFacts`), each
 * with its JSON schema (compiled once) and TTL. Invalid entries stop the
 * backend with an error naming the config path and the value.
 *
 * @internal
 */
export function readPushedFactsConfig(
  rootConfig: Config,
): Map<string, PushedFactKey> {
  const keys = new Map<string, PushedFactKey>();
  const section = rootConfig.getOptionalConfig('readiness.pushedFacts');
  if (!section) {
    return keys;
  }
  const values = readConfigValues(rootConfig, 'readiness.pushedFacts');
  const ajv = new Ajv({ allErrors: false, strict: false });
  for (const key of section.keys()) {
    if (!FACT_KEY.test(key)) {
      throw values.invalid(
        key,
        key,
        'a fact key of letters, digits, - and _ starting with a letter (at most 128)',
      );
    }
    const schema = section.getOptional(`${key}.schema`);
    if (
      typeof schema !== 'object' ||
      schema === null ||
      Array.isArray(schema)
    ) {
      throw values.invalid(`${key}.schema`, schema, 'a JSON schema object');
    }
    let validate: ValidateFunction;
    try {
      validate = ajv.compile(schema as JsonObject);
    } catch (error) {
      throw new InputError(
        `Invalid value at ${values.path(
          `${key}.schema`,
        )}: not a valid JSON schema (${(error as Error).message})`,
      );
    }
    keys.set(key, {
      key,
      ttlMs: values.durationMs(`${key}.ttl`, { default: DEFAULT_TTL_MS }),
      validate,
    });
  }
  return keys;
}
