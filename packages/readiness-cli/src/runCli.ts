import { Command, CommanderError } from 'commander';
import type { CliContext } from './CliContext';
import {
  OUTPUT_FORMATS,
  ScoreCommandOptions,
  runScoreCommand,
} from './commands/scoreCommand';
import { FixCommandOptions, runFixCommand } from './commands/fixCommand';
import {
  PLAN_FORMATS,
  PlanCommandOptions,
  runPlanCommand,
} from './commands/planCommand';
import { EXIT_CODES } from './exitCodes';
import { formatCheckList } from './format/formatCheckList';
import { formatExplain } from './format/formatExplain';
import { loadCheckPack } from './pack/loadCheckPack';
import { registerPushCommand } from './push/registerPushCommand';
import { readCliVersion } from './readCliVersion';
import { assertKnownCheck } from './report/evaluateGate';

export type { CliContext } from './CliContext';
export { OUTPUT_FORMATS } from './commands/scoreCommand';
export type { OutputFormat } from './commands/scoreCommand';

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
      "the checkout repository facts come from (default: the catalog file's directory when it is in a git work tree, narrowed by its source location)",
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
    .option(
      '--baseline <file>',
      'a previous --format json output: exit 1 only on regressions since it (a check that passed and does not, a level drop)',
    )
    .option(
      '--baseline-ref <ref>',
      'like --baseline, scoring the same files at this git ref (e.g. origin/main)',
    )
    .option(
      '--max-entities <n>',
      'table and markdown: show at most n entities in detail (worst first)',
    )
    .option(
      '--backend <url>',
      'a Backstage backend to ask who passes each failing check (token from READINESS_TOKEN)',
    )
    .action(async (files: string[], options: ScoreCommandOptions) => {
      exitCode = await runScoreCommand(files, options, context, version);
    });

  program
    .command('fix')
    .description(
      'Add to a catalog file what would pass the chosen failing checks, with FILL-ME placeholders to fill in (comments kept).',
    )
    .requiredOption('--write <file>', 'the catalog file to change')
    .option(
      '--check <checkIds>',
      'the checks to fix (comma-separated, repeatable)',
      collectList,
      [],
    )
    .option('--entity <ref>', 'only this entity of the file')
    .option(
      '--backend <url>',
      'copy how another team passes each check (token from READINESS_TOKEN)',
    )
    .option('--repo <dir>', 'the checkout repository facts come from')
    .option(
      '--config <file>',
      'app-config file with readiness.checks / readiness.levels (repeatable)',
      collect,
      [],
    )
    .action(async (options: FixCommandOptions) => {
      exitCode = await runFixCommand(options, context);
    });

  program
    .command('plan')
    .description(
      'Preview a check-pack change: how many entities would change level, up or down, per level pair and per team, and who would be notified.',
    )
    .argument(
      '[files...]',
      'catalog files or globs to score offline with both packs (default ./catalog-info.yaml)',
    )
    .requiredOption(
      '--pack <file>',
      'app-config file with the proposed readiness.checks / readiness.levels',
    )
    .option(
      '--base <file>',
      'app-config file with the current readiness.checks / readiness.levels (default: the default pack)',
    )
    .option(
      '--backend <url>',
      'ask this Backstage backend instead (POST /preview over the entities it scores; token from READINESS_TOKEN)',
    )
    .option(
      '--format <format>',
      `output format: ${PLAN_FORMATS.join(', ')}`,
      'table',
    )
    .option('--repo <dir>', 'the checkout repository facts come from')
    .option('--no-repo', 'collect no repository facts')
    .option(
      '--context <files>',
      'catalog files or globs that only resolve owners, systems and members; not scored (repeatable)',
      collect,
      [],
    )
    .option(
      '--kind <kinds>',
      'plan only entities of these kinds (comma-separated)',
      collectList,
      [],
    )
    .option(
      '--no-follow-locations',
      'do not load the files that Location entities point to',
    )
    .action(async (files: string[], options: PlanCommandOptions) => {
      exitCode = await runPlanCommand(files, options, context);
    });

  program
    .command('explain')
    .description(
      'Print what a check looks at and how to pass it (same as score --explain).',
    )
    .argument('<checkId>', 'the check id, e.g. runbook.runbook')
    .option(
      '--config <file>',
      'app-config file with readiness.checks / readiness.levels (repeatable)',
      collect,
      [],
    )
    .action(async (checkId: string, options: { config: string[] }) => {
      const loadPack = context.loadPack ?? loadCheckPack;
      const pack = await loadPack(options.config, context.cwd);
      assertKnownCheck(pack, checkId, 'readiness explain');
      const check = pack.checks.find(c => c.id === checkId)!;
      context.stdout.write(formatExplain(check));
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
