import { stringifyEntityRef } from '@backstage/catalog-model';
import { readinessEntityRefreshPermission } from '@prodready/plugin-readiness-common';
import type {
  ReadinessApiRouter,
  RouterDependencies,
} from '../RouterDependencies';
import { audited } from '../audited';

/**
 * Binds one entity's scorecard, its refresh, and batch summaries.
 *
 * @internal
 */
export function bindEntitiesEndpoints(
  router: ReadinessApiRouter,
  deps: RouterDependencies,
): void {
  const { httpAuth, auditor, authorizer, scorecards, scoring, search } = deps;

  router.get('/entities/:kind/:namespace/:name', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const entityRef = stringifyEntityRef(req.params);
    const visible = await authorizer.assertVisible(credentials, entityRef);
    res.json(await scorecards.getScorecard(entityRef, visible));
  });

  router.post('/entities/:kind/:namespace/:name/refresh', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const entityRef = stringifyEntityRef(req.params);
    await audited(
      auditor,
      {
        eventId: 'entity-refresh',
        severityLevel: 'low',
        request: req,
        meta: { entityRef },
      },
      async () => {
        await authorizer.authorize(
          credentials,
          readinessEntityRefreshPermission,
        );
        const entity = await authorizer.getVisibleEntity(
          credentials,
          entityRef,
        );
        await scoring.scoreEntity(entity);
      },
    );
    const visible = await authorizer.getVisibleEntityRefs(credentials);
    res.json(await scorecards.getScorecard(entityRef, visible));
  });

  router.post('/summaries', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const visible = await authorizer.getVisibleEntityRefs(credentials);
    res.json({ items: await search.summaries(req.body.entityRefs, visible) });
  });
}
