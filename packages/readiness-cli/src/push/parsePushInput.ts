import fs from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '@backstage/errors';
import type { PushFactsRequest } from '@prodready/plugin-readiness-common';

/** A JSON value, as `POST /facts` takes it. */
type JsonValue = PushFactsRequest['facts'][string];

/**
 * The options of `readiness push` that make the request body.
 *
 * @public
 */
export interface PushInputOptions {
  entity: string;
  fact: string[];
  file?: string;
  observedAt?: string;
}

/** Fact keys as the backend accepts them (`readiness.pushedFacts`). */
const FACT_KEY = /^[A-Za-z][A-Za-z0-9_-]{0,127}$/;

function isRecord(value: unknown): value is Record<string, JsonValue> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads `key=value`: the value as JSON when it is JSON (`83.5`, `true`,
 * `{"p99Ms":180}`), else as a string.
 *
 * @public
 */
export function parseFactArgument(argument: string): [string, JsonValue] {
  const at = argument.indexOf('=');
  if (at <= 0) {
    throw new InputError(
      `Invalid --fact '${argument}': expected key=value, e.g. coverage=83.5`,
    );
  }
  const key = argument.slice(0, at).trim();
  if (!FACT_KEY.test(key)) {
    throw new InputError(
      `Invalid --fact '${argument}': the key '${key}' must be letters, digits, - and _ starting with a letter`,
    );
  }
  const raw = argument.slice(at + 1);
  try {
    return [key, JSON.parse(raw) as JsonValue];
  } catch {
    return [key, raw];
  }
}

/**
 * Builds the body of `POST /facts` from `--fact` arguments and a `--file`
 * (a JSON object of fact key → value, or `{ facts, observedAt }`); `--fact`
 * wins over the file for the same key.
 *
 * @public
 */
export async function parsePushInput(
  options: PushInputOptions,
  cwd: string,
): Promise<PushFactsRequest> {
  const facts: Record<string, JsonValue> = {};
  let observedAt = options.observedAt;
  if (options.file) {
    const file = path.resolve(cwd, options.file);
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (error) {
      throw new InputError(
        `Cannot read --file ${options.file}: ${
          (error as NodeJS.ErrnoException).code ?? 'unreadable'
        }`,
      );
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new InputError(
        `Invalid --file ${options.file}: not JSON (${
          (error as Error).message
        })`,
      );
    }
    if (!isRecord(parsed)) {
      throw new InputError(
        `Invalid --file ${options.file}: expected a JSON object of fact key to value`,
      );
    }
    const wrapped = isRecord(parsed.facts) ? parsed.facts : undefined;
    Object.assign(facts, wrapped ?? parsed);
    if (wrapped && typeof parsed.observedAt === 'string') {
      observedAt ??= parsed.observedAt;
    }
  }
  for (const argument of options.fact) {
    const [key, value] = parseFactArgument(argument);
    facts[key] = value;
  }
  if (Object.keys(facts).length === 0) {
    throw new InputError('Nothing to push: give --fact key=value or --file');
  }
  return {
    entityRef: options.entity,
    facts,
    ...(observedAt !== undefined && { observedAt }),
  };
}
