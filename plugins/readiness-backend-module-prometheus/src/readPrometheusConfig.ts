import { Config, readDurationFromConfig } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { durationToMilliseconds } from '@backstage/types';
import {
  DEFAULT_PROMETHEUS_QUERIES,
  PrometheusQueryTemplates,
} from './defaultQueries';

/**
 * Settings of the Prometheus fact provider, read from `readiness.prometheus`.
 *
 * @public
 */
export interface PrometheusConfig {
  /** Base URL of the Prometheus HTTP API, without `/api/v1`. */
  baseUrl: string;
  /** Extra request headers, e.g. `Authorization`. */
  headers: Record<string, string>;
  /** Time budget of one HTTP request, in ms. */
  timeoutMs: number;
  /** How long label values and alert rules are reused, in ms. */
  cacheTtlMs: number;
  /** The label that names a service in your series. */
  serviceLabel: string;
  /** Most requests in flight to Prometheus at once. */
  maxConcurrentQueries: number;
  /** Whether alert rules are read from `/api/v1/rules`. */
  alertRules: boolean;
  /** The PromQL templates. */
  queries: PrometheusQueryTemplates;
}

const PREFIX = 'readiness.prometheus';
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

function invalid(key: string, value: unknown, expected: string): InputError {
  return new InputError(
    `Invalid value at ${PREFIX}.${key}: ${JSON.stringify(
      value,
    )}; expected ${expected}`,
  );
}

function readMs(config: Config, key: string, fallback: number): number {
  if (!config.has(key)) {
    return fallback;
  }
  const value = config.getOptional(key);
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
        "milliseconds, a string like '5s' or 'PT5S', or an object like { seconds: 5 }",
      );
    }
  }
  if (!Number.isFinite(ms) || ms <= 0) {
    throw invalid(key, value, 'a positive duration');
  }
  return ms;
}

function readPositiveInteger(
  config: Config,
  key: string,
  fallback: number,
): number {
  const value = config.getOptional(key);
  if (value === undefined) {
    return fallback;
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw invalid(key, value, 'a positive integer');
  }
  return value;
}

function readTemplates(config: Config): PrometheusQueryTemplates {
  const queries = config.getOptional('queries');
  if (queries === undefined) {
    return DEFAULT_PROMETHEUS_QUERIES;
  }
  if (
    typeof queries !== 'object' ||
    queries === null ||
    Array.isArray(queries)
  ) {
    throw invalid('queries', queries, 'an object keyed by signal');
  }
  const result: PrometheusQueryTemplates = { ...DEFAULT_PROMETHEUS_QUERIES };
  const known = Object.keys(DEFAULT_PROMETHEUS_QUERIES);
  for (const [key, value] of Object.entries(queries)) {
    if (!known.includes(key)) {
      throw invalid(
        `queries.${key}`,
        value,
        `one of the keys ${known.join(', ')}`,
      );
    }
    const list = typeof value === 'string' ? [value] : value;
    if (
      !Array.isArray(list) ||
      list.length === 0 ||
      !list.every(item => typeof item === 'string' && item.trim())
    ) {
      throw invalid(
        `queries.${key}`,
        value,
        'a PromQL string or a non-empty list of PromQL strings',
      );
    }
    result[key as keyof PrometheusQueryTemplates] = (list as string[]).map(q =>
      q.trim(),
    );
  }
  return result;
}

/**
 * Reads `readiness.prometheus.*`. Returns `undefined` when `baseUrl` is not
 * set (the module then registers no provider). Bad values throw an
 * `InputError` naming the config path and the value.
 *
 * @public
 */
export function readPrometheusConfig(
  rootConfig: Config,
): PrometheusConfig | undefined {
  const section = rootConfig.getOptional(PREFIX);
  if (section === undefined) {
    return undefined;
  }
  if (
    typeof section !== 'object' ||
    section === null ||
    Array.isArray(section)
  ) {
    throw new InputError(
      `Invalid value at ${PREFIX}: ${JSON.stringify(
        section,
      )}; expected an object`,
    );
  }
  const config = rootConfig.getConfig(PREFIX);
  const rawBaseUrl = config.getOptional('baseUrl');
  if (rawBaseUrl === undefined) {
    return undefined;
  }
  let baseUrl: URL;
  try {
    if (typeof rawBaseUrl !== 'string') {
      throw new Error();
    }
    baseUrl = new URL(rawBaseUrl);
    if (!['http:', 'https:'].includes(baseUrl.protocol)) {
      throw new Error();
    }
  } catch {
    throw invalid('baseUrl', rawBaseUrl, 'an http(s) URL');
  }

  const rawHeaders = config.getOptional('headers');
  let headers: Record<string, string> = {};
  if (rawHeaders !== undefined) {
    if (
      typeof rawHeaders !== 'object' ||
      rawHeaders === null ||
      Array.isArray(rawHeaders) ||
      !Object.values(rawHeaders).every(v => typeof v === 'string')
    ) {
      // Header values may be secrets: name the keys only.
      const keys =
        typeof rawHeaders === 'object' && rawHeaders !== null
          ? ` (keys: ${Object.keys(rawHeaders).join(', ')})`
          : '';
      throw new InputError(
        `Invalid value at ${PREFIX}.headers: expected an object of header names to string values${keys}`,
      );
    }
    headers = rawHeaders as Record<string, string>;
  }

  const serviceLabel = config.getOptional('serviceLabel') ?? 'service';
  if (typeof serviceLabel !== 'string' || !LABEL_NAME.test(serviceLabel)) {
    throw invalid('serviceLabel', serviceLabel, 'a Prometheus label name');
  }

  const alertRules = config.getOptional('alertRules') ?? true;
  if (typeof alertRules !== 'boolean') {
    throw invalid('alertRules', alertRules, 'true or false');
  }

  return {
    baseUrl: baseUrl.toString().replace(/\/+$/, ''),
    headers,
    timeoutMs: readMs(config, 'timeout', 5000),
    cacheTtlMs: readMs(config, 'cacheTtl', 60_000),
    serviceLabel,
    maxConcurrentQueries: readPositiveInteger(
      config,
      'maxConcurrentQueries',
      8,
    ),
    alertRules,
    queries: readTemplates(config),
  };
}
