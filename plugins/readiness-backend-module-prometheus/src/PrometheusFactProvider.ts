import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type {
  FactNamespace,
  MetricsFacts,
  SignalEvidence,
} from '@prodready/plugin-readiness-common';
import type {
  FactProviderContext,
  ReadinessFactProvider,
} from '@prodready/plugin-readiness-node';
import { classifyAlertRules, ServiceAlertRules } from './classifyAlertRules';
import { GOLDEN_SIGNALS } from './defaultQueries';
import {
  PrometheusAlertRule,
  PrometheusClient,
  PrometheusQueryError,
  PrometheusSample,
  PrometheusUnavailableError,
} from './PrometheusClient';
import type { PrometheusConfig } from './readPrometheusConfig';

/**
 * Annotation naming the service's label value in Prometheus.
 *
 * @public
 */
export const ANNOTATION_PROMETHEUS_SERVICE_NAME = 'prometheus.io/service-name';

const ANNOTATION_KUBERNETES_ID = 'backstage.io/kubernetes-id';

/** How long Prometheus is left alone after it failed to answer. */
const BACKOFF_MS = 30_000;
/** Most probe or SLO series listed. */
const MAX_SERIES = 10;

/**
 * Options of {@link PrometheusFactProvider.create}.
 *
 * @public
 */
export interface PrometheusFactProviderOptions {
  /** The module's settings, from `readiness.prometheus`. */
  config: PrometheusConfig;
  /** Where failed templates and an unreachable Prometheus are reported. */
  logger: LoggerService;
  /** The fetch to use (tests). */
  fetch?: typeof fetch;
  /** Clock for caches and back-off (tests). */
  now?: () => number;
}

/**
 * The label value that identifies an entity's service in Prometheus:
 * annotation `prometheus.io/service-name`, else `backstage.io/kubernetes-id`,
 * else the entity name.
 *
 * @public
 */
export function readPrometheusServiceName(entity: Entity): string {
  const annotations = entity.metadata.annotations ?? {};
  for (const key of [
    ANNOTATION_PROMETHEUS_SERVICE_NAME,
    ANNOTATION_KUBERNETES_ID,
  ]) {
    const value = annotations[key];
    if (typeof value === 'string' && value.trim()) {
      return value.trim();
    }
  }
  return entity.metadata.name;
}

/** Escapes a value for a double-quoted PromQL string. */
function promqlString(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n');
}

/**
 * Fills in a query template for one service.
 *
 * @public
 */
export function expandPrometheusQuery(
  template: string,
  options: { service: string; label: string },
): string {
  const service = promqlString(options.service);
  return template
    .replace(/\$selector\b/g, `${options.label}="${service}"`)
    .replace(/\$label\b/g, options.label)
    .replace(/\$service\b/g, service);
}

function usesServiceLabel(template: string): boolean {
  return /\$(selector|label)\b/.test(template);
}

/** A sample value for humans: four significant digits. */
function formatSample(value: string): string {
  const number = Number(value);
  if (!Number.isFinite(number)) {
    return value;
  }
  return String(Number(number.toPrecision(4)));
}

function describeSeries(sample: PrometheusSample): string {
  const { __name__: name = '', ...labels } = sample.metric;
  const selector = Object.entries(labels)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => `${key}="${promqlString(value)}"`)
    .join(',');
  return `${name}{${selector}} = ${formatSample(sample.value)}`;
}

/** URLs of the entity's runbook links (type `runbook`, or so titled). */
function runbookLinksOf(entity: Entity): string[] {
  return (entity.metadata.links ?? [])
    .filter(
      link =>
        typeof link?.url === 'string' &&
        (/^runbooks?$/i.test(link.type ?? '') ||
          /runbook/i.test(link.title ?? '')),
    )
    .map(link => link.url);
}

/** The probed endpoint of a blackbox series: its `instance` or `target`. */
function endpointOf(sample: PrometheusSample): string | undefined {
  return sample.metric.instance ?? sample.metric.target;
}

/**
 * TLS expiry probes with the days left, and the HTTPS endpoints that are
 * probed without one.
 */
