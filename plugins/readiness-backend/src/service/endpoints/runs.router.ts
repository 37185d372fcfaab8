import { readinessRescorePermission } from '@prodready/plugin-readiness-common';
import type {
  ReadinessApiRouter,
  RouterDependencies,
} from '../RouterDependencies';
import { audited } from '../audited';

/**
 * Binds the scoring runs.
 *
 * @internal
 */
export function bindRunsEndpoints(
  router: ReadinessApiRouter,
  deps: RouterDependencies,
): void {
  const { httpAuth, auditor, authorizer, runs } = deps;

  router.get('/runs', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const visible = await authorizer.getVisibleEntityRefs(credentials);
    res.json({ items: await runs.list(req.query.limit ?? 20, visible) });
  });

  router.post('/runs', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const run = await audited(
      auditor,
      { eventId: 'rescore', severityLevel: 'low', request: req },
      async () => {
        await authorizer.authorize(credentials, readinessRescorePermission);
        return runs.start();
      },
    );
    res.status(202).json(run);
  });

  router.get('/runs/:id', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const visible = await authorizer.getVisibleEntityRefs(credentials);
    res.json(await runs.get(req.params.id, visible));
  });
}
