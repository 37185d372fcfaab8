import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import type { MetricsFacts } from '@prodready/plugin-readiness-common';
import { DEFAULT_PROMETHEUS_QUERIES } from './defaultQueries';
import {
  expandPrometheusQuery,
  PrometheusFactProvider,
  readPrometheusServiceName,
} from './PrometheusFactProvider';
import type { PrometheusConfig } from './readPrometheusConfig';
import {
  EMPTY,
  FakePrometheus,
  startFakePrometheus,
  vector,
} from './testing/startFakePrometheus';

function service(
  name: string,
  annotations: Record<string, string> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, annotations },
    spec: { type: 'service', owner: 'payments', lifecycle: 'production' },
  };
}

function config(
  baseUrl: string,
  overrides: Partial<PrometheusConfig> = {},
): PrometheusConfig {
  return {
    baseUrl,
    headers: {},
    timeoutMs: 5000,
    cacheTtlMs: 60_000,
    serviceLabel: 'service',
    maxConcurrentQueries: 4,
    alertRules: true,
    queries: DEFAULT_PROMETHEUS_QUERIES,
    ...overrides,
  };
}

function context() {
  return {
    logger: mockServices.logger.mock(),
    signal: new AbortController().signal,
    runId: 'run-1',
  };
}

const RULES = {
  body: {
    status: 'success',
    data: {
      groups: [
        {
          name: 'payments.rules',
          rules: [
            {
              type: 'alerting',
              name: 'PaymentsApiHighLatency',
              query:
                'histogram_quantile(0.95, sum by (le) (rate(http_server_request_duration_seconds_bucket{service="payments-api"}[5m]))) > 0.5',
              labels: { severity: 'page' },
            },
            {
              type: 'alerting',
              name: 'PaymentsApiDown',
              query: 'up{job="payments"} == 0',
              labels: { service: 'payments-api', severity: 'page' },
            },
            {
              type: 'recording',
              name: 'payments:requests:rate5m',
              query:
                'sum(rate(http_requests_total{service="payments-api"}[5m]))',
            },
          ],
        },
        {
          name: 'other.rules',
          rules: [
            {
              type: 'alerting',
              name: 'PaymentsApiCanaryDown',
              query: 'up{service="payments-api-canary"} == 0',
              labels: {},
            },
          ],
        },
      ],
    },
  },
};

