import type {
  ReadinessApiRouter,
  RouterDependencies,
} from '../RouterDependencies';

/**
 * Binds `GET /health` (unauthenticated) and `GET /checks`.
 *
 * @internal
 */
export function bindChecksEndpoints(
  router: ReadinessApiRouter,
  deps: RouterDependencies,
): void {
  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/checks', async (req, res) => {
    await deps.httpAuth.credentials(req);
    res.json(deps.pack.toResponse());
  });
}
