/*
 * The `readiness` command: offline production-readiness scoring of catalog
 * files and a local repository, for CI gating. See README.md.
 */
import { runCli } from './runCli';

// A closed pipe (e.g. `readiness score | head`) ends the command quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') {
    process.exit(process.exitCode ?? 0);
  }
  throw error;
});

runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
}).then(code => {
  process.exitCode = code;
});
