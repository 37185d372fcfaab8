import type { Request, Response } from 'express';
import type { PreparedJson } from './PreparedJson';

/** Whether `If-None-Match` names one of the ETags (weak comparison). */
function matches(header: string | undefined, etags: string[]): boolean {
  if (!header) {
    return false;
  }
  if (header.trim() === '*') {
    return true;
  }
  return header
    .split(',')
    .map(tag => tag.trim().replace(/^W\//, ''))
    .some(tag => etags.includes(tag));
}

/** Whether the client takes gzip (`Accept-Encoding`, without `q=0`). */
function acceptsGzip(req: Request): boolean {
  const header = req.headers['accept-encoding'];
  if (typeof header !== 'string') {
    return false;
  }
  return header.split(',').some(part => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding.trim() !== 'gzip' && coding.trim() !== '*') {
      return false;
    }
    return !params.some(p => /^\s*q\s*=\s*0(\.0*)?\s*$/.test(p));
  });
}

/**
 * Sends a prepared JSON body with its own strong ETag: 304 without a body
 * when `If-None-Match` names it, otherwise the bytes, gzip-compressed once
 * per body when the client accepts it. Express's ETag hashing and the
 * backend's compression middleware are bypassed (the ETag and the encoding
 * are set before the body). `Cache-Control: private, no-cache`: a browser
 * may keep the body but revalidates each time, since what a caller may see
 * changes with its permissions.
 *
 * @internal
 */
export async function sendPrepared(
  res: Response,
  prepared: PreparedJson,
): Promise<void> {
  const req = res.req;
  const gzip = prepared.compressible && acceptsGzip(req);
  res.setHeader('Cache-Control', 'private, no-cache');
  res.setHeader('Vary', 'Accept-Encoding');
  res.setHeader('ETag', gzip ? prepared.gzipEtag : prepared.etag);
  if (
    matches(req.headers['if-none-match'], [prepared.etag, prepared.gzipEtag])
  ) {
    res.status(304).end();
    return;
  }
  const body = gzip ? await prepared.gzipped() : await prepared.identity();
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  if (gzip) {
    res.setHeader('Content-Encoding', 'gzip');
  }
  res.setHeader('Content-Length', body.length);
  res.status(200).end(body);
}
