import express from 'express';
import request from 'supertest';
import { trace } from '@opentelemetry/api';
import {
  ReadinessMetrics,
  type ReadinessMeter,
} from '../observability/ReadinessMetrics';
import { requestMetricsMiddleware } from './requestMetricsMiddleware';

type Measurement = [string, number, Record<string, string | number>?];

function recordingMeter(measurements: Measurement[]): ReadinessMeter {
  const instrument = (name: string) => ({
    record: (value: number, attributes?: Record<string, string | number>) =>
      measurements.push([name, value, attributes]),
    add: (value: number, attributes?: Record<string, string | number>) =>
      measurements.push([name, value, attributes]),
    addCallback: () => undefined,
  });
  return {
    createHistogram: instrument,
    createCounter: instrument,
    createUpDownCounter: instrument,
    createObservableGauge: instrument,
  };
}

function appWith(measurements: Measurement[]) {
  const metrics = ReadinessMetrics.create(
    recordingMeter(measurements),
    trace.getTracer('test'),
  );
  const app = express();
  app.use(
    '/api/readiness',
    requestMetricsMiddleware(metrics, [
      '/health',
      '/entities/{kind}/{namespace}/{name}',
      '/entities/{kind}/{namespace}/{name}/refresh',
    ]),
  );
  app.get('/api/readiness/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/api/readiness/entities/:kind/:namespace/:name', (req, res) => {
    res.status(req.params.name === 'boom' ? 500 : 200).json({});
  });
  return app;
}

const durations = (
  measurements: Measurement[],
): Array<Record<string, string | number>> =>
  measurements
    .filter(([name]) => name === 'readiness.http.server.request.duration')
    .map(([, seconds, attributes]) => ({ seconds, ...attributes }));

describe('requestMetricsMiddleware', () => {
  it('records each request with its OpenAPI route, method and status, not the raw path', async () => {
    const measurements: Measurement[] = [];
    const app = appWith(measurements);
    await request(app).get(
      '/api/readiness/entities/component/default/payments',
    );
    await request(app).get('/api/readiness/entities/component/default/boom');
    await request(app).post('/api/readiness/entities/api/team-a/x/refresh');
    await request(app).get('/api/readiness/nope');

    expect(durations(measurements)).toEqual([
      {
        seconds: expect.any(Number),
        'http.request.method': 'GET',
        'http.route': '/entities/{kind}/{namespace}/{name}',
        'http.response.status_code': 200,
      },
      {
        seconds: expect.any(Number),
        'http.request.method': 'GET',
        'http.route': '/entities/{kind}/{namespace}/{name}',
        'http.response.status_code': 500,
      },
      {
        seconds: expect.any(Number),
        'http.request.method': 'POST',
        'http.route': '/entities/{kind}/{namespace}/{name}/refresh',
        'http.response.status_code': 404,
      },
      {
        seconds: expect.any(Number),
        'http.request.method': 'GET',
        'http.route': 'unknown',
        'http.response.status_code': 404,
      },
    ]);
    for (const { seconds } of durations(measurements)) {
      expect(Number(seconds)).toBeGreaterThanOrEqual(0);
    }
  });

  it('counts requests in flight up and back down', async () => {
    const measurements: Measurement[] = [];
    await request(appWith(measurements)).get('/api/readiness/health');
    const active = measurements.filter(
      ([name]) => name === 'readiness.http.server.active_requests',
    );
    expect(active).toEqual([
      [
        'readiness.http.server.active_requests',
        1,
        { 'http.request.method': 'GET' },
      ],
      [
        'readiness.http.server.active_requests',
        -1,
        { 'http.request.method': 'GET' },
      ],
    ]);
  });

  it('knows every path of the readiness OpenAPI spec by default', async () => {
    const measurements: Measurement[] = [];
    const metrics = ReadinessMetrics.create(recordingMeter(measurements));
    const app = express();
    app.use(requestMetricsMiddleware(metrics));
    app.use((_req, res) => {
      res.status(204).end();
    });
    await request(app).get('/runs/0b5e3c1e');
    await request(app).delete('/exemptions/42');
    await request(app).get('/search');
    expect(durations(measurements).map(d => d['http.route'])).toEqual([
      '/runs/{id}',
      '/exemptions/{id}',
      '/search',
    ]);
  });
});
