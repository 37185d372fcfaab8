import type { Request } from 'express';
import { parseEntityRefParam } from '../../lib/parseEntityRefParam';
import type {
  ReadinessApiRouter,
  RouterDependencies,
} from '../RouterDependencies';
import { audited } from '../audited';

/**
 * Binds the campaigns: reads for every caller (counted on what it may
 * see), audited writes (the service checks `readiness.campaign.manage`).
 *
 * @internal
 */
export function bindCampaignsEndpoints(
  router: ReadinessApiRouter,
  deps: RouterDependencies,
): void {
  const { httpAuth, auditor, campaigns } = deps;
  const audit = <T>(
    req: Request,
    eventId: string,
    meta: Record<string, string>,
    run: () => Promise<T>,
  ) =>
    audited(
      auditor,
      { eventId, severityLevel: 'medium', request: req, meta },
      run,
    );

  router.get('/campaigns', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const owner =
      req.query.owner === undefined
        ? undefined
        : parseEntityRefParam('owner', req.query.owner, {
            defaultKind: 'group',
            defaultNamespace: 'default',
          });
    const items = await campaigns.list(
      { status: req.query.status, owner },
      { credentials },
    );
    res.json({ items });
  });

  router.post('/campaigns', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const created = await audit(
      req,
      'campaign-create',
      { title: req.body.title },
      () => campaigns.create(req.body, { credentials }),
    );
    res.status(201).json(created);
  });

  router.get('/campaigns/:id', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res.json(await campaigns.get(req.params.id, { credentials }));
  });

  router.patch('/campaigns/:id', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const { id } = req.params;
    const updated = await audit(
      req,
      'campaign-update',
      { campaignId: id, fields: Object.keys(req.body).join(',') },
      () => campaigns.update(id, req.body, { credentials }),
    );
    res.json(updated);
  });

  router.post('/campaigns/:id/close', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const { id } = req.params;
    const closed = await audit(req, 'campaign-close', { campaignId: id }, () =>
      campaigns.setClosed(id, true, { credentials }),
    );
    res.json(closed);
  });

  router.post('/campaigns/:id/reopen', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const { id } = req.params;
    const reopened = await audit(
      req,
      'campaign-reopen',
      { campaignId: id },
      () => campaigns.setClosed(id, false, { credentials }),
    );
    res.json(reopened);
  });

  router.get('/campaigns/:id/history', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res.json({
      items: await campaigns.listHistory(req.params.id, { credentials }),
    });
  });

  router.get('/entities/:kind/:namespace/:name/campaigns', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const entityRef = parseEntityRefParam('entity reference', req.params);
    res.json({
      items: await campaigns.listEntityCampaigns(entityRef, { credentials }),
    });
  });
}
