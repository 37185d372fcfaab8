import type { AttestationRequest } from '@prodready/plugin-readiness-common';
import { parseEntityRefParam } from '../../lib/parseEntityRefParam';
import type {
  ReadinessApiRouter,
  RouterDependencies,
} from '../RouterDependencies';
import { audited } from '../audited';

/**
 * Binds the attestations.
 *
 * @internal
 */
export function bindAttestationsEndpoints(
  router: ReadinessApiRouter,
  deps: RouterDependencies,
): void {
  const { httpAuth, auditor, attestations } = deps;

  router.get('/attestations', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const entityRef = parseEntityRefParam('entityRef', req.query.entityRef);
    res.json({ items: await attestations.list(entityRef, { credentials }) });
  });

  router.post('/attestations', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const body = req.body as AttestationRequest;
    const entityRef = parseEntityRefParam('entityRef', body.entityRef);
    const recorded = await audited(
      auditor,
      {
        eventId: 'attestation-create',
        severityLevel: 'medium',
        request: req,
        meta: { entityRef, checkId: body.checkId },
      },
      () => attestations.record({ ...body, entityRef }, { credentials }),
    );
    res.status(201).json(recorded);
  });
}
