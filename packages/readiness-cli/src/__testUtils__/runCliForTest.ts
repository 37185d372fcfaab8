import type { CheckPack } from '@prodready/plugin-readiness-common';
import { runCli } from '../runCli';

/** What one run of the CLI produced. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI in `cwd` with captured output, a fixed time and version, no
 * TTY and no colour unless `env` asks for it. With `pack`, it replaces the
 * pack that `--config` files would build.
 */
export async function runCliForTest(
  args: string[],
  options: {
    cwd: string;
    pack?: CheckPack;
    env?: Record<string, string>;
  },
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const { pack } = options;
  const code = await runCli(args, {
    cwd: options.cwd,
    env: options.env ?? {},
    stdout: {
      write: (text: string) => {
        stdout += text;
      },
      isTTY: false,
    },
    stderr: {
      write: (text: string) => {
        stderr += text;
      },
    },
    now: new Date('2026-01-15T12:00:00.000Z'),
    version: '0.0.0-test',
    loadPack: pack ? async () => pack : undefined,
  });
  return { code, stdout, stderr };
}
