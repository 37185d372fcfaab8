import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the fake answers: a Prometheus API body and an HTTP status. */
export interface FakeAnswer {
  status?: number;
  body: unknown;
}

/** Handlers of the fake Prometheus; each may be replaced during a test. */
export interface FakePrometheusHandlers {
  query(query: string): FakeAnswer | Promise<FakeAnswer>;
  labelValues(label: string): FakeAnswer | Promise<FakeAnswer>;
  rules(): FakeAnswer | Promise<FakeAnswer>;
}

/** A request the fake received. */
export interface FakeRequest {
  method: string;
  path: string;
  query?: string;
  headers: IncomingMessage['headers'];
}

/** A running fake Prometheus on 127.0.0.1 and a random port. */
export interface FakePrometheus {
  baseUrl: string;
  requests: FakeRequest[];
  handlers: FakePrometheusHandlers;
  close(): Promise<void>;
}

/** A vector answer with the given series. */
export function vector(
  ...series: Array<{ metric?: Record<string, string>; value: string }>
): FakeAnswer {
  return {
    body: {
      status: 'success',
      data: {
        resultType: 'vector',
        result: series.map(s => ({
          metric: s.metric ?? {},
          value: [1700000000.123, s.value],
        })),
      },
    },
  };
}

/** An empty vector answer. */
export const EMPTY: FakeAnswer = vector();

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Starts a local HTTP server that speaks the parts of the Prometheus HTTP API
 * the provider uses: `POST /api/v1/query`, `GET /api/v1/label/<l>/values`
 * and `GET /api/v1/rules`.
 */
export async function startFakePrometheus(
  handlers: Partial<FakePrometheusHandlers> = {},
): Promise<FakePrometheus> {
  const requests: FakeRequest[] = [];
  const all: FakePrometheusHandlers = {
    query: () => EMPTY,
    labelValues: () => ({ body: { status: 'success', data: [] } }),
    rules: () => ({ body: { status: 'success', data: { groups: [] } } }),
    ...handlers,
  };
  const send = (response: ServerResponse, answer: FakeAnswer) => {
    response.writeHead(answer.status ?? 200, {
      'Content-Type': 'application/json',
    });
    response.end(JSON.stringify(answer.body));
  };
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const record: FakeRequest = {
      method: request.method ?? 'GET',
      path: url.pathname,
      headers: request.headers,
    };
    requests.push(record);
    try {
      if (url.pathname === '/api/v1/query') {
        const body = await readBody(request);
        const query =
          new URLSearchParams(body).get('query') ??
          url.searchParams.get('query') ??
          '';
        record.query = query;
        send(response, await all.query(query));
        return;
      }
      const label = /^\/api\/v1\/label\/([^/]+)\/values$/.exec(url.pathname);
      if (label) {
        send(response, await all.labelValues(decodeURIComponent(label[1])));
        return;
      }
      if (url.pathname === '/api/v1/rules') {
        send(response, await all.rules());
        return;
      }
      send(response, {
        status: 404,
        body: { status: 'error', errorType: 'not_found', error: 'no route' },
      });
    } catch (error) {
      send(response, {
        status: 500,
        body: { status: 'error', errorType: 'internal', error: String(error) },
      });
    }
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    handlers: all,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close(error => (error ? reject(error) : resolve()));
      }),
  };
}
