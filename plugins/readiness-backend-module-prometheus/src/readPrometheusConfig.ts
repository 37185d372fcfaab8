import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  readConfigValues,
  type ConfigValues,
} from '@prodready/plugin-readiness-node';
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

function readTemplates(
  config: Config,
  { invalid }: ConfigValues,
): PrometheusQueryTemplates {
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
  const values = readConfigValues(rootConfig, PREFIX);
  const { invalid } = values;
  const config = rootConfig.getOptionalConfig(PREFIX);
  if (!config) {
    return undefined;
  }
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

  return {
    baseUrl: baseUrl.toString().replace(/\/+$/, ''),
    headers,
    timeoutMs: values.durationMs('timeout', { default: 5000 }),
    cacheTtlMs: values.durationMs('cacheTtl', { default: 60_000 }),
    serviceLabel,
    maxConcurrentQueries: values.integer('maxConcurrentQueries', {
      default: 8,
    }),
    alertRules: values.boolean('alertRules', { default: true }),
    queries: readTemplates(config, values),
  };
}
