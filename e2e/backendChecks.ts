/*
 * What the e2e checks of the backend beside the pages: facts pushed from CI
 * with `readiness push` change a check, and the backend's own metrics count
 * the page's searches.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { guestSession, type ReadinessTestApi } from './readinessApi';
import { step } from './steps';
import { BACKEND_URL, ROOT } from './stack';

/** Where the example backend serves its own metrics for Prometheus. */
const METRICS_URL =
  process.env.E2E_METRICS_URL ?? 'http://localhost:9464/metrics';

/** Runs the backend checks. */
export async function backendChecks(api: ReadinessTestApi): Promise<void> {
  await step(
    'facts pushed from CI with `readiness push` change a check, with observedAt',
    async () => {
      const entity = 'component:default/cart-service';
      const { token } = await guestSession();
      const push = (coverage: number) =>
        execFileSync(
          process.execPath,
          [
            path.join(ROOT, 'packages/readiness-cli/bin/readiness'),
            'push',
            '--backend',
            BACKEND_URL,
            '--entity',
            entity,
            '--fact',
            `coverage=${coverage}`,
          ],
          {
            env: { ...process.env, READINESS_TOKEN: token },
            encoding: 'utf8',
          },
        );
      const coverageState = async () =>
        (await api.getEntityScorecard(entity)).results.find(
          r => r.checkId === 'quality.coverage',
        );
      console.log(`    ${push(72).trim().split('\n')[0]}`);
      const warned = await coverageState();
      assert.equal(warned?.state, 'warn', JSON.stringify(warned));
      const facts = await api.send<{
        items: Array<{ key: string; value: unknown; observedAt: string }>;
      }>('GET', `/api/readiness/facts?entityRef=${encodeURIComponent(entity)}`);
      const coverage = facts.items.find(f => f.key === 'coverage');
      assert.equal(coverage?.value, 72);
      assert.ok(
        !Number.isNaN(Date.parse(coverage?.observedAt ?? '')),
        `observedAt ${coverage?.observedAt}`,
      );
      push(85);
      assert.equal((await coverageState())?.state, 'pass');
      console.log(
        `    (72 → warn: ${warned?.reason}; 85 → pass; observedAt ${coverage?.observedAt})`,
      );
    },
  );

  await step(
    "the backend's own metrics count the page's searches",
    async () => {
      const response = await fetch(METRICS_URL);
      assert.equal(response.status, 200, `${METRICS_URL} answers`);
      const text = await response.text();
      const searches = text
        .split('\n')
        .filter(
          line =>
            line.startsWith('readiness_http_server_request_duration_count{') &&
            line.includes('http_route="/search"') &&
            line.includes('http_response_status_code="200"'),
        )
        .reduce((sum, line) => sum + Number(line.split(' ').pop()), 0);
      assert.ok(
        searches > 0,
        `no successful /search counted in ${METRICS_URL}`,
      );
      console.log(`    (${searches} searches counted)`);
    },
  );
}
