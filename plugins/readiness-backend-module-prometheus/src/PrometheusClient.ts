import { isError } from '@backstage/errors';
import { isRecord } from '@prodready/plugin-readiness-common';

/**
 * One series of an instant query result.
 *
 * @public
 */
export interface PrometheusSample {
  /** The series' labels, `__name__` included when Prometheus sends it. */
  metric: Record<string, string>;
  /** The value as Prometheus formats it ("0.25", "NaN", "+Inf"). */
  value: string;
}

/**
 * An alerting rule from `/api/v1/rules`.
 *
 * @public
 */
export interface PrometheusAlertRule {
  /** The alert's name (`alert:` in the rule file). */
  name: string;
  /** The rule group it belongs to. */
  group: string;
  /** Its PromQL expression, searched for the service's selector. */
  query: string;
  /** Labels the rule adds to its alerts, e.g. `severity`. */
  labels: Record<string, string>;
  /** Annotations of the rule, e.g. `runbook_url`, `summary`. */
  annotations: Record<string, string>;
}

/**
 * Prometheus rejected a query (HTTP 400/422: bad PromQL or an execution
 * error). Other queries may still work.
 *
 * @public
 */
export class PrometheusQueryError extends Error {
  /** Tells this error apart after serialisation, where `instanceof` is lost. */
  override name = 'PrometheusQueryError';
}

/**
 * Prometheus could not be asked: network error, timeout, HTTP 5xx, refused
 * credentials or an answer that is not the Prometheus API.
 *
 * @public
 */
export class PrometheusUnavailableError extends Error {
  /** Tells this error apart after serialisation, where `instanceof` is lost. */
  override name = 'PrometheusUnavailableError';
}

/**
 * Options of {@link PrometheusClient}.
 *
 * @public
 */
export interface PrometheusClientOptions {
  /** Root URL of the Prometheus server, without `/api/v1`. */
  baseUrl: string;
  /** Headers sent with every request, e.g. `Authorization`. */
  headers?: Record<string, string>;
  /**
   * Time a request may take before it is aborted and Prometheus counts as
   * unavailable.
   */
  timeoutMs: number;
  /** Most requests in flight at once. */
  maxConcurrent: number;
  /** The fetch to use (default: global fetch). */
  fetch?: typeof fetch;
}

