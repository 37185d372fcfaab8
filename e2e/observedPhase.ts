/*
 * The observed phase of the e2e: Prometheus with the monitoring mixin's rules
 * scrapes the backend's own metrics, the app restarts with the Prometheus
 * module reading it, and the readiness-backend component's golden signals,
 * alerts, SLO and positive monitoring pass on observed evidence; payments-api's
 * claims are `claimed` (Prometheus does not show them) and, once Prometheus
 * is stopped, ledger-service's live checks are `unknown`.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { EntityScorecardResponse } from '@prodready/plugin-readiness-common';
import { launchBrowser } from './browser';
import { signIn, waitForScoring } from './exampleOrg';
import { ReadinessTestApi } from './readinessApi';
import { screenshot, step } from './steps';
import { APP_URL, ROOT, startStack, waitFor, type Stack } from './stack';
import {
  OBSERVED_SERVICE,
  assertAlertsHaveRunbooks,
  waitForObservedSignals,
} from './observed';
import {
  CLAIMING_SERVICE,
  UNKNOWN_SERVICE,
  assertClaimedService,
  assertUnknownService,
} from './observedStates';
import { MIXIN } from '../observability/scripts/mixin';
import { startPrometheus } from '../observability/scripts/prometheus';

/** The checks readiness-backend passes on what Prometheus observes. */
const OBSERVED_CHECKS = [
  'monitoring.latency',
  'monitoring.traffic',
  'monitoring.errors',
  'monitoring.saturation',
  'monitoring.alerts',
  'monitoring.slo',
  'monitoring.positive',
];

/**
 * Prometheus with the mixin's rules scrapes the example backend; the
 * readiness-backend component's golden-signal, alert, SLO and positive
 * monitoring checks pass on what it observes.
 */
export async function observedGold(): Promise<void> {
  console.log('Observed: the readiness backend scored on its own metrics');
  const prometheus = await step("start Prometheus with the mixin's rules", () =>
    startPrometheus({
      dir: path.join(ROOT, '.data', 'e2e', 'prometheus'),
      intervalSeconds: 2,
    }),
  );
  console.log(`    (${prometheus.url}, scraping localhost:9464)`);
  let prometheusStopped = false;
  const stopPrometheus = async () => {
    if (!prometheusStopped) {
      prometheusStopped = true;
      await prometheus.stop();
    }
  };
  process.env.READINESS_PROMETHEUS_URL = prometheus.url;
  const logFile = path.join(ROOT, '.data', 'e2e', 'stack-observed.log');
  let stack: Stack | undefined;
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  let stopTraffic = () => {};
  try {
    stack = await step('start the app with the Prometheus module', () =>
      startStack({
        logFile,
        configs: [path.join(ROOT, 'app-config.yaml'), MIXIN.appConfig],
      }),
    );
    const api = await ReadinessTestApi.create();
    await step('wait until the example catalog is scored', () =>
      waitForScoring(api),
    );
    const pack = await api.getCheckPack();
    const top = pack.levels[pack.levels.length - 1];

    // Steady traffic while Prometheus and the scorer look: a burst between
    // two scrapes would show as a new series, not as a rate.
    const traffic = setInterval(() => {
      api.getCheckPack().catch(() => undefined);
      api.search({ limit: 5 }).catch(() => undefined);
    }, 500);
    stopTraffic = () => clearInterval(traffic);
    await step(
      'Prometheus computes the API traffic, errors and SLO series and loads the alerts',
      () => waitForObservedSignals(prometheus.url),
    );
    await step(
      'every alert Prometheus loaded has a runbook section',
      async () => {
        const alerts = await assertAlertsHaveRunbooks(prometheus.url);
        console.log(`    (${alerts.join(', ')})`);
      },
    );

    const ref = `component:default/${OBSERVED_SERVICE}`;
    await step(
      `${OBSERVED_SERVICE}'s golden signals, alerts, SLO and positive monitoring pass on observed evidence`,
      async () => {
        let scorecard: EntityScorecardResponse | undefined;
        const observedPasses = () =>
          OBSERVED_CHECKS.every(checkId => {
            const result = scorecard?.results.find(r => r.checkId === checkId);
            return (
              result?.state === 'pass' &&
              result.evidence.some(
                e => e.kind === 'series' && e.strength === 'observed',
              )
            );
          });
        await waitFor(
          `${ref}'s observed checks to pass on Prometheus series`,
          async () => {
            scorecard = await api.refreshEntity(ref);
            return observedPasses();
          },
          60_000,
          3000,
        ).catch(error => {
          const open = scorecard?.results
            .filter(r => OBSERVED_CHECKS.includes(r.checkId))
            .map(r => `${r.checkId}: ${r.state} (${r.reason})`);
          throw new Error(`${(error as Error).message}; ${open}`);
        });
        // Its level rests on the rest of its entry too, whose dashboard, logs
        // and error links are files on GitHub: the scorer refuses those.
        const refused = scorecard!.results
          .filter(r => r.state === 'fail')
          .map(r => r.checkId);
        console.log(
          `    (level ${scorecard!.entity.level ?? 'below the lowest'} of ${
            top.title
          }; failing on its declared links: ${refused.join(', ')})`,
        );
      },
    );

    await step(
      `${CLAIMING_SERVICE}'s dashboard, alerts and SLO are claimed, not observed (Prometheus has none of its series or rules)`,
      async () => console.log(`    (${await assertClaimedService(api)})`),
    );

    browser = await launchBrowser();
    const page = await browser.context.newPage();
    page.setDefaultTimeout(60_000);
    await step('sign in as guest', () => signIn(page));
    await step(
      `${OBSERVED_SERVICE}'s Readiness tab shows what Prometheus observed`,
      async () => {
        await page.goto(
          `${APP_URL}/catalog/default/component/${OBSERVED_SERVICE}/readiness`,
        );
        await page
          .getByTestId('check-monitoring.latency')
          .getByText('Pass', { exact: true })
          .first()
          .waitFor();
        // Open the latency and SLO checks: their evidence is what Prometheus answered.
        for (const [checkId, found] of [
          [
            'monitoring.latency',
            'readiness_http_server_request_duration_bucket',
          ],
          ['monitoring.slo', 'slo:sli_error:ratio_rate5m'],
        ]) {
          const check = page.getByTestId(`check-${checkId}`);
          await check.locator('[role="button"]').first().click();
          await check.getByText(found, { exact: false }).first().waitFor();
        }
        // Opening them scrolled the page: the level and score go back on top.
        await page.evaluate(() =>
          document.querySelectorAll('main, main *').forEach(e => {
            e.scrollTop = 0;
          }),
        );
        await screenshot(page, 'readiness-backend-observed.png', 3200);
      },
    );
    await step('stop Prometheus', stopPrometheus);
    await step(
      `${UNKNOWN_SERVICE}'s golden signals are unknown once Prometheus is down`,
      async () => console.log(`    (${await assertUnknownService(api)})`),
    );
  } catch (error) {
    if (fs.existsSync(logFile)) {
      const log = fs.readFileSync(logFile, 'utf8').split('\n');
      console.error(`--- last lines of ${path.relative(ROOT, logFile)}:`);
      console.error(log.slice(-60).join('\n'));
    }
    throw error;
  } finally {
    stopTraffic();
    await browser?.close();
    if (stack && !stack.reused) {
      await step('stop the app', () => stack!.stop());
    }
    if (!prometheusStopped) {
      await step('stop Prometheus', stopPrometheus);
    }
  }
}
