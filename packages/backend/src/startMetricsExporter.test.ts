import net from 'node:net';
import { metrics } from '@opentelemetry/api';
import {
  mockCredentials,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { MeterProvider } from '@opentelemetry/sdk-metrics';
import readinessPlugin from '@prodready/plugin-readiness-backend';
import { startMetricsExporter } from './startMetricsExporter';

jest.setTimeout(60_000);

/** A port nothing listens on right now. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise(resolve => server.close(resolve));
  return port;
}

describe('startMetricsExporter', () => {
  let provider: MeterProvider | undefined;

  afterEach(async () => {
    await provider?.shutdown();
    metrics.disable();
  });

  it("serves the readiness plugin's golden signals for Prometheus", async () => {
    const port = await freePort();
    await new Promise<void>((resolve, reject) => {
      provider = startMetricsExporter({
        port,
        host: '127.0.0.1',
        onStarted: error => (error ? reject(error) : resolve()),
      });
    });

    const backend = await startTestBackend({
      features: [readinessPlugin, catalogServiceMock.factory()],
    });
    try {
      const { port: backendPort } = backend.server.address() as net.AddressInfo;
      const api = `http://127.0.0.1:${backendPort}/api/readiness`;
      expect((await fetch(`${api}/health`)).status).toBe(200);
      const checks = await fetch(`${api}/checks`, {
        headers: { Authorization: mockCredentials.user.header() },
      });
      expect(checks.status).toBe(200);
      // A bad parameter: rejected by validation, and still counted.
      const bad = await fetch(`${api}/search?limit=-3`, {
        headers: { Authorization: mockCredentials.user.header() },
      });
      expect(bad.status).toBe(400);

      const scrape = await fetch(`http://127.0.0.1:${port}/metrics`);
      expect(scrape.status).toBe(200);
      const text = await scrape.text();
      const count = (route: string, status: number) =>
        new RegExp(
          `^readiness_http_server_request_duration_count\\{[^}]*http_route="${route}"[^}]*http_response_status_code="${status}"[^}]*\\} 1$`,
          'm',
        );
      expect(text).toMatch(/^target_info\{[^}]*service_name="backstage"/m);
      expect(text).toMatch(count('/health', 200));
      expect(text).toMatch(count('/checks', 200));
      expect(text).toMatch(count('/search', 400));
      expect(text).toMatch(
        /^readiness_http_server_active_requests\{[^}]*http_request_method="GET"[^}]*\} 0$/m,
      );
      // The process's saturation signals, under prom-client's names.
      expect(text).toMatch(/^process_resident_memory_bytes(\{[^}]*\})? \d+/m);
      expect(text).toMatch(/^nodejs_heap_size_used_bytes(\{[^}]*\})? \d+/m);
      expect(text).toMatch(
        /^nodejs_eventloop_lag_p99_seconds(\{[^}]*\})? [\d.e-]+$/m,
      );
      // Buckets are in seconds, the first at 5 ms.
      expect(text).toMatch(
        /^readiness_http_server_request_duration_bucket\{[^}]*http_route="\/health"[^}]*le="0.005"\} [01]$/m,
      );
    } finally {
      await backend.stop();
    }
  });

  it('registers nothing when OTEL_METRICS_EXPORTER is none', () => {
    process.env.OTEL_METRICS_EXPORTER = 'none';
    try {
      expect(startMetricsExporter()).toBeUndefined();
    } finally {
      delete process.env.OTEL_METRICS_EXPORTER;
    }
  });

  it('reports a taken port instead of failing', async () => {
    const blocker = net.createServer();
    await new Promise<void>(resolve => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as net.AddressInfo;
    try {
      const error = await new Promise<Error | undefined>(resolve => {
        provider = startMetricsExporter({
          port,
          host: '127.0.0.1',
          onStarted: resolve,
        });
      });
      expect(error?.message).toMatch(/EADDRINUSE/);
    } finally {
      await new Promise(resolve => blocker.close(resolve));
    }
  });
});
