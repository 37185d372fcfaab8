import { ConfigReader } from '@backstage/config';
import { DEFAULT_PROMETHEUS_QUERIES } from './defaultQueries';
import { readPrometheusConfig } from './readPrometheusConfig';

function read(prometheus: unknown) {
  return readPrometheusConfig(
    new ConfigReader({ readiness: { prometheus } } as never),
  );
}

describe('readPrometheusConfig', () => {
  it('is undefined without a baseUrl', () => {
    expect(readPrometheusConfig(new ConfigReader({}))).toBeUndefined();
    expect(read({ timeout: '5s' })).toBeUndefined();
  });

  it('applies the defaults', () => {
    expect(read({ baseUrl: 'http://prometheus:9090/' })).toEqual({
      baseUrl: 'http://prometheus:9090',
      headers: {},
      timeoutMs: 5000,
      cacheTtlMs: 60_000,
      serviceLabel: 'service',
      maxConcurrentQueries: 8,
      alertRules: true,
      queries: DEFAULT_PROMETHEUS_QUERIES,
    });
  });

  it('reads every setting, replacing only the query keys given', () => {
    const config = read({
      baseUrl: 'https://metrics.example.com/prometheus',
      headers: { Authorization: 'Bearer abc' },
      timeout: '2s',
      cacheTtl: { minutes: 5 },
      serviceLabel: 'app_kubernetes_io_name',
      maxConcurrentQueries: 2,
      alertRules: false,
      queries: {
        latency:
          'histogram_quantile(0.99, sum by (le) (rate(latency_bucket{$selector}[5m])))',
        probes: [
          'probe_success{job="blackbox",$selector}',
          'synthetic_ok{$selector}',
        ],
      },
    });
    expect(config).toMatchObject({
      baseUrl: 'https://metrics.example.com/prometheus',
      headers: { Authorization: 'Bearer abc' },
      timeoutMs: 2000,
      cacheTtlMs: 300_000,
      serviceLabel: 'app_kubernetes_io_name',
      maxConcurrentQueries: 2,
      alertRules: false,
    });
    expect(config?.queries.latency).toEqual([
      'histogram_quantile(0.99, sum by (le) (rate(latency_bucket{$selector}[5m])))',
    ]);
    expect(config?.queries.probes).toHaveLength(2);
    expect(config?.queries.traffic).toEqual(DEFAULT_PROMETHEUS_QUERIES.traffic);
  });

  it.each([
    [{ baseUrl: 'not a url' }, 'readiness.prometheus.baseUrl: "not a url"'],
    [{ baseUrl: 'ftp://x' }, 'readiness.prometheus.baseUrl: "ftp://x"'],
    [
      { baseUrl: 'http://p', timeout: 'later' },
      'readiness.prometheus.timeout: "later"',
    ],
    [{ baseUrl: 'http://p', timeout: 0 }, 'readiness.prometheus.timeout: 0'],
    [
      { baseUrl: 'http://p', serviceLabel: 'not-a-label' },
      'readiness.prometheus.serviceLabel: "not-a-label"',
    ],
    [
      { baseUrl: 'http://p', maxConcurrentQueries: 0 },
      'readiness.prometheus.maxConcurrentQueries: 0',
    ],
    [
      { baseUrl: 'http://p', alertRules: 'yes' },
      'readiness.prometheus.alertRules: "yes"',
    ],
    [
      { baseUrl: 'http://p', queries: { latency: [] } },
      'readiness.prometheus.queries.latency: []',
    ],
    [
      { baseUrl: 'http://p', queries: { throughput: 'x' } },
      'readiness.prometheus.queries.throughput: "x"',
    ],
    [
      { baseUrl: 'http://p', queries: 'up' },
      'readiness.prometheus.queries: "up"',
    ],
  ])('rejects %j naming the path and value', (prometheus, message) => {
    expect(() => read(prometheus)).toThrow(message);
  });

  it('names the header keys but never the values of bad headers', () => {
    expect(() =>
      read({
        baseUrl: 'http://p',
        headers: { Authorization: 42, 'X-Key': 'secret' },
      }),
    ).toThrow(/readiness\.prometheus\.headers.*keys: Authorization, X-Key/);
    expect(() =>
      read({ baseUrl: 'http://p', headers: { 'X-Key': 'secret', Bad: 1 } }),
    ).not.toThrow(/secret/);
  });
});
