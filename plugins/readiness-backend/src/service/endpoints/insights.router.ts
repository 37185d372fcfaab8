import { parseEntityRefParam } from '../../lib/parseEntityRefParam';
import type { TrendPoint } from '@prodready/plugin-readiness-common';
import { sendJson } from '../sendJson';
import type {
  ReadinessApiRouter,
  RouterDependencies,
} from '../RouterDependencies';

/**
 * Binds roll-ups (of the organisation and of one team, system or domain),
 * trend and champions.
 *
 * @internal
 */
export function bindInsightsEndpoints(
  router: ReadinessApiRouter,
  deps: RouterDependencies,
): void {
  const trendBodies = new WeakMap<TrendPoint[], { points: TrendPoint[] }>();
  const { httpAuth, insights } = deps;

  router.get('/rollups', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    await sendJson(
      res,
      await insights.rollups(
        req.query.groupBy,
        { includeChildren: req.query.includeChildren ?? false },
        { credentials },
      ),
    );
  });

  router.get('/rollups/:kind/:namespace/:name', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const entityRef = parseEntityRefParam('entity reference', req.params);
    await sendJson(
      res,
      await insights.entityRollup(entityRef, { credentials }),
    );
  });

  router.get('/trend', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const points = await insights.trend(
      { days: req.query.days ?? 90, owner: req.query.owner },
      { credentials },
    );
    // The model returns the same array while its trend is cached.
    let body = trendBodies.get(points);
    if (!body) {
      body = { points };
      trendBodies.set(points, body);
    }
    await sendJson(res, body);
  });

  router.get('/champions', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    await sendJson(
      res,
      await insights.champions(
        { checkId: req.query.checkId, limit: req.query.limit ?? 3 },
        { credentials },
      ),
    );
  });
}
