import fs from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '@backstage/errors';
import {
  readOwnerShareConfig,
  type CheckPack,
  type OwnerShareThresholds,
} from '@prodready/plugin-readiness-common';
import type { CliContext } from '../CliContext';
import { EXIT_CODES } from '../exitCodes';
import { formatCatalogProblem } from '../files/CatalogProblem';
import { readInput } from '../files/readInput';
import { formatExplain } from '../format/formatExplain';
import { formatJson } from '../format/formatJson';
import { formatMarkdown } from '../format/formatMarkdown';
import { formatSarif } from '../format/formatSarif';
import { formatTable } from '../format/formatTable';
import { loadAppConfig } from '../pack/loadAppConfig';
import { loadCheckPack } from '../pack/loadCheckPack';
import { loadTargets } from '../pack/loadTargets';
import {
  Baseline,
  baselineOfReport,
  compareWithBaseline,
  parseBaseline,
} from '../report/compareWithBaseline';
import {
  GateOptions,
  assertKnownCheck,
  validateGateOptions,
} from '../report/evaluateGate';
import { withGitRefCheckout } from '../report/scoreAtGitRef';
import { scoreCatalog } from '../report/scoreCatalog';
import type { ScoreReport } from '../report/ScoreReport';
import { addExemplars } from '../learn/addExemplars';

/**
 * Output formats of `readiness score`.
 *
 * @public
 */
export const OUTPUT_FORMATS = ['table', 'json', 'markdown', 'sarif'] as const;

/**
 * An output format of `readiness score`.
 *
 * @public
 */
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/**
 * The options of `readiness score`, as Commander parses them.
 *
 * @public
 */
export interface ScoreCommandOptions {
  repo?: string | boolean;
  config: string[];
  format: string;
  minLevel?: string;
  failOn: string[];
  explain?: string;
  kind: string[];
  followLocations: boolean;
  context: string[];
  strict?: boolean;
  baseline?: string;
  baselineRef?: string;
  maxEntities?: string;
  backend?: string;
}

function useColor(context: CliContext): boolean {
  if (context.env.NO_COLOR) {
    return false;
  }
  if (context.env.FORCE_COLOR && context.env.FORCE_COLOR !== '0') {
    return true;
  }
  return Boolean(context.stdout.isTTY);
}

function parseFormat(format: string): OutputFormat {
  const known = OUTPUT_FORMATS.find(f => f === format);
  if (!known) {
    throw new InputError(
      `Unknown format "${format}" for --format; expected one of ${OUTPUT_FORMATS.join(
        ', ',
      )}`,
    );
  }
  return known;
}

function parseMaxEntities(value: string | undefined): number | undefined {
  if (value === undefined) {
    return undefined;
  }
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    throw new InputError(
      `Invalid --max-entities "${value}"; expected a whole number of at least 1`,
    );
  }
  return n;
}

async function assertDirectory(directory: string, option: string) {
  let isDirectory = false;
  try {
    isDirectory = (await fs.stat(directory)).isDirectory();
  } catch {
    isDirectory = false;
  }
  if (!isDirectory) {
    throw new InputError(`Not a directory for ${option}: ${directory}`);
  }
}

function formatReport(
  report: ScoreReport,
  format: OutputFormat,
  context: CliContext,
  version: string,
  maxEntities: number | undefined,
): string {
  switch (format) {
    case 'json':
      return formatJson(report);
    case 'markdown':
      return formatMarkdown(report, { maxEntities });
    case 'sarif':
      return formatSarif(report, { version });
    default:
      return formatTable(report, { color: useColor(context), maxEntities });
  }
}

interface ScoreFilesOptions {
  files: string[];
  options: ScoreCommandOptions;
  cwd: string;
  pack: CheckPack;
  /** `readiness.targets.byTier` of the config files. */
  targetsByTier: Record<string, string>;
  /** `readiness.ownership` of the config files. */
  ownerShare: OwnerShareThresholds;
  gate: GateOptions;
  repository: string | false | undefined;
  now?: Date;
}

/** Reads and scores the files; the report and the input's problems. */
async function scoreFiles(input: ScoreFilesOptions) {
  const { files, options, cwd, pack, gate, repository, now } = input;
  const read = await readInput(files, options, cwd);
  const report = await scoreCatalog({
    entities: read.entities,
    contextEntities: read.contextEntities,
    pack,
    targetsByTier: input.targetsByTier,
    ownerShare: input.ownerShare,
    repository,
    cwd,
    kinds: options.kind,
    gate,
    now,
  });
  return { report, problems: read.problems, paths: read.paths };
}

