import { InputError } from '@backstage/errors';
import type { PushedFactsResponse } from '@prodready/plugin-readiness-common';
import type { CliContext } from '../runCli';
import { EXIT_CODES } from '../exitCodes';
import { parsePushInput, type PushInputOptions } from './parsePushInput';

/**
 * Options of `readiness push`.
 *
 * @public
 */
export interface PushCommandOptions extends PushInputOptions {
  backend: string;
}

/** The facts endpoint under a backend base URL (or the plugin's URL). */
function factsUrl(backend: string): URL {
  let base: URL;
  try {
    base = new URL(backend);
  } catch {
    throw new InputError(
      `Invalid --backend '${backend}': expected a URL, e.g. https://backstage.example.com`,
    );
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:') {
    throw new InputError(
      `Invalid --backend '${backend}': expected an http(s) URL`,
    );
  }
  const root = base.pathname.replace(/\/+$/, '');
  base.pathname = root.endsWith('/api/readiness')
    ? `${root}/facts`
    : `${root}/api/readiness/facts`;
  return base;
}

/** The network reason of a failed fetch, e.g. `ECONNREFUSED`. */
function describeFetchError(error: unknown): string {
  const cause = (error as { cause?: unknown }).cause as
    | { code?: string; message?: string; errors?: Array<{ code?: string }> }
    | undefined;
  return (
    cause?.code ??
    cause?.errors?.[0]?.code ??
    cause?.message ??
    (error as Error).message
  );
}

async function readError(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  try {
    const body = JSON.parse(text) as { error?: { message?: string } };
    if (body.error?.message) {
      return body.error.message;
    }
  } catch {
    // not JSON: the status says it
  }
  return text.slice(0, 200) || response.statusText;
}

/**
 * `readiness push`: sends facts computed in CI (coverage, a load-test
 * report, a scan result…) to the readiness backend for one entity, with the
 * token in `READINESS_TOKEN`, and prints what was stored. Exit 0 when
 * stored, 2 when the input, the token or the backend refused it.
 *
 * @public
 */
export async function runPush(
  options: PushCommandOptions,
  context: CliContext,
): Promise<number> {
  const url = factsUrl(options.backend);
  const token = context.env.READINESS_TOKEN;
  if (!token) {
    throw new InputError(
      'READINESS_TOKEN is not set: give a Backstage token (e.g. a static external access token) to push facts',
    );
  }
  const body = await parsePushInput(options, context.cwd);
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Bearer ${token}`,
      },
      body: JSON.stringify(body),
    });
  } catch (error) {
    throw new InputError(
      `Could not reach the backend at ${url.origin}: ${describeFetchError(
        error,
      )}`,
    );
  }
  if (!response.ok) {
    context.stderr.write(
      `readiness: the backend refused the facts (${
        response.status
      }): ${await readError(response)}\n`,
    );
    return EXIT_CODES.badInput;
  }
  const pushed = (await response.json()) as PushedFactsResponse;
  for (const fact of pushed.items) {
    context.stdout.write(
      `${pushed.entityRef} ${fact.key} = ${JSON.stringify(
        fact.value,
      )} (observed ${fact.observedAt}, stale at ${fact.staleAt}${
        fact.stale ? ', already stale' : ''
      })\n`,
    );
  }
  context.stdout.write(
    pushed.rescored
      ? `Rescored ${pushed.entityRef}.\n`
      : `Stored; ${pushed.entityRef} is rescored at its next scoring.\n`,
  );
  return EXIT_CODES.ok;
}
