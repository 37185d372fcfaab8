/*
 * `npm run start:observed`: `npm start` plus a Prometheus that scrapes the
 * backend's own metrics (:9464) with the monitoring mixin's rules loaded, and
 * the readiness Prometheus module pointed at it; the readiness-backend
 * component then shows its golden signals, alerts and SLO as observed.
 * Needs the `prometheus` binary (Debian/Ubuntu: apt-get install prometheus).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { MIXIN, ROOT } from './mixin';
import { prometheusInstalled, startPrometheus } from './prometheus';

async function main() {
  if (!prometheusInstalled()) {
    console.error(
      'prometheus is not installed (apt-get install prometheus, or put it on the PATH); `npm start` runs without it',
    );
    process.exitCode = 1;
    return;
  }
  const dir = path.join(ROOT, '.data', 'observed');
  const prometheus = await startPrometheus({ dir, intervalSeconds: 15 });
  console.log(
    `Prometheus at ${prometheus.url} scrapes localhost:9464 with the rules of observability/prometheus (log: .data/observed/prometheus.log)`,
  );
  const app = spawn(
    'npm',
    [
      'start',
      '--',
      '--config',
      path.join(ROOT, 'app-config.yaml'),
      '--config',
      MIXIN.appConfig,
    ],
    {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, READINESS_PROMETHEUS_URL: prometheus.url },
    },
  );
  const stop = () => {
    app.kill('SIGINT');
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  app.once('exit', async code => {
    await prometheus.stop();
    process.exitCode = code ?? 0;
  });
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
