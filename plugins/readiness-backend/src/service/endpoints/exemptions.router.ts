import { parseEntityRefParam } from '../../lib/parseEntityRefParam';
import type {
  ReadinessApiRouter,
  RouterDependencies,
} from '../RouterDependencies';
import { audited } from '../audited';

/**
 * Binds the exemptions.
 *
 * @internal
 */
export function bindExemptionsEndpoints(
  router: ReadinessApiRouter,
  deps: RouterDependencies,
): void {
  const { httpAuth, auditor, exemptions } = deps;

  router.get('/exemptions', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const entityRef = req.query.entityRef
      ? parseEntityRefParam('entityRef', req.query.entityRef)
      : undefined;
    res.json({
      items: await exemptions.list(
        {
          entityRef,
          checkId: req.query.checkId,
          includeExpired: req.query.includeExpired ?? false,
        },
        { credentials },
      ),
    });
  });

  router.post('/exemptions', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    // A second exemption of an entity from a check updates the first.
    const existing = await exemptions.findActive(
      req.body.entityRef,
      req.body.checkId,
      { credentials },
    );
    const created = await audited(
      auditor,
      {
        eventId: existing ? 'exemption-update' : 'exemption-create',
        severityLevel: 'medium',
        request: req,
        meta: existing
          ? {
              entityRef: req.body.entityRef,
              checkId: req.body.checkId,
              exemptionId: existing.id,
            }
          : { entityRef: req.body.entityRef, checkId: req.body.checkId },
      },
      () =>
        exemptions.create(
          {
            ...req.body,
            entityRef: parseEntityRefParam('entityRef', req.body.entityRef),
          },
          { credentials },
        ),
    );
    res.status(201).json(created);
  });

  router.delete('/exemptions/:id', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    await audited(
      auditor,
      {
        eventId: 'exemption-delete',
        severityLevel: 'medium',
        request: req,
        meta: { exemptionId: req.params.id },
      },
      () => exemptions.delete(req.params.id, { credentials }),
    );
    res.status(204).end();
  });
}
