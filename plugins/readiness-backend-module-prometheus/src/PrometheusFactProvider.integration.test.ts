/*
 * Runs the provider against a REAL Prometheus: the test starts its own
 * `prometheus` (Debian package `prometheus`) on a free port with a temporary
 * config that scrapes a tiny metrics server served by this test every second,
 * waits for the scrapes, then checks the signals, probes, SLOs and alert
 * rules the provider finds.
 */
import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import {
  compileCheckPack,
  createCheckPack,
  evaluateEntity,
  type MetricsFacts,
} from '@prodready/plugin-readiness-common';
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo, createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_PROMETHEUS_QUERIES } from './defaultQueries';
import { PrometheusFactProvider } from './PrometheusFactProvider';

const hasPrometheus =
  spawnSync('prometheus', ['--version'], { stdio: 'ignore' }).status === 0;

// Skipped, with this message, only when no `prometheus` binary is on PATH
// (install it with `apt-get install -y prometheus`); the provider's logic is
// also covered against a fake Prometheus in PrometheusFactProvider.test.ts.
const maybe = hasPrometheus ? describe : describe.skip;
if (!hasPrometheus) {
  // eslint-disable-next-line no-console
  console.warn(
    'Skipping the real-Prometheus integration test: no `prometheus` binary on PATH (apt-get install -y prometheus)',
  );
}

async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>(resolve => server.close(() => resolve()));
  return port;
}

/** Serves Prometheus text-format metrics that grow on every scrape. */
async function startMetricsServer(): Promise<{ server: Server; port: number }> {
  let scrapes = 0;
  const server = createServer((_request, response) => {
    scrapes += 1;
    const n = scrapes;
    const lines = [
      '# TYPE http_server_request_duration_seconds histogram',
      `http_server_request_duration_seconds_bucket{service="checkout",le="0.05"} ${
        n * 6
      }`,
      `http_server_request_duration_seconds_bucket{service="checkout",le="0.25"} ${
        n * 9
      }`,
      `http_server_request_duration_seconds_bucket{service="checkout",le="+Inf"} ${
        n * 10
      }`,
      `http_server_request_duration_seconds_sum{service="checkout"} ${n * 1.2}`,
      `http_server_request_duration_seconds_count{service="checkout"} ${
        n * 10
      }`,
      '# TYPE http_requests_total counter',
      `http_requests_total{service="checkout",status="200"} ${n * 9}`,
      `http_requests_total{service="checkout",status="503"} ${n}`,
      '# TYPE process_cpu_seconds_total counter',
      `process_cpu_seconds_total{service="checkout"} ${(n * 0.25).toFixed(2)}`,
      '# TYPE probe_success gauge',
      'probe_success{service="checkout",target="https://checkout.example.com/health"} 1',
      '# TYPE probe_ssl_earliest_cert_expiry gauge',
      `probe_ssl_earliest_cert_expiry{service="checkout",target="https://checkout.example.com/health"} ${
        Math.floor(Date.now() / 1000) + 60 * 86400
      }`,
      '# TYPE slo:sli_error:ratio_rate5m gauge',
      'slo:sli_error:ratio_rate5m{sloth_service="checkout",sloth_slo="availability"} 0.001',
      '',
    ];
    response.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4' });
    response.end(lines.join('\n'));
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

async function waitFor<T>(
  what: string,
  attempt: () => Promise<T | undefined>,
  deadlineMs: number,
  diagnostics: () => string,
): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    try {
      const value = await attempt();
      if (value !== undefined) {
        return value;
      }
    } catch {
      // not yet
    }
    if (Date.now() > deadline) {
      throw new Error(
        `Timed out waiting for ${what}. Prometheus said:\n${diagnostics()}`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 250));
  }
}

function service(name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name },
    spec: { type: 'service', owner: 'checkout', lifecycle: 'production' },
  };
}