function stringRecord(value: unknown): Record<string, string> {
  if (!isRecord(value)) {
    return {};
  }
  return Object.fromEntries(
    Object.entries(value).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
}

/**
 * A small client of the Prometheus HTTP API (`/api/v1/query`,
 * `/api/v1/label/<name>/values`, `/api/v1/rules`), with a per-request
 * timeout and a bound on concurrent requests.
 *
 * @public
 */
export class PrometheusClient {
  readonly #baseUrl: string;
  readonly #headers: Record<string, string>;
  readonly #timeoutMs: number;
  readonly #maxConcurrent: number;
  readonly #fetch: typeof fetch;
  #active = 0;
  readonly #waiting: Array<() => void> = [];

  constructor(options: PrometheusClientOptions) {
    this.#baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.#headers = options.headers ?? {};
    this.#timeoutMs = options.timeoutMs;
    this.#maxConcurrent = Math.max(1, options.maxConcurrent);
    this.#fetch = options.fetch ?? globalThis.fetch;
  }

  /** Runs an instant query; a vector or matrix result becomes samples. */
  async query(
    promql: string,
    signal?: AbortSignal,
  ): Promise<PrometheusSample[]> {
    const data = await this.#request(
      '/api/v1/query',
      { method: 'POST', body: new URLSearchParams({ query: promql }) },
      signal,
    );
    if (
      isRecord(data) &&
      (data.resultType === 'scalar' || data.resultType === 'string')
    ) {
      // A scalar or string result is no evidence of a series.
      return [];
    }
    // "success" with a body that is not a vector or matrix is not an answer:
    // deciding "no series" from it would fail checks on garbage.
    if (
      !isRecord(data) ||
      (data.resultType !== 'vector' && data.resultType !== 'matrix') ||
      !Array.isArray(data.result) ||
      !data.result.every(isRecord)
    ) {
      throw new PrometheusUnavailableError(
        `/api/v1/query answered "success" with a malformed result`,
      );
    }
    const samples: PrometheusSample[] = [];
    for (const item of data.result) {
      if (!isRecord(item)) {
        continue;
      }
      let pair: unknown = item.value;
      if (Array.isArray(item.values) && item.values.length > 0) {
        pair = item.values[item.values.length - 1];
      }
      if (Array.isArray(pair) && typeof pair[1] === 'string') {
        samples.push({ metric: stringRecord(item.metric), value: pair[1] });
      }
    }
    return samples;
  }

  /** All values of a label. */
  async labelValues(label: string, signal?: AbortSignal): Promise<string[]> {
    const data = await this.#request(
      `/api/v1/label/${encodeURIComponent(label)}/values`,
      { method: 'GET' },
      signal,
    );
    if (!Array.isArray(data)) {
      throw new PrometheusUnavailableError(
        `the label values of ${label} are not a list`,
      );
    }
    return data.filter((v): v is string => typeof v === 'string');
  }

  /** All alerting rules. */
  async alertRules(signal?: AbortSignal): Promise<PrometheusAlertRule[]> {
    const data = await this.#request(
      '/api/v1/rules?type=alert',
      { method: 'GET' },
      signal,
    );
    const rules: PrometheusAlertRule[] = [];
    if (!isRecord(data) || !Array.isArray(data.groups)) {
      throw new PrometheusUnavailableError(
        '/api/v1/rules answered "success" without a list of rule groups',
      );
    }
    const groups = data.groups;
    for (const group of groups) {
      if (!isRecord(group) || !Array.isArray(group.rules)) {
        continue;
      }
      for (const rule of group.rules) {
        if (
          isRecord(rule) &&
          rule.type === 'alerting' &&
          typeof rule.name === 'string'
        ) {
          rules.push({
            name: rule.name,
            group: typeof group.name === 'string' ? group.name : '',
            query: typeof rule.query === 'string' ? rule.query : '',
            labels: stringRecord(rule.labels),
            annotations: stringRecord(rule.annotations),
          });
        }
      }
    }
    return rules;
  }

  async #request(
    path: string,
    init: { method: 'GET' | 'POST'; body?: URLSearchParams },
    signal?: AbortSignal,
  ): Promise<unknown> {
    await this.#acquire();
    const timeout = AbortSignal.timeout(this.#timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    try {
      let response: Response;
      try {
        response = await this.#fetch(`${this.#baseUrl}${path}`, {
          method: init.method,
          body: init.body,
          headers: {
            Accept: 'application/json',
            ...(init.body
              ? { 'Content-Type': 'application/x-www-form-urlencoded' }
              : {}),
            ...this.#headers,
          },
          signal: combined,
        });
      } catch (error) {
        if (timeout.aborted) {
          throw new PrometheusUnavailableError(
            `request timed out after ${this.#timeoutMs} ms`,
          );
        }
        if (signal?.aborted) {
          throw error;
        }
        // Errors of the global fetch may come from another realm (jest):
        // recognise them by shape, not by instanceof.
        const cause = isError(error)
          ? (error as { cause?: unknown }).cause
          : undefined;
        throw new PrometheusUnavailableError(
          `${isError(error) ? error.message : String(error)}${
            isError(cause) ? `: ${cause.message}` : ''
          }`,
        );
      }

      let body: unknown;
      try {
        body = await response.json();
      } catch {
        body = undefined;
      }
      const apiError =
        isRecord(body) && body.status === 'error'
          ? `${String(body.errorType ?? 'error')}: ${String(body.error ?? '')}`
          : undefined;
      if (response.status === 400 || response.status === 422) {
        throw new PrometheusQueryError(apiError ?? `HTTP ${response.status}`);
      }
      if (!response.ok) {
        throw new PrometheusUnavailableError(
          `HTTP ${response.status} ${response.statusText}${
            apiError ? ` (${apiError})` : ''
          }`.trim(),
        );
      }
      if (!isRecord(body) || body.status !== 'success') {
        throw new PrometheusUnavailableError(
          apiError ?? `${path} did not answer like the Prometheus API`,
        );
      }
      return body.data;
    } finally {
      this.#release();
    }
  }

  async #acquire(): Promise<void> {
    if (this.#active < this.#maxConcurrent) {
      this.#active += 1;
      return;
    }
    await new Promise<void>(resolve => this.#waiting.push(resolve));
  }

  #release(): void {
    const next = this.#waiting.shift();
    if (next) {
      next(); // hand the slot over
    } else {
      this.#active -= 1;
    }
  }
}
