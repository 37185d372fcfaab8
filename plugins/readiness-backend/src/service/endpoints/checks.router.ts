import type {
  ReadinessApiRouter,
  RouterDependencies,
} from '../RouterDependencies';

/**
 * Binds `GET /health` (unauthenticated: 200 when the database answers, 503
 * otherwise, with the last run's age) and `GET /checks`.
 *
 * @internal
 */
export function bindChecksEndpoints(
  router: ReadinessApiRouter,
  deps: RouterDependencies,
): void {
  router.get('/health', async (_req, res) => {
    const report = await deps.health.report();
    res.status(report.status === 'ok' ? 200 : 503).json(report);
  });

  router.get('/checks', async (req, res) => {
    await deps.httpAuth.credentials(req);
    res.json({ ...deps.pack.toResponse(), setup: deps.setup() });
  });
}
