import { parseEntityRefParam } from '../../lib/parseEntityRefParam';
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
  const { httpAuth, insights } = deps;

  router.get('/rollups', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    sendJson(
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
    sendJson(res, await insights.entityRollup(entityRef, { credentials }));
  });

  router.get('/trend', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const points = await insights.trend(
      { days: req.query.days ?? 90, owner: req.query.owner },
      { credentials },
    );
    res.json({ points });
  });

  router.get('/champions', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    sendJson(
      res,
      await insights.champions(
        { checkId: req.query.checkId, limit: req.query.limit ?? 3 },
        { credentials },
      ),
    );
  });
}
