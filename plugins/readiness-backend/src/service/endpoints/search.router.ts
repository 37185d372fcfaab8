import type { Response } from 'express';
import { EXPORT_CSV_COLUMNS } from '@prodready/plugin-readiness-common';
import { exportFileName } from '../exportFileName';
import { toCsvRow } from '../toCsvRow';
import type {
  ReadinessApiRouter,
  RouterDependencies,
} from '../RouterDependencies';

/** Writes a chunk, waiting for the client to drain a full buffer. */
async function write(res: Response, chunk: string): Promise<void> {
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
    res.json(await search.search(req.query, { credentials }));
  });

  router.get('/export', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const { format = 'csv', ...params } = req.query;
    // Validates the filters before anything is sent.
    const pages = await search.exportPages(params, { credentials });
    const stamp = new Date().toISOString().slice(0, 10);
    res.status(200);
    res.setHeader('Cache-Control', 'no-store');
    if (format === 'json') {
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      res.setHeader(
        'Content-Disposition',
        `attachment; filename="${exportFileName(params, stamp, 'json')}"`,
      );
      let first = true;
      await write(res, '[');
      for await (const items of pages) {
        for (const { ownerContacts: _contacts, ...item } of items) {
          await write(res, `${first ? '' : ','}\n${JSON.stringify(item)}`);
          first = false;
        }
      }
      res.end(first ? ']' : '\n]\n');
      return;
    }
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="${exportFileName(params, stamp, 'csv')}"`,
    );
    await write(res, toCsvRow(EXPORT_CSV_COLUMNS));
    for await (const items of pages) {
      await write(
        res,
        items
          .map(item =>
            toCsvRow(
              EXPORT_CSV_COLUMNS.map(column => {
                const value = item[column];
                return Array.isArray(value) ? value.join(' ') : value;
              }),
            ),
          )
          .join(''),
      );
    }
    res.end();
  });
}
