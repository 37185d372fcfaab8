import type { CheckPack } from '@prodready/plugin-readiness-common';

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
  /** The fetch used with `--backend`; default the global one. */
  fetch?: typeof fetch;
}
