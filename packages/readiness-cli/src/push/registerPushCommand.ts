import type { Command } from 'commander';
import type { CliContext } from '../runCli';
import { runPush, type PushCommandOptions } from './runPush';

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/**
 * Adds `readiness push` to the program; `onExit` gets its exit code.
 *
 * @public
 */
export function registerPushCommand(
  program: Command,
  context: CliContext,
  onExit: (code: number) => void,
): void {
  program
    .command('push')
    .description(
      'Push facts computed in CI (coverage, load tests, scans…) to the readiness backend for one entity; the token is read from READINESS_TOKEN.',
    )
    .requiredOption(
      '--backend <url>',
      'Backstage backend URL, e.g. https://backstage.example.com',
    )
    .requiredOption('--entity <ref>', 'entity ref, e.g. component:default/api')
    .option(
      '--fact <key=value>',
      'a fact; the value is read as JSON when it is JSON (repeatable)',
      collect,
      [],
    )
    .option(
      '--file <file>',
      'JSON file: an object of fact key to value, or { facts, observedAt }',
    )
    .option(
      '--observed-at <time>',
      'when the facts were computed (ISO 8601; default now)',
    )
    .action(async (options: PushCommandOptions) => {
      onExit(await runPush(options, context));
    });
}
