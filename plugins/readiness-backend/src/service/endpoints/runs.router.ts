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
  const { httpAuth, auditor, runs } = deps;

  router.get('/runs', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const [items, schedule] = await Promise.all([
      runs.list(req.query.limit ?? 20, { credentials }),
      runs.schedule(),
    ]);
    res.json({ items, ...schedule });
  });

  router.post('/runs', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const run = await audited(
      auditor,
      { eventId: 'rescore', severityLevel: 'low', request: req },
      () => runs.start({ credentials }),
    );
    res.status(202).json(run);
  });

  router.get('/runs/:id', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res.json(await runs.get(req.params.id, { credentials }));
  });
}
