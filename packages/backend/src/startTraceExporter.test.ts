import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { startTraceExporter } from './startTraceExporter';

jest.setTimeout(60_000);

/** A stand-in OTLP/HTTP collector that keeps the bodies it receives. */
async function startCollector() {
  const bodies: Array<{ path: string; body: string }> = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', chunk => {
      body += chunk;
    });
    req.on('end', () => {
      bodies.push({ path: req.url ?? '', body });
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{}');
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    bodies,
    close: () => new Promise(resolve => server.close(resolve)),
  };
}

/**
 * What the backend does at start and the readiness plugin for each full
 * rescore, in a separate Node process: the OTLP exporter loads its HTTP
 * transport with a dynamic import, which Jest's module sandbox refuses.
 */
const SCRIPT = `
import { trace } from ${JSON.stringify(require.resolve('@opentelemetry/api'))};
import { startTraceExporter } from ${JSON.stringify(
  path.join(__dirname, 'startTraceExporter.ts'),
)};
const provider = startTraceExporter();
trace.getTracer('readiness').startActiveSpan('readiness.rescore', span => {
  span.setAttribute('readiness.run.id', 'run-1');
  span.end();
});
provider.forceFlush().then(() => provider.shutdown());
`;

describe('startTraceExporter', () => {
  it('registers nothing without a collector', () => {
    expect(startTraceExporter({})).toBeUndefined();
  });

  it("sends the plugin's spans to the collector named by OTEL_EXPORTER_OTLP_ENDPOINT", async () => {
    const collector = await startCollector();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trace-exporter-'));
    const script = path.join(dir, 'emit.ts');
    fs.writeFileSync(script, SCRIPT);
    try {
      await promisify(execFile)(process.execPath, ['--import', 'tsx', script], {
        cwd: path.resolve(__dirname, '..'),
        env: {
          ...process.env,
          OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
          OTEL_SERVICE_NAME: 'readiness-test',
        },
      });

      expect(collector.bodies.map(b => b.path)).toEqual(['/v1/traces']);
      const [{ body }] = collector.bodies;
      expect(body).toContain('"name":"readiness.rescore"');
      expect(body).toContain('"readiness.run.id"');
      expect(body).toContain('"stringValue":"readiness-test"');
    } finally {
      await collector.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
