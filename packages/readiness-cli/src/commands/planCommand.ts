import fs from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '@backstage/errors';
import {
  ReadinessApiClient,
  readCheckPackFromConfig,
  summarizePackChange,
  type CheckPack,
  type PackChangePreview,
} from '@prodready/plugin-readiness-common';
import type { Config } from '@backstage/config';
import type { CliContext } from '../CliContext';
import { EXIT_CODES } from '../exitCodes';
import { formatCatalogProblem } from '../files/CatalogProblem';
import { readInput } from '../files/readInput';
import { formatPlanMarkdown, formatPlanTable } from '../format/formatPlan';
import { loadAppConfig } from '../pack/loadAppConfig';
import { loadCheckPack } from '../pack/loadCheckPack';
import { scoreCatalog } from '../report/scoreCatalog';

/**
 * Output formats of `readiness plan`.
 *
 * @public
 */
export const PLAN_FORMATS = ['table', 'json', 'markdown'] as const;

/**
 * The options of `readiness plan`, as Commander parses them.
 *
 * @public
 */
export interface PlanCommandOptions {
  /** The app-config file with the proposed `readiness.checks`/`levels`. */
  pack: string;
  /** The app-config file of the current pack (offline); default pack when absent. */
  base?: string;
  /** A backend to ask instead (`POST /preview`), token from `READINESS_TOKEN`. */
  backend?: string;
  format: string;
  repo?: string | boolean;
  kind: string[];
  followLocations: boolean;
  context: string[];
}

function packOf(config: Config, file: string): CheckPack {
  try {
    return readCheckPackFromConfig(config);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new InputError(`${file}: ${message}`);
  }
}

async function repositoryOption(
  repo: string | boolean | undefined,
  cwd: string,
): Promise<string | false | undefined> {
  if (repo === false) {
    return false;
  }
  if (typeof repo !== 'string') {
    return undefined;
  }
  const directory = path.resolve(cwd, repo);
  const stat = await fs.stat(directory).catch(() => undefined);
  if (!stat?.isDirectory()) {
    throw new InputError(`Not a directory for --repo: ${repo}`);
  }
  return directory;
}

/** The backend's answer for the proposed pack, over what it scores. */
async function planOnBackend(
  files: string[],
  options: PlanCommandOptions,
  proposed: Config,
  context: CliContext,
): Promise<PackChangePreview> {
  if (options.base) {
    throw new InputError(
      "--base is not used with --backend: the backend's pack is the base",
    );
  }
  if (files.length > 0) {
    throw new InputError(
      'Catalog files are not used with --backend: the backend previews the entities it scores',
    );
  }
  const baseUrl = `${options.backend!.replace(/\/+$/, '')}/api/readiness`;
  const client = new ReadinessApiClient({
    discoveryApi: { getBaseUrl: async () => baseUrl },
    ...(context.fetch && { fetchApi: { fetch: context.fetch } }),
  });
  return client.previewPackChange(
    {
      checks: proposed.getOptional<unknown[]>('readiness.checks'),
      levels: proposed.getOptional<unknown[]>('readiness.levels'),
    },
    { token: context.env.READINESS_TOKEN },
  );
}

/**
 * Runs `readiness plan`: what a proposed check pack (`--pack`, an
 * app-config file) would do to levels. Offline, it scores the entities of
 * the catalog files with the current pack (`--base`, or the default) and
 * with the proposed one, and compares; with `--backend`, it asks the
 * backend (`POST /preview`) over the entities the token may read. Prints
 * the level changes by direction, per level pair and per team, the entities
 * and whom a notification would reach.
 *
 * @public
 */
export async function runPlanCommand(
  files: string[],
  options: PlanCommandOptions,
  context: CliContext,
): Promise<number> {
  const { cwd } = context;
  const format = PLAN_FORMATS.find(f => f === options.format);
  if (!format) {
    throw new InputError(
      `Unknown format "${
        options.format
      }" for --format; expected one of ${PLAN_FORMATS.join(', ')}`,
    );
  }
  const proposedConfig = await loadAppConfig([options.pack], cwd);
  let preview: PackChangePreview;
  if (options.backend) {
    preview = await planOnBackend(files, options, proposedConfig, context);
  } else {
    const proposed = packOf(proposedConfig, options.pack);
    const base = await loadCheckPack(options.base ? [options.base] : [], cwd);
    const repository = await repositoryOption(options.repo, cwd);
    const read = await readInput(files, options, cwd);
    for (const problem of read.problems) {
      context.stderr.write(`${formatCatalogProblem(problem)}\n`);
    }
    if (read.problems.some(p => p.severity === 'error')) {
      context.stderr.write(
        'readiness: the input has problems (listed above); a plan over part of it would mislead\n',
      );
      return EXIT_CODES.badInput;
    }
    const score = (pack: CheckPack) =>
      scoreCatalog({
        entities: read.entities,
        contextEntities: read.contextEntities,
        pack,
        repository,
        cwd,
        kinds: options.kind,
        gate: {},
        now: context.now,
      });
    const before = await score(base);
    const after = new Map(
      (await score(proposed)).entities.map(e => [e.entityRef, e]),
    );
    preview = summarizePackChange(
      before.entities.map(entity => ({
        entityRef: entity.entityRef,
        owner: entity.owner,
        from: entity.scorecard.level,
        to: after.get(entity.entityRef)?.scorecard.level,
      })),
      {
        base,
        proposed,
        notificationsEnabled:
          proposedConfig.getOptionalBoolean(
            'readiness.notifications.enabled',
          ) ?? false,
      },
    );
  }
  if (format === 'json') {
    context.stdout.write(`${JSON.stringify(preview, null, 2)}\n`);
  } else if (format === 'markdown') {
    context.stdout.write(formatPlanMarkdown(preview));
  } else {
    context.stdout.write(formatPlanTable(preview));
  }
  return EXIT_CODES.ok;
}