function describeTls(
  probes: PrometheusSample[],
  tls: PrometheusSample[],
  now: number,
): Pick<MetricsFacts, 'tlsProbes' | 'httpsWithoutTlsProbe'> {
  const covered = new Set(tls.map(endpointOf));
  const tlsProbes = Array.from(
    new Set(
      tls.map(sample => {
        const days = Math.floor((Number(sample.value) * 1000 - now) / 86400000);
        const { __name__: name = '', ...labels } = sample.metric;
        const selector = Object.entries(labels)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([key, value]) => `${key}="${promqlString(value)}"`)
          .join(',');
        return `${name}{${selector}}: ${
          Number.isFinite(days) ? `${days} days left` : sample.value
        }`;
      }),
    ),
  )
    .sort()
    .slice(0, MAX_SERIES);
  const httpsWithoutTlsProbe = Array.from(
    new Set(
      probes
        .map(endpointOf)
        .filter(
          (endpoint): endpoint is string =>
            typeof endpoint === 'string' &&
            /^https:\/\//i.test(endpoint) &&
            !covered.has(endpoint),
        ),
    ),
  )
    .sort()
    .slice(0, MAX_SERIES);
  return { tlsProbes, httpsWithoutTlsProbe };
}

/**
 * Fills the `metrics` namespace ({@link @prodready/plugin-readiness-common#MetricsFacts})
 * with live evidence from Prometheus:
 *
 * - each golden signal: the templates of the signal are tried in order and
 *   the first that returns a series is the evidence (query and a sample
 *   value); none → `present: false`;
 * - probes (`probe_success`) and SLO series (Sloth recording rules): every
 *   series found, as `name{labels} = value`; SLOs are listed in `probes` too;
 * - alert rules from `/api/v1/rules` whose labels or expression select the
 *   service (`<label>="<service>"`, or Sloth's `sloth_service`, or a Pyrra
 *   `slo` label), those with an http(s) `runbook_url` annotation (marked
 *   when it is the catalog's runbook link), and those shaped like SLO
 *   burn-rate alerts (Sloth, Pyrra, OpenSLO; see `classifyAlertRules`);
 * - TLS expiry probes (`probe_ssl_earliest_cert_expiry`) with the days
 *   left, and the `https://` probe endpoints that have none.
 *
 * Efficiency: the values of the service label are read once per `cacheTtl`;
 * for a service that has none of them, templates that select by the label
 * are skipped without a request. Requests are bounded by
 * `maxConcurrentQueries`. When Prometheus cannot be reached (network error,
 * timeout, 5xx), the namespace is `unavailable` with the reason and further
 * entities are answered the same way without a request for 30 s.
 *
 * @public
 */
export class PrometheusFactProvider implements ReadinessFactProvider {
  /** Unique among providers; names this one in logs and traces. */
  readonly id = 'prometheus';
  /** The provider fills only the `metrics` namespace. */
  readonly namespaces = ['metrics'];

  readonly #config: PrometheusConfig;
  readonly #logger: LoggerService;
  readonly #client: PrometheusClient;
  readonly #now: () => number;
  #labelValues?: { at: number; values: Promise<Set<string> | undefined> };
  #rules?: { at: number; rules: Promise<PrometheusAlertRule[] | undefined> };
  #down?: { until: number; reason: string };
  readonly #warnedTemplates = new Set<string>();

  /** Creates the provider. */
  static create(
    options: PrometheusFactProviderOptions,
  ): PrometheusFactProvider {
    return new PrometheusFactProvider(options);
  }

