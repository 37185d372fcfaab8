import { InputError } from '@backstage/errors';
import type { NextFunction, Request, Response } from 'express';
import {
  describeInputValue,
  hasControlCharacters,
} from '../lib/describeInputValue';

/** The first string with control characters in a value, keys included. */
function findControlText(
  value: unknown,
  allowLineBreaks: boolean,
): string | undefined {
  if (typeof value === 'string') {
    return hasControlCharacters(value, { allowLineBreaks }) ? value : undefined;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found =
        (hasControlCharacters(key) ? key : undefined) ??
        findControlText(item, allowLineBreaks);
      if (found !== undefined) {
        return found;
      }
    }
  }
  return undefined;
}

/** The parameter and value at fault, or undefined when the request is clean. */
function findFault(req: Request): [string, string] | undefined {
  for (const segment of req.path.split('/')) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return ['path segment', segment];
    }
    if (hasControlCharacters(decoded)) {
      return ['path segment', decoded];
    }
  }
  const sources: Array<[unknown, boolean]> = [
    [req.query, false],
    // Free text in a body (an exemption reason) may span lines.
    [req.body, true],
  ];
  for (const [source, allowLineBreaks] of sources) {
    if (typeof source === 'string' || Array.isArray(source)) {
      const found = findControlText(source, allowLineBreaks);
      if (found !== undefined) {
        return ['body', found];
      }
      continue;
    }
    for (const [name, value] of Object.entries(source ?? {})) {
      const found =
        (hasControlCharacters(name) ? name : undefined) ??
        findControlText(value, allowLineBreaks);
      if (found !== undefined) {
        return [describeInputValue(name), found];
      }
    }
  }
  return undefined;
}

/**
 * Refuses, with a 400 naming the parameter, any request whose path, query
 * parameters or JSON body carry control characters (NUL and the other C0
 * and C1 controls; strings in a JSON body may hold tabs and line breaks) or
 * a path that is not valid percent-encoding. No value of this API may hold
 * them, and PostgreSQL refuses NUL in text with an error, so they are stopped
 * at the input boundary, before any model, catalog or database call.
 *
 * Runs after the JSON body parser and before the OpenAPI validation.
 *
 * @internal
 */
export function rejectControlCharacters(
  req: Request,
  _res: Response,
  next: NextFunction,
): void {
  const fault = findFault(req);
  if (!fault) {
    next();
    return;
  }
  const [parameter, value] = fault;
  next(
    new InputError(
      `Invalid ${parameter} '${describeInputValue(
        value,
      )}': control characters and malformed percent-encoding are not allowed`,
    ),
  );
}
