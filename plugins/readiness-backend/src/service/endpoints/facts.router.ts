import type { PushFactsRequest } from '@prodready/plugin-readiness-common';
import { parseEntityRefParam } from '../../lib/parseEntityRefParam';
import type {
  ReadinessApiRouter,
  RouterDependencies,
} from '../RouterDependencies';
import { audited } from '../audited';

/**
 * Binds the pushed facts.
 *
 * @internal
 */
export function bindFactsEndpoints(
  router: ReadinessApiRouter,
  deps: RouterDependencies,
): void {
  const { httpAuth, auditor, facts } = deps;

  router.get('/facts', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const entityRef = parseEntityRefParam('entityRef', req.query.entityRef);
    res.json(await facts.list(entityRef, { credentials }));
  });

  router.post('/facts', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const body = req.body as PushFactsRequest;
    const entityRef = parseEntityRefParam('entityRef', body.entityRef);
    const pushed = await audited(
      auditor,
      {
        eventId: 'facts-push',
        severityLevel: 'low',
        request: req,
        meta: { entityRef, keys: Object.keys(body.facts ?? {}) },
      },
      () => facts.push({ ...body, entityRef }, { credentials }),
    );
    res.json(pushed);
  });
}
