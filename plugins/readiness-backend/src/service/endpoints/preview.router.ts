import type { ProposedPackConfig } from '../models/PreviewModel';
import { audited } from '../audited';
import { sendJson } from '../sendJson';
import type {
  ReadinessApiRouter,
  RouterDependencies,
} from '../RouterDependencies';

/** `promote=a,b&promote=c` → `[a, b, c]`. */
function splitIds(values: string[]): string[] {
  return values.flatMap(value => value.split(',')).filter(Boolean);
}

/**
 * Binds the previews of check-pack changes. They change nothing, but a
 * proposed pack is recorded as an audit event (low severity): who looked at
 * which change.
 *
 * @internal
 */
export function bindPreviewEndpoints(
  router: ReadinessApiRouter,
  deps: RouterDependencies,
): void {
  const { httpAuth, auditor, preview } = deps;

  router.get('/preview', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const checkIds = splitIds(req.query.promote);
    await sendJson(
      res,
      await audited(
        auditor,
        {
          eventId: 'pack-change-preview',
          severityLevel: 'low',
          request: req,
          meta: { promote: checkIds },
        },
        () => preview.promote(checkIds, { credentials }),
      ),
    );
  });

  router.post('/preview', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    // The spec validated the shape; the pack itself is validated as config.
    const body = req.body as ProposedPackConfig;
    await sendJson(
      res,
      await audited(
        auditor,
        {
          eventId: 'pack-change-preview',
          severityLevel: 'low',
          request: req,
          meta: {
            checks: body.checks?.length ?? 0,
            levels: body.levels?.length ?? 0,
          },
        },
        () => preview.proposed(body, { credentials }),
      ),
    );
  });
}
