import fs from 'node:fs/promises';
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import { InputError } from '@backstage/errors';
import type { CheckPack } from '@prodready/plugin-readiness-common';
import { EXIT_CODES } from './exitCodes';
import { expandFileArguments } from './files/expandFileArguments';
import { loadCatalogFiles } from './files/loadCatalogFiles';
import { formatCheckList } from './format/formatCheckList';
import { formatExplain } from './format/formatExplain';
import { formatJson } from './format/formatJson';
import { formatMarkdown } from './format/formatMarkdown';
import { formatSarif } from './format/formatSarif';
import { formatTable } from './format/formatTable';
import { loadCheckPack } from './pack/loadCheckPack';
import { registerPushCommand } from './push/registerPushCommand';
import { readCliVersion } from './readCliVersion';
import { assertKnownCheck, validateGateOptions } from './report/evaluateGate';
import { scoreCatalog } from './report/scoreCatalog';
import type { ScoreReport } from './report/ScoreReport';

/**
 * Where the command runs: its working directory, environment and streams.
 *
 * @public
 */
export interface CliContext {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
  /** Evaluation time; default now. */
  now?: Date;
  /** Version printed by `--version` and written to SARIF; default the package's. */
  version?: string;
  /** Builds the check pack from `--config` files; default {@link loadCheckPack}. */
  loadPack?: (configFiles: string[], cwd: string) => Promise<CheckPack>;
}

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

interface ScoreCommandOptions {
  repo: string | boolean;
  config: string[];
  format: string;
  minLevel?: string;
  failOn: string[];
  explain?: string;
  kind: string[];
  followLocations: boolean;
  context: string[];
  strict?: boolean;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function collectList(value: string, previous: string[]): string[] {
  return [
    ...previous,
    ...value
      .split(',')
      .map(item => item.trim())
      .filter(Boolean),
  ];
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
): string {
  switch (format) {
    case 'json':
      return formatJson(report);
    case 'markdown':
      return formatMarkdown(report);
    case 'sarif':
      return formatSarif(report, { version });
    default:
      return formatTable(report, { color: useColor(context) });
  }
}

async function score(
  files: string[],
  options: ScoreCommandOptions,
  context: CliContext,
  version: string,
): Promise<number> {
  const { cwd } = context;
  const format = parseFormat(options.format);
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

  let repository: string | false = false;
  if (options.repo !== false) {
    repository = path.resolve(
      cwd,
      typeof options.repo === 'string' ? options.repo : '.',
    );
    await assertDirectory(repository, '--repo');
  }

  const paths = await expandFileArguments(
    files.length > 0 ? files : ['catalog-info.yaml'],
    cwd,
  );
  const entities = await loadCatalogFiles(paths, {
    cwd,
    followLocations: options.followLocations,
  });
  const scoredRefs = new Set(entities.map(e => e.entityRef));
  const contextEntities =
    options.context.length > 0
      ? (
          await loadCatalogFiles(
            await expandFileArguments(options.context, cwd),
            { cwd, followLocations: options.followLocations },
          )
        ).filter(e => !scoredRefs.has(e.entityRef))
      : [];
  const report = await scoreCatalog({
    entities,
    contextEntities,
    pack,
    repository,
    kinds: options.kind,
    gate,
    now: context.now,
  });
  if (report.entities.length === 0) {
    throw new InputError(
      `No entity to score in ${paths.join(', ')}${
        options.kind.length > 0 ? ` of kind ${options.kind.join(', ')}` : ''
      } (Group, User, Location and Template entities are not scored)`,
    );
  }

  context.stdout.write(formatReport(report, format, context, version));
  return report.gate.passed ? EXIT_CODES.ok : EXIT_CODES.belowBar;
}

/**
 * Runs the `readiness` command with the given arguments (without the node
 * and script paths) and returns its exit code (see {@link EXIT_CODES}).
 * Bad input is reported as one line on stderr and never throws.
 *
 * @public
 */
export async function runCli(
  args: string[],
  context: CliContext,
): Promise<number> {
  const version = context.version ?? readCliVersion();
  let exitCode: number = EXIT_CODES.ok;

  const program = new Command('readiness')
    .description(
      'Production-readiness scorecards offline: score catalog-info.yaml files and the local repository against the Definition of Done.',
    )
    .version(version)
    .exitOverride()
    .configureOutput({
      writeOut: text => context.stdout.write(text),
      writeErr: text => context.stderr.write(text),
    });

  program
    .command('score')
    .description(
      'Score the entities of catalog files (default ./catalog-info.yaml) and print their readiness.',
    )
    .argument('[files...]', 'catalog files or globs (multi-document YAML)')
    .option(
      '--repo <dir>',
      'repository of entities without a local source location (default: the current directory)',
    )
    .option('--no-repo', 'collect no repository facts')
    .option(
      '--config <file>',
      'app-config file with readiness.checks / readiness.levels (repeatable)',
      collect,
      [],
    )
    .option(
      '--format <format>',
      `output format: ${OUTPUT_FORMATS.join(', ')}`,
      'table',
    )
    .option(
      '--min-level <level>',
      'exit 1 when an entity fails a check of this level or lower (e.g. bronze)',
    )
    .option(
      '--fail-on <checkIds>',
      'exit 1 when an entity fails one of these checks (comma-separated, repeatable)',
      collectList,
      [],
    )
    .option(
      '--strict',
      'with --min-level, also fail entities whose undecided (unknown) checks keep them below the level',
    )
    .option(
      '--context <files>',
      'catalog files or globs that only resolve owners, systems and members; not scored (repeatable)',
      collect,
      [],
    )
    .option('--explain <checkId>', 'print how to pass a check, and exit')
    .option(
      '--kind <kinds>',
      'score only entities of these kinds (comma-separated)',
      collectList,
      [],
    )
    .option(
      '--no-follow-locations',
      'do not load the files that Location entities point to',
    )
    .action(async (files: string[], options: ScoreCommandOptions) => {
      exitCode = await score(files, options, context, version);
    });

  program
    .command('checks')
    .description('List the checks of the pack: id, level, category, title.')
    .option(
      '--config <file>',
      'app-config file with readiness.checks / readiness.levels (repeatable)',
      collect,
      [],
    )
    .action(async (options: { config: string[] }) => {
      const loadPack = context.loadPack ?? loadCheckPack;
      const pack = await loadPack(options.config, context.cwd);
      context.stdout.write(formatCheckList(pack));
    });

  registerPushCommand(program, context, code => {
    exitCode = code;
  });

  try {
    await program.parseAsync(args, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already printed its message (or the help/version).
      return error.exitCode === 0 ? EXIT_CODES.ok : EXIT_CODES.badInput;
    }
    const message = error instanceof Error ? error.message : String(error);
    context.stderr.write(`readiness: ${message}\n`);
    return EXIT_CODES.badInput;
  }
}