describe('PrometheusFactProvider', () => {
  let prometheus: FakePrometheus;
  let running: FakePrometheus | undefined;
  const start = async (...args: Parameters<typeof startFakePrometheus>) => {
    running = await startFakePrometheus(...args);
    return running;
  };
  afterEach(async () => {
    await running?.close();
    running = undefined;
  });

  it('finds every golden signal, probes, SLOs and alert rules with the default queries', async () => {
    prometheus = await start({
      labelValues: () => ({
        body: { status: 'success', data: ['payments-api', 'orders'] },
      }),
      rules: () => RULES,
      query: q => {
        const mine = q.includes('service="payments-api"');
        if (mine && q.includes('http_server_request_duration_seconds_bucket')) {
          return vector({ value: '0.23456789' });
        }
        if (
          q === 'sum(rate(http_requests_total{service="payments-api"}[5m]))'
        ) {
          return vector({ value: '42.5' });
        }
        if (
          mine &&
          q.includes('http_requests_total') &&
          q.includes('status=~"5.."')
        ) {
          return vector({ value: '0' });
        }
        if (
          q ===
          'max(rate(process_cpu_seconds_total{service="payments-api"}[5m]))'
        ) {
          return vector({ value: '0.31' });
        }
        if (q === 'probe_success{service="payments-api"}') {
          return vector({
            metric: {
              __name__: 'probe_success',
              instance: 'https://payments.example.com/health',
              service: 'payments-api',
            },
            value: '1',
          });
        }
        if (q === 'slo:sli_error:ratio_rate5m{sloth_service="payments-api"}') {
          return vector({
            metric: {
              __name__: 'slo:sli_error:ratio_rate5m',
              sloth_service: 'payments-api',
              sloth_slo: 'availability',
            },
            value: '0.0004',
          });
        }
        return EMPTY;
      },
    });
    const provider = PrometheusFactProvider.create({
      config: config(prometheus.baseUrl),
      logger: mockServices.logger.mock(),
    });
    const result = await provider.collect(service('payments-api'), context());

    expect(result.metrics.status).toBe('ok');
    const facts = result.metrics.data as MetricsFacts;
    expect(facts.source).toBe('prometheus');
    expect(facts.signals).toEqual({
      latency: {
        present: true,
        query:
          'histogram_quantile(0.95, sum by (le) (rate(http_server_request_duration_seconds_bucket{service="payments-api"}[5m])))',
        sample: '0.2346',
      },
      traffic: {
        present: true,
        query: 'sum(rate(http_requests_total{service="payments-api"}[5m]))',
        sample: '42.5',
      },
      errors: {
        present: true,
        query: expect.stringContaining(
          'http_requests_total{service="payments-api",status=~"5.."}',
        ),
        sample: '0',
      },
      saturation: {
        present: true,
        query:
          'max(rate(process_cpu_seconds_total{service="payments-api"}[5m]))',
        sample: '0.31',
      },
    });
    expect(facts.slos).toEqual([
      'slo:sli_error:ratio_rate5m{sloth_service="payments-api",sloth_slo="availability"} = 0.0004',
    ]);
    expect(facts.probes).toEqual([
      'probe_success{instance="https://payments.example.com/health",service="payments-api"} = 1',
      'slo:sli_error:ratio_rate5m{sloth_service="payments-api",sloth_slo="availability"} = 0.0004',
    ]);
    expect(facts.alertRules).toEqual([
      'PaymentsApiDown',
      'PaymentsApiHighLatency',
    ]);
  });

  it('reports absent signals, and skips label queries for a service Prometheus has never seen', async () => {
    prometheus = await start({
      labelValues: () => ({ body: { status: 'success', data: ['orders'] } }),
    });
    const provider = PrometheusFactProvider.create({
      config: config(prometheus.baseUrl),
      logger: mockServices.logger.mock(),
    });
    const result = await provider.collect(service('ghost'), context());
    expect(result.metrics).toMatchObject({
      status: 'ok',
      data: {
        source: 'prometheus',
        signals: {
          latency: { present: false },
          traffic: { present: false },
          errors: { present: false },
          saturation: { present: false },
        },
        probes: [],
        slos: [],
        alertRules: [],
      },
    });
    // Only the Sloth queries, which select by sloth_service, were sent.
    expect(prometheus.requests.map(r => r.query).filter(Boolean)).toEqual([
      'slo:sli_error:ratio_rate5m{sloth_service="ghost"}',
      'slo:objective:ratio{sloth_service="ghost"}',
    ]);
  });

  it('uses the configured label, templates, headers and the service-name annotation', async () => {
    prometheus = await start({
      labelValues: label => ({
        body: {
          status: 'success',
          data: label === 'app' ? ['pay "v2"'] : [],
        },
      }),
      query: q =>
        q === 'sum(rate(requests{app="pay \\"v2\\""}[1m]))'
          ? vector({ value: '7' })
          : EMPTY,
    });
    const provider = PrometheusFactProvider.create({
      config: config(prometheus.baseUrl, {
        serviceLabel: 'app',
        headers: { Authorization: 'Bearer test-token' },
        alertRules: false,
        queries: {
          ...DEFAULT_PROMETHEUS_QUERIES,
          traffic: ['sum(rate(requests{$selector}[1m]))'],
        },
      }),
      logger: mockServices.logger.mock(),
    });
    const result = await provider.collect(
      service('payments-api', {
        'prometheus.io/service-name': 'pay "v2"',
        'backstage.io/kubernetes-id': 'payments',
      }),
      context(),
    );
    const facts = result.metrics.data as MetricsFacts;
    expect(facts.signals.traffic).toEqual({
      present: true,
      query: 'sum(rate(requests{app="pay \\"v2\\""}[1m]))',
      sample: '7',
    });
    expect(facts.alertRules).toBeUndefined();
    expect(prometheus.requests.some(r => r.path === '/api/v1/rules')).toBe(
      false,
    );
    expect(
      prometheus.requests.every(
        r => r.headers.authorization === 'Bearer test-token',
      ),
    ).toBe(true);
  });

  it('treats a rejected query template as no data and warns once', async () => {
    prometheus = await start({
      labelValues: () => ({ body: { status: 'success', data: ['a', 'b'] } }),
      query: q =>
        q.startsWith('broken(')
          ? {
              status: 400,
              body: {
                status: 'error',
                errorType: 'bad_data',
                error: 'parse error: unexpected "("',
              },
            }
          : vector({ value: '1' }),
    });
    const logger = mockServices.logger.mock();
    const provider = PrometheusFactProvider.create({
      config: config(prometheus.baseUrl, {
        alertRules: false,
        queries: {
          ...DEFAULT_PROMETHEUS_QUERIES,
          latency: ['broken($selector'],
        },
      }),
      logger,
    });
    const first = await provider.collect(service('a'), context());
    await provider.collect(service('b'), context());
    const facts = first.metrics.data as MetricsFacts;
    expect(first.metrics.status).toBe('ok');
    expect(facts.signals.latency).toEqual({ present: false });
    expect(facts.signals.traffic?.present).toBe(true);
    const warnings = logger.warn.mock.calls.filter(([m]) =>
      String(m).includes('rejected the query template broken($selector'),
    );
    expect(warnings).toHaveLength(1);
    expect(String(warnings[0][0])).toContain('bad_data: parse error');
  });

  it('is unavailable while Prometheus fails, without asking it for every entity', async () => {
    prometheus = await start({
      labelValues: () => ({
        status: 503,
        body: {
          status: 'error',
          errorType: 'unavailable',
          error: 'TSDB not ready',
        },
      }),
    });
    let now = 1_000_000;
    const provider = PrometheusFactProvider.create({
      config: config(prometheus.baseUrl),
      logger: mockServices.logger.mock(),
      now: () => now,
    });
    const first = await provider.collect(service('a'), context());
    expect(first.metrics).toEqual({
      status: 'unavailable',
      reason: `Prometheus at ${prometheus.baseUrl} is unavailable: HTTP 503 Service Unavailable (unavailable: TSDB not ready)`,
    });
    const requestsAfterFirst = prometheus.requests.length;
    const second = await provider.collect(service('b'), context());
    expect(second.metrics.status).toBe('unavailable');
    expect(prometheus.requests).toHaveLength(requestsAfterFirst);

    prometheus.handlers.labelValues = () => ({
      body: { status: 'success', data: [] },
    });
    now += 30_000;
    const third = await provider.collect(service('c'), context());
    expect(third.metrics.status).toBe('ok');
  });

  it('is unavailable when Prometheus cannot be reached', async () => {
    const stopped = await startFakePrometheus();
    const { baseUrl } = stopped;
    await stopped.close();
    const provider = PrometheusFactProvider.create({
      config: config(baseUrl),
      logger: mockServices.logger.mock(),
    });
    const result = await provider.collect(service('a'), context());
    expect(result.metrics).toMatchObject({
      status: 'unavailable',
      reason: expect.stringMatching(
        new RegExp(
          `^Prometheus at ${baseUrl} is unavailable: fetch failed: .*ECONNREFUSED`,
        ),
      ),
    });
  });

  it('times out a request that takes too long', async () => {
    prometheus = await start({
      labelValues: () => ({ body: { status: 'success', data: ['a'] } }),
      query: () => new Promise(() => {}),
    });
    const provider = PrometheusFactProvider.create({
      config: config(prometheus.baseUrl, { timeoutMs: 100 }),
      logger: mockServices.logger.mock(),
    });
    const result = await provider.collect(service('a'), context());
    expect(result.metrics).toEqual({
      status: 'unavailable',
      reason: `Prometheus at ${prometheus.baseUrl} is unavailable: request timed out after 100 ms`,
    });
  });

  it.each([
    ['a result that is not a list', { resultType: 'vector', result: 'oops' }],
    ['no result type', { result: [] }],
    ['items that are not series', { resultType: 'vector', result: [1, 2] }],
    ['no data at all', null],
  ])(
    'is unavailable, not "no series", when a successful answer has %s',
    async (_what, data) => {
      prometheus = await start({
        labelValues: () => ({ body: { status: 'success', data: ['a'] } }),
        query: () => ({ body: { status: 'success', data } }),
      });
      const provider = PrometheusFactProvider.create({
        config: config(prometheus.baseUrl),
        logger: mockServices.logger.mock(),
      });
      const result = await provider.collect(service('a'), context());
      expect(result.metrics).toEqual({
        status: 'unavailable',
        reason: `Prometheus at ${prometheus.baseUrl} is unavailable: /api/v1/query answered "success" with a malformed result`,
      });
    },
  );

  it('leaves alert rules unknown when the rules API answers without rule groups', async () => {
    prometheus = await start({
      labelValues: () => ({ body: { status: 'success', data: ['a'] } }),
      rules: () => ({ body: { status: 'success', data: { groups: 'x' } } }),
    });
    const provider = PrometheusFactProvider.create({
      config: config(prometheus.baseUrl),
      logger: mockServices.logger.mock(),
    });
    const result = await provider.collect(service('a'), context());
    expect(result.metrics.status).toBe('ok');
    expect((result.metrics.data as MetricsFacts).alertRules).toBeUndefined();
  });

  it('leaves alert rules unknown when the rules API is missing', async () => {
    prometheus = await start({
      labelValues: () => ({ body: { status: 'success', data: ['a'] } }),
      rules: () => ({
        status: 404,
        body: { status: 'error', errorType: 'not_found', error: 'no ruler' },
      }),
    });
    const provider = PrometheusFactProvider.create({
      config: config(prometheus.baseUrl),
      logger: mockServices.logger.mock(),
    });
    const result = await provider.collect(service('a'), context());
    expect(result.metrics.status).toBe('ok');
    expect((result.metrics.data as MetricsFacts).alertRules).toBeUndefined();
  });

  it('reads label values and rules once per cache period', async () => {
    prometheus = await start({
      labelValues: () => ({ body: { status: 'success', data: ['a', 'b'] } }),
    });
    const provider = PrometheusFactProvider.create({
      config: config(prometheus.baseUrl),
      logger: mockServices.logger.mock(),
    });
    await Promise.all(
      ['a', 'b', 'a'].map(name => provider.collect(service(name), context())),
    );
    const count = (path: string) =>
      prometheus.requests.filter(r => r.path === path).length;
    expect(count('/api/v1/label/service/values')).toBe(1);
    expect(count('/api/v1/rules')).toBe(1);
  });
});

describe('readPrometheusServiceName', () => {
  it('prefers the annotation, then the Kubernetes id, then the name', () => {
    expect(
      readPrometheusServiceName(
        service('x', {
          'prometheus.io/service-name': 'svc',
          'backstage.io/kubernetes-id': 'k8s',
        }),
      ),
    ).toBe('svc');
    expect(
      readPrometheusServiceName(
        service('x', { 'backstage.io/kubernetes-id': 'k8s' }),
      ),
    ).toBe('k8s');
    expect(
      readPrometheusServiceName(
        service('x', { 'prometheus.io/service-name': ' ' }),
      ),
    ).toBe('x');
  });
});

describe('expandPrometheusQuery', () => {
  it('fills the placeholders and escapes the value', () => {
    expect(
      expandPrometheusQuery(
        'up{$selector} + on() x{$label=~".+", s="$service"}',
        {
          service: 'a"b\\c',
          label: 'job',
        },
      ),
    ).toBe('up{job="a\\"b\\\\c"} + on() x{job=~".+", s="a\\"b\\\\c"}');
  });
});
