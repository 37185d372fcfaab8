import type { Response } from 'express';
import { PreparedJson } from './PreparedJson';
import { sendPrepared } from './sendPrepared';

/** Prepared bodies of response objects that are served repeatedly. */
const prepared = new WeakMap<object, PreparedJson>();

/**
 * Sends a JSON body, reusing the serialisation, ETag and gzip copy of an
 * object sent before (see {@link sendPrepared}). Models return the same
 * object for a cached aggregate (roll-ups of a thousand owners are a few
 * hundred kilobytes), so repeated requests skip `JSON.stringify`, Express's
 * ETag hashing and the compression.
 *
 * @internal
 */
export function sendJson(res: Response, body: object): Promise<void> {
  let json = prepared.get(body);
  if (json === undefined) {
    json = PreparedJson.of(body);
    prepared.set(body, json);
  }
  return sendPrepared(res, json);
}