async function readBaseline(
  input: ScoreFilesOptions,
): Promise<Baseline | undefined> {
  const { options, cwd } = input;
  if (options.baseline && options.baselineRef) {
    throw new InputError(
      'Use either --baseline FILE or --baseline-ref REF, not both',
    );
  }
  if (options.baseline) {
    let text: string;
    try {
      text = await fs.readFile(path.resolve(cwd, options.baseline), 'utf8');
    } catch {
      throw new InputError(`Baseline file not found: ${options.baseline}`);
    }
    return parseBaseline(text, options.baseline);
  }
  const ref = options.baselineRef;
  if (!ref) {
    return undefined;
  }
  return withGitRefCheckout(cwd, ref, async (refCwd, mapPath) => {
    const { report } = await scoreFiles({
      ...input,
      cwd: refCwd,
      repository:
        typeof input.repository === 'string'
          ? mapPath(input.repository)
          : input.repository,
    });
    return baselineOfReport(report, `git ref ${ref}`);
  });
}

/**
 * Runs `readiness score`: reads the files (reporting every problem), scores
 * what could be read, compares with a baseline, asks a backend for
 * exemplars, prints the report and returns the exit code.
 *
 * @public
 */
export async function runScoreCommand(
  files: string[],
  options: ScoreCommandOptions,
  context: CliContext,
  version: string,
): Promise<number> {
  const { cwd } = context;
  const format = parseFormat(options.format);
  const maxEntities = parseMaxEntities(options.maxEntities);
  const loadPack = context.loadPack ?? loadCheckPack;
  const pack = await loadPack(options.config, cwd);

  if (options.explain !== undefined) {
    assertKnownCheck(pack, options.explain, '--explain');
    const check = pack.checks.find(c => c.id === options.explain)!;
    context.stdout.write(formatExplain(check));
    return EXIT_CODES.ok;
  }

  const gate = {
    minLevel: options.minLevel,
    failOn: options.failOn,
    strict: Boolean(options.strict),
  };
  validateGateOptions(pack, gate);

  let repository: string | false | undefined;
  if (options.repo === false) {
    repository = false;
  } else if (typeof options.repo === 'string') {
    repository = path.resolve(cwd, options.repo);
    await assertDirectory(repository, '--repo');
  }

  const input: ScoreFilesOptions = {
    files,
    options,
    cwd,
    pack,
    targetsByTier: await loadTargets(
      options.config,
      cwd,
      pack.levels.map(level => level.id),
    ),
    ownerShare: readOwnerShareConfig(await loadAppConfig(options.config, cwd)),
    gate,
    repository,
    now: context.now,
  };
  const { report, problems, paths } = await scoreFiles(input);
  for (const problem of problems) {
    context.stderr.write(`${formatCatalogProblem(problem)}\n`);
  }
  const errors = problems.filter(p => p.severity === 'error').length;
  if (report.entities.length === 0 && errors > 0) {
    context.stderr.write(
      `readiness: nothing to score: ${errors} ${
        errors === 1 ? 'problem' : 'problems'
      } above\n`,
    );
    return EXIT_CODES.badInput;
  }
  if (report.entities.length === 0) {
    throw new InputError(
      `No entity to score in ${paths.join(', ')}${
        options.kind.length > 0 ? ` of kind ${options.kind.join(', ')}` : ''
      } (Group, User, Location and Template entities are not scored)`,
    );
  }

  const baseline = await readBaseline(input);
  if (baseline) {
    report.baseline = compareWithBaseline(report, baseline);
  }
  if (options.backend) {
    await addExemplars(report, {
      baseUrl: options.backend,
      token: context.env.READINESS_TOKEN,
      fetch: context.fetch,
      warn: text => context.stderr.write(`readiness: ${text}\n`),
    });
  }

  context.stdout.write(
    formatReport(report, format, context, version, maxEntities),
  );
  if (errors > 0) {
    context.stderr.write(
      `readiness: ${errors} ${
        errors === 1 ? 'problem' : 'problems'
      } in the input (listed above): what could be read was scored\n`,
    );
    return EXIT_CODES.badInput;
  }
  const regressions = report.baseline?.regressions ?? [];
  return report.gate.passed && regressions.length === 0
    ? EXIT_CODES.ok
    : EXIT_CODES.belowBar;
}
