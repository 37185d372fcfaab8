import { parseEntityRefParam } from '../../lib/parseEntityRefParam';
import type {
  ReadinessApiRouter,
  RouterDependencies,
} from '../RouterDependencies';
import { audited } from '../audited';
import { sendPrepared } from '../sendPrepared';

/**
 * Binds one entity's scorecard, its refresh, and batch summaries.
 *
 * @internal
 */
export function bindEntitiesEndpoints(
  router: ReadinessApiRouter,
  deps: RouterDependencies,
): void {
  const { httpAuth, auditor, scorecards, search } = deps;

  router.get('/entities/:kind/:namespace/:name', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const entityRef = parseEntityRefParam('entity reference', req.params);
    await sendPrepared(
      res,
      await scorecards.getScorecardJson(entityRef, { credentials }),
    );
  });

  router.post('/entities/:kind/:namespace/:name/refresh', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const entityRef = parseEntityRefParam('entity reference', req.params);
    const scorecard = await audited(
      auditor,
      {
        eventId: 'entity-refresh',
        severityLevel: 'low',
        request: req,
        meta: { entityRef },
      },
      () => scorecards.refresh(entityRef, { credentials }),
    );
    res.json(scorecard);
  });

  router.post('/summaries', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res.json({
      items: await search.summaries(req.body.entityRefs, { credentials }),
    });
  });
}
