/*
 * The backend that `bench/stack.bench.ts` starts in a child process: the real
 * catalog backend, guest sign-in, allow-all permissions and the readiness
 * plugin, as in packages/backend but without the app, search, notifications
 * and the metrics exporter (its port would clash with a running `npm start`).
 * Configured entirely by the `--config` files the benchmark writes.
 */
import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@backstage/plugin-permission-backend-module-allow-all-policy'),
);
// BENCH_WITHOUT_READINESS=true: the baseline for the plugin's share of RSS.
if (process.env.BENCH_WITHOUT_READINESS !== 'true') {
  backend.add(import('@prodready/plugin-readiness-backend'));
}
backend.start();