maybe('PrometheusFactProvider against a real Prometheus', () => {
  let dir: string;
  let metrics: Server;
  let prometheus: ChildProcess;
  let baseUrl: string;
  let output = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'readiness-prometheus-'));
    const target = await startMetricsServer();
    metrics = target.server;
    writeFileSync(
      join(dir, 'rules.yml'),
      [
        'groups:',
        '  - name: checkout.rules',
        '    rules:',
        '      - alert: CheckoutHighErrorRate',
        '        expr: sum(rate(http_requests_total{service="checkout",status=~"5.."}[5m])) / sum(rate(http_requests_total{service="checkout"}[5m])) > 0.5',
        '        labels:',
        '          severity: page',
        '        annotations:',
        '          runbook_url: https://wiki.example.com/runbooks/checkout',
        '  - name: sloth-slo-sli-recordings-checkout-availability',
        '    rules:',
        '      - alert: CheckoutAvailabilityBudgetBurn',
        '        expr: (max(slo:sli_error:ratio_rate5m{sloth_id="checkout-availability", sloth_service="checkout", sloth_slo="availability"} > (14.4 * 0.001)) without (sloth_window)) and (max(slo:sli_error:ratio_rate1h{sloth_id="checkout-availability", sloth_service="checkout", sloth_slo="availability"} > (14.4 * 0.001)) without (sloth_window))',
        '        labels:',
        '          sloth_severity: page',
        '      - alert: BillingDown',
        '        expr: up{job="billing"} == 0',
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(dir, 'prometheus.yml'),
      [
        'global:',
        '  scrape_interval: 1s',
        '  evaluation_interval: 1s',
        'rule_files:',
        `  - ${join(dir, 'rules.yml')}`,
        'scrape_configs:',
        '  - job_name: checkout',
        '    static_configs:',
        `      - targets: ['127.0.0.1:${target.port}']`,
        '',
      ].join('\n'),
    );
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    prometheus = spawn(
      'prometheus',
      [
        `--config.file=${join(dir, 'prometheus.yml')}`,
        `--storage.tsdb.path=${join(dir, 'data')}`,
        `--web.listen-address=127.0.0.1:${port}`,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-4000);
    };
    prometheus.stdout?.on('data', keep);
    prometheus.stderr?.on('data', keep);

    await waitFor(
      'Prometheus to be ready',
      async () => ((await fetch(`${baseUrl}/-/ready`)).ok ? true : undefined),
      20_000,
      () => output,
    );
    // rate() over [5m] needs two samples; wait for a few scrapes.
    await waitFor(
      'three scrapes of the metrics server',
      async () => {
        const response = await fetch(`${baseUrl}/api/v1/query`, {
          method: 'POST',
          body: new URLSearchParams({
            query:
              'count_over_time(http_requests_total{service="checkout",status="200"}[1m])',
          }),
        });
        const body = (await response.json()) as {
          data?: { result?: Array<{ value: [number, string] }> };
        };
        const count = Number(body.data?.result?.[0]?.value[1] ?? 0);
        return count >= 3 ? count : undefined;
      },
      30_000,
      () => output,
    );
  }, 60_000);

  afterAll(async () => {
    if (prometheus && prometheus.exitCode === null) {
      const exited = new Promise(resolve => prometheus.once('exit', resolve));
      prometheus.kill('SIGTERM');
      await exited;
    }
    await new Promise<void>(resolve =>
      metrics ? metrics.close(() => resolve()) : resolve(),
    );
    if (dir) {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  function provider() {
    return PrometheusFactProvider.create({
      config: {
        baseUrl,
        headers: {},
        timeoutMs: 5000,
        cacheTtlMs: 60_000,
        serviceLabel: 'service',
        maxConcurrentQueries: 4,
        alertRules: true,
        queries: DEFAULT_PROMETHEUS_QUERIES,
      },
      logger: mockServices.logger.mock(),
    });
  }

  const context = () => ({
    logger: mockServices.logger.mock(),
    signal: new AbortController().signal,
    runId: 'integration',
  });

  it('finds the four golden signals, probes, SLOs and alert rules of a live service', async () => {
    const result = await provider().collect(service('checkout'), context());
    expect(result.metrics.status).toBe('ok');
    const facts = result.metrics.data as MetricsFacts;

    expect(facts.signals.latency).toMatchObject({
      present: true,
      query: expect.stringContaining(
        'http_server_request_duration_seconds_bucket{service="checkout"}',
      ),
    });
    expect(Number(facts.signals.latency?.sample)).toBeGreaterThan(0);
    expect(facts.signals.traffic).toMatchObject({
      present: true,
      query:
        'sum(rate(http_server_request_duration_seconds_count{service="checkout"}[5m]))',
    });
    expect(Number(facts.signals.traffic?.sample)).toBeGreaterThan(0);
    expect(facts.signals.errors).toMatchObject({
      present: true,
      query: expect.stringContaining('http_requests_total'),
    });
    const errorRatio = Number(facts.signals.errors?.sample);
    expect(errorRatio).toBeGreaterThan(0);
    expect(errorRatio).toBeLessThan(1);
    expect(facts.signals.saturation).toMatchObject({
      present: true,
      query: 'max(rate(process_cpu_seconds_total{service="checkout"}[5m]))',
    });

    expect(facts.probes).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^probe_success\{.*service="checkout".*target="https:\/\/checkout\.example\.com\/health"\} = 1$/,
        ),
      ]),
    );
    expect(facts.slos).toEqual([
      expect.stringMatching(
        /^slo:sli_error:ratio_rate5m\{.*sloth_service="checkout",sloth_slo="availability"\} = 0\.001$/,
      ),
    ]);
    expect(facts.alertRules).toEqual([
      'CheckoutAvailabilityBudgetBurn',
      'CheckoutHighErrorRate',
    ]);
    expect(facts.alertRunbooks).toEqual([
      'CheckoutHighErrorRate: https://wiki.example.com/runbooks/checkout',
    ]);
    expect(facts.burnRateAlerts).toEqual(['CheckoutAvailabilityBudgetBurn']);
    expect(facts.tlsProbes).toEqual([
      expect.stringMatching(
        /^probe_ssl_earliest_cert_expiry\{.*target="https:\/\/checkout\.example\.com\/health"\}: (59|60) days left$/,
      ),
    ]);
    expect(facts.httpsWithoutTlsProbe).toEqual([]);
  });

  it('reports no signals for a service Prometheus does not know', async () => {
    const result = await provider().collect(service('ghost'), context());
    expect(result.metrics).toMatchObject({
      status: 'ok',
      data: {
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
  });

  describe('three example services: observed, claimed and unknown', () => {
    const pack = compileCheckPack(createCheckPack());
    /** Each claims on-call, a dashboard and an SLO in the catalog. */
    function claiming(name: string): Entity {
      const entity = service(name);
      entity.metadata.annotations = {
        'pagerduty.com/service-id': `P${name.toUpperCase()}`,
        'prodready.io/slo-url': `https://slo.example.com/${name}`,
      };
      entity.metadata.links = [
        {
          url: `https://grafana.example.com/d/${name}`,
          title: 'Service dashboard',
          type: 'dashboard',
        },
        {
          url: `https://wiki.example.com/runbooks/${name}`,
          title: 'Runbook',
          type: 'runbook',
        },
      ];
      return entity;
    }

    const OBSERVING = [
      'monitoring.alerts',
      'monitoring.dashboard',
      'monitoring.slo',
    ];

    async function states(
      entity: Entity,
      from: PrometheusFactProvider,
    ): Promise<Record<string, { state: string; strengths: string[] }>> {
      const collected = await from.collect(entity, context());
      const card = evaluateEntity(pack, {
        entityRef: `component:default/${entity.metadata.name}`,
        namespaces: {
          entity: { status: 'ok', data: entity },
          ...collected,
        },
      });
      return Object.fromEntries(
        card.results
          .filter(r => OBSERVING.includes(r.checkId))
          .map(r => [
            r.checkId,
            {
              state: r.state,
              strengths: r.evidence.map(e => e.strength ?? 'none'),
            },
          ]),
      );
    }

    it('checkout: what the catalog claims, Prometheus shows (observed)', async () => {
      const result = await states(claiming('checkout'), provider());
      for (const checkId of OBSERVING) {
        expect(result[checkId].state).toBe('pass');
        expect(result[checkId].strengths[0]).toBe('observed');
      }
    });

    it('billing: claims Prometheus does not show (claimed, not observed)', async () => {
      const result = await states(claiming('billing'), provider());
      for (const checkId of OBSERVING) {
        expect(result[checkId].state).toBe('claimed');
      }
    });

    it('ledger: Prometheus cannot be reached, live checks are unknown', async () => {
      const down = PrometheusFactProvider.create({
        config: {
          baseUrl: `http://127.0.0.1:${await freePort()}`,
          headers: {},
          timeoutMs: 2000,
          cacheTtlMs: 60_000,
          serviceLabel: 'service',
          maxConcurrentQueries: 4,
          alertRules: true,
          queries: DEFAULT_PROMETHEUS_QUERIES,
        },
        logger: mockServices.logger.mock(),
      });
      const collected = await down.collect(claiming('ledger'), context());
      expect(collected.metrics.status).toBe('unavailable');
      const card = evaluateEntity(pack, {
        entityRef: 'component:default/ledger',
        namespaces: {
          entity: { status: 'ok', data: claiming('ledger') },
          ...collected,
        },
      });
      const stateOf = (id: string) =>
        card.results.find(r => r.checkId === id)?.state;
      for (const signal of ['latency', 'traffic', 'errors', 'saturation']) {
        expect(stateOf(`monitoring.${signal}`)).toBe('unknown');
      }
      // Reality cannot be asked: the claims stand on the catalog's word.
      for (const checkId of OBSERVING) {
        expect(stateOf(checkId)).toBe('pass');
      }
    });
  });
});
