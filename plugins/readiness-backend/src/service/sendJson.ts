import type { Response } from 'express';

/** Serialised bodies of response objects that are served repeatedly. */
const serialised = new WeakMap<object, string>();

/**
 * Sends a JSON body, reusing the serialisation of an object sent before.
 * Models return the same object for a cached aggregate (roll-ups of a
 * thousand owners are a few hundred kilobytes), so repeated requests skip
 * `JSON.stringify`.
 *
 * @internal
 */
export function sendJson(res: Response, body: object): void {
  let text = serialised.get(body);
  if (text === undefined) {
    text = JSON.stringify(body);
    serialised.set(body, text);
  }
  res.type('application/json').send(text);
}
