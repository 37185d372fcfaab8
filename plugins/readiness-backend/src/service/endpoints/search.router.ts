import type { Response } from 'express';
import { exportFileName } from '../exportFileName';
import { sendJson } from '../sendJson';
import type {
  ReadinessApiRouter,
  RouterDependencies,
} from '../RouterDependencies';

/** Writes a chunk, waiting for the client to drain a full buffer. */
async function write(res: Response, chunk: Buffer): Promise<void> {
  if (!res.write(chunk)) {
    await new Promise<void>(resolve => res.once('drain', resolve));
  }
}

/**
 * Binds search by gaps and its CSV/JSON export.
 *
 * @internal
 */
export function bindSearchEndpoints(
  router: ReadinessApiRouter,
  deps: RouterDependencies,
): void {
  const { httpAuth, search } = deps;

  router.get('/search', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    await sendJson(res, await search.search(req.query, { credentials }));
  });

  router.get('/export', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const { format = 'csv', ...params } = req.query;
    // Validates the filters before anything is sent.
    const body = await search.exportBody(params, format, { credentials });
    const stamp = new Date().toISOString().slice(0, 10);
    res.status(200);
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader(
      'Content-Type',
      format === 'json'
        ? 'application/json; charset=utf-8'
        : 'text/csv; charset=utf-8',
    );
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="${exportFileName(params, stamp, format)}"`,
    );
    for await (const chunk of body) {
      await write(res, chunk);
    }
    res.end();
  });
}
