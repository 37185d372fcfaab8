import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import type {
  CheckPackResponse,
  EntityScorecardResponse,
  EntitySummary,
} from '@prodready/plugin-readiness-common';
import express from 'express';

/** One scored entity of the fake backend, with its failing check ids. */
export interface FakeScoredEntity {
  summary: EntitySummary;
  failing: string[];
  /** Checks passed on declared evidence only. */
  declaredOnly?: string[];
}

/** How the fake backend behaves. */
export interface FakeReadinessBackendOptions {
  pack: CheckPackResponse;
  entities: FakeScoredEntity[];
  /** Answer `include=failing` with the ids (true) or with 400 (false). */
  supportsIncludeFailing: boolean;
  /** Entities listed by /search but answering 404 on /entities. */
  vanished?: string[];
  /** Entities listed by /search but answering 500 on /entities. */
  broken?: string[];
}

/** What the fake backend saw. */
export interface FakeReadinessBackendCalls {
  paths: string[];
  /** Principal subjects of the callers, e.g. `plugin:search`. */
  callers: string[];
}

function summaryOnly(entity: FakeScoredEntity): EntitySummary {
  return entity.summary;
}

/**
 * A test plugin with id `readiness` that serves `/checks`, `/search` (with
 * cursor paging, two entities a page) and `/entities/...` from fixed data,
 * accepting only service callers, and records what it was asked.
 */
export function createFakeReadinessBackend(
  options: FakeReadinessBackendOptions,
) {
  const calls: FakeReadinessBackendCalls = { paths: [], callers: [] };
  const pageSize = 2;

  const plugin = createBackendPlugin({
    pluginId: 'readiness',
    register(env) {
      env.registerInit({
        deps: {
          httpRouter: coreServices.httpRouter,
          httpAuth: coreServices.httpAuth,
        },
        async init({ httpRouter, httpAuth }) {
          const router = express.Router();
          router.use(async (req, _res, next) => {
            try {
              const credentials = await httpAuth.credentials(req, {
                allow: ['service'],
              });
              calls.callers.push(credentials.principal.subject);
              calls.paths.push(req.url);
              next();
            } catch (error) {
              next(error);
            }
          });
          router.get('/checks', (_req, res) => {
            res.json(options.pack);
          });
          router.get('/search', (req, res) => {
            const include = ([] as unknown[]).concat(req.query.include ?? []);
            const includeFailing = include.length > 0;
            if (includeFailing && !options.supportsIncludeFailing) {
              res.status(400).json({
                error: {
                  name: 'InputError',
                  message: 'unknown parameter include',
                },
                response: { statusCode: 400 },
              });
              return;
            }
            const start = Number(req.query.cursor ?? 0);
            const page = options.entities.slice(start, start + pageSize);
            const next = start + pageSize;
            res.json({
              items: page.map(entity =>
                includeFailing
                  ? {
                      ...entity.summary,
                      failingCheckIds: entity.failing,
                      ...(include.includes('declaredOnly')
                        ? { declaredOnlyCheckIds: entity.declaredOnly ?? [] }
                        : {}),
                    }
                  : summaryOnly(entity),
              ),
              totalCount: options.entities.length,
              nextCursor:
                next < options.entities.length ? String(next) : undefined,
            });
          });
          router.get('/entities/:kind/:namespace/:name', (req, res) => {
            const ref = `${req.params.kind}:${req.params.namespace}/${req.params.name}`;
            const entity = options.entities.find(
              e => e.summary.entityRef === ref,
            );
            if (!entity || options.vanished?.includes(ref)) {
              throw new NotFoundError(`${ref} is not scored`);
            }
            if (options.broken?.includes(ref)) {
              throw new Error(`the store failed reading ${ref}`);
            }
            const response: EntityScorecardResponse = {
              entity: entity.summary,
              blockingCheckIds: [],
              categories: [],
              results: options.pack.checks.map(check => ({
                checkId: check.id,
                state: entity.failing.includes(check.id) ? 'fail' : 'pass',
                reason: 'from the fake backend',
                evidence: [],
                check,
              })),
              history: [],
              trend: [],
            };
            res.json(response);
          });
          httpRouter.use(router);
        },
      });
    },
  });
  return { plugin, calls };
}
