/*
 * The `readiness` command: offline production-readiness scoring of catalog
 * files and a local repository, for CI gating. See README.md.
 */
import { runCli } from './runCli';

runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
}).then(code => {
  process.exitCode = code;
});