  private constructor(options: PrometheusFactProviderOptions) {
    this.#config = options.config;
    this.#logger = options.logger;
    this.#now = options.now ?? Date.now;
    this.#client = new PrometheusClient({
      baseUrl: options.config.baseUrl,
      headers: options.config.headers,
      timeoutMs: options.config.timeoutMs,
      maxConcurrent: options.config.maxConcurrentQueries,
      fetch: options.fetch,
    });
  }

  /**
   * Fills the `metrics` namespace of one entity: its golden signals, alert
   * rules, probes, SLO and TLS series, or `not-configured` / `unavailable` with
   * the reason.
   */
  async collect(
    entity: Entity,
    context: FactProviderContext,
  ): Promise<Record<string, FactNamespace<unknown>>> {
    return { metrics: await this.#collect(entity, context) };
  }

  async #collect(
    entity: Entity,
    context: FactProviderContext,
  ): Promise<FactNamespace<MetricsFacts>> {
    const now = this.#now();
    if (this.#down && now < this.#down.until) {
      return { status: 'unavailable', reason: this.#down.reason };
    }
    const service = readPrometheusServiceName(entity);
    const label = this.#config.serviceLabel;
    try {
      const known = await this.#knownServices();
      const skipLabelled = known !== undefined && !known.has(service);
      const run = (template: string) =>
        skipLabelled && usesServiceLabel(template)
          ? Promise.resolve([])
          : this.#query(template, { service, label }, context);

      const signalEntries = await Promise.all(
        GOLDEN_SIGNALS.map(async signal => {
          for (const template of this.#config.queries[signal]) {
            const samples = await run(template);
            if (samples.length > 0) {
              const evidence: SignalEvidence = {
                present: true,
                query: expandPrometheusQuery(template, { service, label }),
                sample: formatSample(samples[0].value),
              };
              return [signal, evidence] as const;
            }
          }
          return [signal, { present: false }] as const;
        }),
      );
      const seriesOf = async (templates: string[]) => {
        const found = new Set<string>();
        for (const template of templates) {
          for (const sample of await run(template)) {
            found.add(describeSeries(sample));
          }
        }
        return Array.from(found).sort().slice(0, MAX_SERIES);
      };
      const samplesOf = async (templates: string[]) =>
        (await Promise.all(templates.map(run))).flat();
      const [probeSamples, slos, tlsSamples, rules] = await Promise.all([
        samplesOf(this.#config.queries.probes),
        seriesOf(this.#config.queries.slos),
        samplesOf(this.#config.queries.tls),
        this.#alertRulesFor(entity, service, context),
      ]);
      const probes = Array.from(new Set(probeSamples.map(describeSeries)))
        .sort()
        .slice(0, MAX_SERIES);

      const facts: MetricsFacts = {
        source: 'prometheus',
        signals: Object.fromEntries(signalEntries),
        probes: [...probes, ...slos],
        slos,
        ...describeTls(probeSamples, tlsSamples, this.#now()),
      };
      if (rules) {
        facts.alertRules = rules.alertRules;
        facts.alertRunbooks = rules.alertRunbooks;
        facts.burnRateAlerts = rules.burnRateAlerts;
      }
      return {
        status: 'ok',
        data: facts,
        collectedAt: new Date().toISOString(),
      };
    } catch (error) {
      if (error instanceof PrometheusUnavailableError) {
        const reason = `Prometheus at ${this.#config.baseUrl} is unavailable: ${
          error.message
        }`;
        this.#down = { until: this.#now() + BACKOFF_MS, reason };
        this.#logger.warn(reason, { runId: context.runId });
        return { status: 'unavailable', reason };
      }
      throw error;
    }
  }

  async #query(
    template: string,
    vars: { service: string; label: string },
    context: FactProviderContext,
  ): Promise<PrometheusSample[]> {
    try {
      return await this.#client.query(
        expandPrometheusQuery(template, vars),
        context.signal,
      );
    } catch (error) {
      if (error instanceof PrometheusQueryError) {
        // A bad template: say so once, and treat it as no data.
        if (!this.#warnedTemplates.has(template)) {
          this.#warnedTemplates.add(template);
          this.#logger.warn(
            `Prometheus rejected the query template ${template}: ${error.message}`,
          );
        }
        return [];
      }
      throw error;
    }
  }

  /**
   * Values of the service label, cached; undefined when unknown. Shared by
   * all entities, so it runs on its own timeout, not on a caller's signal.
   */
  async #knownServices(): Promise<Set<string> | undefined> {
    const now = this.#now();
    if (
      !this.#labelValues ||
      now - this.#labelValues.at >= this.#config.cacheTtlMs
    ) {
      const values = this.#client
        .labelValues(this.#config.serviceLabel)
        .then(list => new Set(list))
        .catch(error => {
          this.#labelValues = undefined;
          if (error instanceof PrometheusUnavailableError) {
            throw error;
          }
          return undefined;
        });
      this.#labelValues = { at: now, values };
    }
    return this.#labelValues.values;
  }

  async #alertRulesFor(
    entity: Entity,
    service: string,
    context: FactProviderContext,
  ): Promise<ServiceAlertRules | undefined> {
    if (!this.#config.alertRules) {
      return undefined;
    }
    const now = this.#now();
    if (!this.#rules || now - this.#rules.at >= this.#config.cacheTtlMs) {
      const rules = this.#client.alertRules().catch(error => {
        // A Prometheus-compatible store without a ruler: rules are unknown.
        this.#logger.info(
          `Reading alert rules from ${this.#config.baseUrl} failed: ${
            error instanceof Error ? error.message : String(error)
          }`,
          { runId: context.runId },
        );
        return undefined;
      });
      this.#rules = { at: now, rules };
    }
    const rules = await this.#rules.rules;
    if (!rules) {
      return undefined;
    }
    return classifyAlertRules(rules, {
      service,
      serviceLabel: this.#config.serviceLabel,
      runbookLinks: runbookLinksOf(entity),
    });
  }
}
