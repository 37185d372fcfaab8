import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { NotAllowedError } from '@backstage/errors';
import { metrics } from '@opentelemetry/api';
import {
  createCheckPack,
  defaultChecks,
} from '@prodready/plugin-readiness-common';
import express from 'express';
import request from 'supertest';
import { ReadinessMetrics } from '../observability/ReadinessMetrics';
import { PackIndex } from '../pack/PackIndex';
import { PreparedJson } from './PreparedJson';
import { createRouter } from './createRouter';
import { ReadinessHealth } from './ReadinessHealth';
import type { RouterDependencies } from './RouterDependencies';

jest.setTimeout(60_000);

const USER = 'user:default/jane';

/** The router with every authorized service mocked: binders only parse, call and answer. */
async function appWith() {
  const services = {
    scorecards: {
      getScorecard: jest.fn(),
      getScorecardJson: jest.fn(),
      refresh: jest.fn(),
    },
    search: {
      search: jest.fn(),
      exportBody: jest.fn(),
      summaries: jest.fn(),
    },
    insights: {
      rollups: jest.fn(),
      trend: jest.fn(),
      champions: jest.fn(),
      entityRollup: jest.fn(),
    },
    runs: {
      list: jest.fn(),
      get: jest.fn(),
      start: jest.fn(),
      schedule: jest.fn().mockResolvedValue({}),
    },
    exemptions: {
      list: jest.fn(),
      findActive: jest.fn(),
      create: jest.fn(),
      delete: jest.fn(),
    },
    facts: { push: jest.fn(), list: jest.fn() },
    attestations: { list: jest.fn(), record: jest.fn() },
    preview: { promote: jest.fn(), proposed: jest.fn() },
    campaigns: {
      list: jest.fn(),
      get: jest.fn(),
      listHistory: jest.fn(),
      listEntityCampaigns: jest.fn(),
      create: jest.fn(),
      update: jest.fn(),
      setClosed: jest.fn(),
    },
  };
  const auditor = mockServices.auditor.mock();
  const deps: RouterDependencies = {
    httpAuth: mockServices.httpAuth({
      defaultCredentials: mockCredentials.none(),
    }),
    logger: mockServices.logger.mock(),
    auditor,
    health: ReadinessHealth.create({
      checkDatabase: async () => {},
      listRuns: async () => [],
    }),
    pack: new PackIndex(createCheckPack({ checks: defaultChecks })),
    setup: () => ({ missing: [] }),
    metrics: ReadinessMetrics.create(metrics.getMeter('test')),
    ...services,
  };
  const app = express();
  app.use(await createRouter(deps));
  app.use(
    MiddlewareFactory.create({
      config: mockServices.rootConfig(),
      logger: mockServices.logger.mock(),
    }).error(),
  );
  return { app, services, auditor };
}

const auth = mockCredentials.user.header(USER);

describe('createRouter', () => {
  it('hands the parsed ref and the caller credentials to the scorecard service', async () => {
    const { app, services } = await appWith();
    services.scorecards.getScorecardJson.mockResolvedValue(
      PreparedJson.of({ entity: {} }),
    );
    const res = await request(app)
      .get('/entities/Component/default/Payments-API')
      .set('Authorization', auth);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ entity: {} });
    expect(services.scorecards.getScorecardJson).toHaveBeenCalledWith(
      'component:default/payments-api',
      { credentials: mockCredentials.user(USER) },
    );
  });

  it('answers 400 for a bad ref and 401 without a token, without calling a service', async () => {
    const { app, services } = await appWith();
    const bad = await request(app)
      .get('/entities/%2E%2E/default/x')
      .set('Authorization', auth);
    expect(bad.status).toBe(400);
    const anonymous = await request(app).get('/entities/component/default/x');
    expect(anonymous.status).toBe(401);
    expect(services.scorecards.getScorecardJson).not.toHaveBeenCalled();
  });

  it('audits writes with their outcome, refusals included', async () => {
    const { app, services, auditor } = await appWith();
    services.runs.start.mockRejectedValue(new NotAllowedError('no'));
    const res = await request(app).post('/runs').set('Authorization', auth);
    expect(res.status).toBe(403);
    expect(auditor.createEvent).toHaveBeenCalledWith(
      expect.objectContaining({ eventId: 'rescore' }),
    );
  });

  it('hands repeated and comma-separated promote ids to the preview service, audited', async () => {
    const { app, services, auditor } = await appWith();
    services.preview.promote.mockResolvedValue({ entities: 0 });
    const res = await request(app)
      .get(
        '/preview?promote=runbook.runbook,delivery.ci&promote=tracing.instrumented',
      )
      .set('Authorization', auth);
    expect(res.status).toBe(200);
    expect(services.preview.promote).toHaveBeenCalledWith(
      ['runbook.runbook', 'delivery.ci', 'tracing.instrumented'],
      { credentials: mockCredentials.user(USER) },
    );
    expect(auditor.createEvent).toHaveBeenCalledWith(
      expect.objectContaining({ eventId: 'pack-change-preview' }),
    );
  });

  it('answers 400 naming promote when it is missing, and 401 without a token', async () => {
    const { app, services } = await appWith();
    const missing = await request(app)
      .get('/preview')
      .set('Authorization', auth);
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toMatch(/promote/);
    const anonymous = await request(app).post('/preview').send({ checks: [] });
    expect(anonymous.status).toBe(401);
    expect(services.preview.promote).not.toHaveBeenCalled();
    expect(services.preview.proposed).not.toHaveBeenCalled();
  });
});
