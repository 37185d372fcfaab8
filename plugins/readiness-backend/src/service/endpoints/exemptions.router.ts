import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { readinessExemptionManagePermission } from '@prodready/plugin-readiness-common';
import {
  describeCaller,
  type ReadinessApiRouter,
  type RouterDependencies,
} from '../RouterDependencies';
import { audited } from '../audited';

function normaliseRef(parameter: string, ref: string): string {
  try {
    return stringifyEntityRef(parseEntityRef(ref));
  } catch (error) {
    throw new InputError(
      `Invalid ${parameter} '${ref}': ${(error as Error).message}`,
    );
  }
}

/**
 * Binds the exemptions.
 *
 * @internal
 */
export function bindExemptionsEndpoints(
  router: ReadinessApiRouter,
  deps: RouterDependencies,
): void {
  const { httpAuth, auth, auditor, authorizer, exemptions } = deps;

  router.get('/exemptions', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const visible = await authorizer.getVisibleEntityRefs(credentials);
    const entityRef = req.query.entityRef
      ? normaliseRef('entityRef', req.query.entityRef)
      : undefined;
    res.json({
      items: await exemptions.list(
        { entityRef, checkId: req.query.checkId },
        visible,
      ),
    });
  });

  router.post('/exemptions', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    // A second exemption of an entity from a check updates the first.
    const existing = await exemptions.findActive(
      req.body.entityRef,
      req.body.checkId,
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
      async () => {
        await authorizer.authorize(
          credentials,
          readinessExemptionManagePermission,
        );
        const entityRef = normaliseRef('entityRef', req.body.entityRef);
        const entity = await authorizer.getVisibleEntity(
          credentials,
          entityRef,
        );
        return exemptions.create(
          req.body,
          entity,
          describeCaller(auth, credentials),
        );
      },
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
      async () => {
        await authorizer.authorize(
          credentials,
          readinessExemptionManagePermission,
        );
        const exemption = await exemptions.get(req.params.id);
        const visible = await authorizer.getVisibleEntityRefs(credentials);
        if (visible && !visible.includes(exemption.entityRef)) {
          throw new NotFoundError(`No exemption ${req.params.id}`);
        }
        const entity = await authorizer
          .getVisibleEntity(credentials, exemption.entityRef)
          .catch(() => undefined);
        await exemptions.delete(exemption, entity);
      },
    );
    res.status(204).end();
  });
}
