/*
 * Browser tests of the readiness plugin against the real app.
 *
 *   npm run test:e2e
 *
 * Starts `npm start` (or reuses an app already serving on :3000/:7007), waits
 * until the readiness backend has scored the example catalog, then drives
 * Chromium through the journeys of issue 5 and saves screenshots to
 * docs/screenshots/; then checks that the plugin's actions answer like the
 * page and that the backend's own metrics counted the page's requests. Stops
 * the app it started. Then, where Prometheus is installed and the app was
 * started here, starts Prometheus with the monitoring mixin's rules
 * (observability/) scraping the backend's metrics, restarts the app with the
 * Prometheus module reading it, and checks that the readiness-backend
 * component reaches the top level on observed evidence (screenshot
 * readiness-backend-gold.png). Skips, with exit code 0, when
 * Chromium is not installed.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { EntitySummary } from '@prodready/plugin-readiness-common';
import { accessibilityViolations } from './accessibilityViolations';
import { addEntityAndWaitForScorecard } from './addedEntity';
import { backendChecks } from './backendChecks';
import { campaignJourney } from './campaignJourney';
import { CHROMIUM_PATH, chromiumInstalled, launchBrowser } from './browser';
import { csvRecords } from './csv';
import {
  entityPath,
  findFilterCheck,
  findServiceWithGap,
  refFromHref,
  signIn,
  sorted,
  waitForScoring,
} from './exampleOrg';
import { levelChangeJourney } from './levelChangeJourney';
import { observedGold } from './observedPhase';
import { ReadinessTestApi } from './readinessApi';
import { searchMissingRunbook } from './searchJourney';
import { SCREENSHOTS, screenshot, step } from './steps';
import { APP_URL, ROOT, startStack, waitFor } from './stack';
import { prometheusInstalled } from '../observability/scripts/prometheus';

async function main(): Promise<void> {
  if (!chromiumInstalled()) {
    console.log(
      `skipped: Chromium not found at ${CHROMIUM_PATH} (apt-get install -y chromium)`,
    );
    return;
  }
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const logFile = path.join(ROOT, '.data', 'e2e', 'stack.log');
  console.log('Readiness e2e');
  const stack = await step(
    'start the app (npm start) or reuse a running one',
    () => startStack({ logFile }),
  );
  if (stack.reused) {
    console.log('    (reusing the app already serving; it is left running)');
  }
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  try {
    const api = await ReadinessTestApi.create();
    await step('wait until the example catalog is scored', () =>
      waitForScoring(api),
    );
    const pack = await api.getCheckPack();
    const top = pack.levels[pack.levels.length - 1];

    browser = await launchBrowser();
    const page = await browser.context.newPage();
    page.setDefaultTimeout(60_000);

    await step('sign in as guest', () => signIn(page));

    await step(
      'add an entity to the catalog and see its scorecard within seconds',
      async () => {
        const added = await addEntityAndWaitForScorecard(api);
        try {
          console.log(
            `    (${added.entityRef} scored ${added.seconds.toFixed(
              1,
            )} s after its location was registered)`,
          );
          // The catalog's own processing is part of it; the delta pass runs every 5 s.
          assert.ok(
            added.seconds <= 60,
            `${added.entityRef} took ${added.seconds.toFixed(1)} s`,
          );
          await page.goto(
            `${APP_URL}/catalog/default/component/${added.entityRef.replace(
              'component:default/',
              '',
            )}/readiness`,
          );
          await page
            .getByLabel(`Score ${Math.round(added.score)} of 100`)
            .first()
            .waitFor();
        } finally {
          await added.remove();
        }
      },
    );

    await step(`a ${top.title} service's Readiness tab`, async () => {
      // Take a service whose own scorecard agrees with the search (the
      // search answers from summaries; both follow each write).
      let gold = undefined as EntitySummary | undefined;
      await waitFor(
        `a ${top.title} component whose scorecard agrees with the search`,
        async () => {
          const { items } = await api.search({
            levelAtLeast: top.id,
            kind: ['component'],
            sort: 'name',
            limit: 5,
          });
          for (const item of items) {
            const card = await api.getEntityScorecard(item.entityRef);
            if (card.entity.level === top.id) {
              gold = card.entity;
              return true;
            }
          }
          return false;
        },
        120_000,
        3000,
      );
      assert.ok(gold, `no component reached ${top.title}`);
      await page.goto(`${APP_URL}${entityPath(gold)}/readiness`);
      await page.getByLabel(`Readiness level ${top.title}`).first().waitFor();
      await page.getByLabel(`Score ${Math.round(gold.score)} of 100`).waitFor();
      await page.getByText('The highest level is reached').waitFor();
    });

    const gap = await step(
      'find a service with a gap that another team solved',
      () => findServiceWithGap(api),
    );

    await step(
      `learn-from contacts on ${gap.service.name}'s tab (${gap.result.check.title})`,
      async () => {
        // A link to the check opens it (checks start closed below Fix next).
        await page.goto(
          `${APP_URL}${entityPath(gap.service)}/readiness#readiness-check-${
            gap.result.checkId
          }`,
        );
        const check = page.getByTestId(`check-${gap.result.checkId}`);
        await check.getByText(gap.result.reason).first().waitFor();
        await check.getByText('Fail', { exact: true }).first().waitFor();
        const exemplar = check.getByTestId('learn-from-exemplar').filter({
          has: page.locator(`a[href$="${entityPath(gap.exemplar.entity)}"]`),
        });
        await exemplar.waitFor();
        for (const contact of gap.exemplar.owner.contacts) {
          const href =
            contact.url ??
            (contact.type === 'email' ? `mailto:${contact.label}` : undefined);
          if (href) {
            const link = exemplar.locator(`a[href="${href}"]`);
            assert.equal(
              await link.count(),
              1,
              `contact link ${href} is missing`,
            );
            assert.equal((await link.textContent())?.trim(), contact.label);
          }
        }
        const ownerContact = gap.scorecard.owner?.contacts.find(c => c.url);
        if (ownerContact) {
          assert.ok(
            (await page.locator(`a[href="${ownerContact.url}"]`).count()) > 0,
            "the owner's own contact is missing",
          );
        }
        await screenshot(page, 'entity-readiness.png', 2400);
      },
    );

    await step('the overview card lists the top gaps', async () => {
      // A service with several gaps shows the card at its fullest.
      const service =
        (await api.searchAll({ kind: ['component'], sort: 'name' })).find(
          c => c.gaps >= 3 && c.level,
        ) ?? gap.service;
      await page.goto(`${APP_URL}${entityPath(service)}`);
      const gaps = page.getByRole('list', { name: 'Top gaps' });
      await gaps.waitFor();
      const card = page
        .locator('[class*="MuiCard-root"]')
        .filter({ has: gaps })
        .first();
      const links = await gaps.getByRole('link').count();
      assert.equal(links, Math.min(3, service.gaps));
      await page.mouse.move(1400, 20);
      await page.waitForTimeout(800);
      await card.screenshot({
        path: path.join(SCREENSHOTS, 'entity-card.png'),
      });
    });

    await step(
      "a department's Readiness tab counts the services of the teams below it",
      async () => {
        // commerce is a department of four teams (examples/catalog/org.yaml).
        const rollup = await api.getEntityRollup('group:default/commerce');
        assert.ok(
          rollup.members.length >= 5,
          `commerce and its teams: ${rollup.members.join(', ')}`,
        );
        const owned = await api.searchAll({ owner: rollup.members });
        assert.equal(rollup.totalEntities, owned.length);
        assert.ok(
          owned.length > 0,
          'the teams of commerce own scored entities',
        );
        await page.goto(`${APP_URL}/catalog/default/group/commerce/readiness`);
        await page
          .getByText(
            `${
              rollup.totalEntities
            } scored entities owned by this team and the ${
              rollup.members.length - 1
            } groups below it`,
            { exact: false },
          )
          .waitFor();
        await page
          .getByRole('table', { name: 'Gaps that unblock the most' })
          .waitFor();
        await screenshot(page, 'team-readiness.png');
      },
    );

    await step(
      'a tier-1 service shows the risk of a weak dependency, with its owner',
      async () => {
        // Rescored now: its dependency has been scored by the full run.
        const scorecard = await api.refreshEntity(
          'component:default/checkout-service',
        );
        const result = scorecard.results.find(
          r => r.checkId === 'dependencies.ready',
        );
        assert.equal(result?.state, 'fail', JSON.stringify(result));
        assert.match(result?.reason ?? '', /cart.service/i);
        console.log(`    (${result?.reason})`);
      },
    );

    const filter = await step(
      'pick a check failed by a handful of components',
      () => findFilterCheck(api, pack),
    );
    const expected = sorted(filter.failing.map(f => f.entityRef));
    const countText = `${expected.length} ${
      expected.length === 1 ? 'entity matches' : 'entities match'
    }`;

    await step(
      `filter the org page by "${filter.check.title}" and get the API's ${expected.length} services`,
      async () => {
        await page.goto(`${APP_URL}/readiness`);
        await page.getByTestId('gap-search-row').first().waitFor();
        await page.getByRole('textbox', { name: 'Failing checks' }).click();
        await page
          .getByRole('textbox', { name: 'Failing checks' })
          .fill(filter.check.title);
        await page
          .getByRole('option', { name: filter.check.title, exact: true })
          .click();
        await page.waitForURL(url =>
          url.searchParams.getAll('failing').includes(filter.check.id),
        );
        await page
          .getByTestId('gap-search-count')
          .getByText(countText)
          .waitFor();
        const hrefs = await page
          .getByTestId('gap-search-row')
          .locator('td:first-child a')
          .evaluateAll(links => links.map(a => a.getAttribute('href') ?? ''));
        assert.deepEqual(sorted(hrefs.map(h => refFromHref(h) ?? h)), expected);
        await screenshot(page, 'readiness-page.png');

        // The filtered view is a link: opened afresh, it shows the same.
        const shared = await browser!.context.newPage();
        await shared.goto(page.url());
        await shared
          .getByTestId('gap-search-count')
          .getByText(countText)
          .waitFor();
        await shared.close();
      },
    );

    await step('export the filtered search as CSV', async () => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Export CSV' }).click(),
      ]);
      assert.match(download.suggestedFilename(), /\.csv$/);
      const file = await download.path();
      const records = csvRecords(fs.readFileSync(file, 'utf8'));
      assert.deepEqual(sorted(records.map(r => r.entityRef)), expected);
      for (const record of records) {
        const summary = filter.failing.find(
          f => f.entityRef === record.entityRef,
        )!;
        assert.equal(Number(record.score), summary.score);
      }
    });

    await step(
      'the org page and the tab on a phone (390×844): tables scroll sideways, no header broken letter by letter',
      async () => {
        const desktop = page.viewportSize()!;
        await page.setViewportSize({ width: 390, height: 844 });
        try {
          await page.goto(`${APP_URL}/readiness`);
          await page.getByTestId('gap-search-row').first().waitFor();
          await page
            .getByRole('table', { name: 'Pass rate by owner and category' })
            .waitFor();
          // A header broken one letter per line is narrow and tall; a title
          // over two lines (a check and its category) is not broken.
          const broken = await page.evaluate(() =>
            Array.from(document.querySelectorAll('table th'))
              .filter(th => (th.textContent ?? '').trim().length > 3)
              .filter(th => {
                const rect = th.getBoundingClientRect();
                return rect.width < 40 && rect.height > 64;
              })
              .map(th => (th.textContent ?? '').trim()),
          );
          assert.deepEqual(broken, [], 'headers broken across lines');
          await screenshot(page, 'readiness-page-phone.png', 2400);
          await page.goto(`${APP_URL}${entityPath(gap.service)}/readiness`);
          await page.locator('section[aria-label="Fix next"]').waitFor();
          await screenshot(page, 'entity-readiness-phone.png', 2400);
        } finally {
          await page.setViewportSize(desktop);
        }
      },
    );

    await step(
      `the catalog gap filter shows the same ${expected.length} components`,
      async () => {
        const summaryRequests: number[] = [];
        page.on('request', request => {
          if (request.url().endsWith('/api/readiness/summaries')) {
            const body = request.postDataJSON() as { entityRefs: string[] };
            summaryRequests.push(body.entityRefs.length);
          }
        });
        await page.goto(`${APP_URL}/catalog`);
        await page.getByTestId('readiness-level-badge').first().waitFor();
        const rowsBefore = await page.locator('table tbody tr').count();
        const requestsBefore = summaryRequests.length;
        assert.ok(
          requestsBefore < rowsBefore,
          `${requestsBefore} summary requests for ${rowsBefore} rows: not batched`,
        );
        await page.getByRole('textbox', { name: 'Readiness gap' }).click();
        await page
          .getByRole('textbox', { name: 'Readiness gap' })
          .fill(filter.check.title);
        await page
          .getByRole('option', { name: filter.check.title, exact: true })
          .click();
        await page.waitForURL(url => url.search.includes('readinessGap'));
        const componentLinks = page.locator(
          'table tbody tr a[href*="/component/"]',
        );
        await waitFor(
          `${expected.length} catalog rows`,
          async () =>
            sorted(
              (
                await componentLinks.evaluateAll(links =>
                  links.map(a => a.getAttribute('href') ?? ''),
                )
              ).map(h => refFromHref(h) ?? h),
            ).join() === expected.join(),
          30_000,
          500,
        );
        await page.getByTestId('readiness-level-badge').first().waitFor();
        await screenshot(page, 'catalog-gap-filter.png', 1600);
        console.log(
          `    (summary requests: ${summaryRequests.join(
            ', ',
          )} refs each, for ${rowsBefore} rows then ${expected.length})`,
        );
      },
    );
    await levelChangeJourney({ page, api, pack });

    await step(
      'search "missing runbook": only entities without a runbook on top',
      async () => {
        const top = await searchMissingRunbook({ page, api });
        console.log(`    (top results: ${top.join(', ')})`);
      },
    );

    await campaignJourney({ page, api, pack, step, screenshot });

    await step(
      'no serious accessibility violations on the Readiness tab and the org page',
      async () => {
        const found: string[] = [];
        for (const url of [
          `${APP_URL}${entityPath(gap.service)}/readiness`,
          `${APP_URL}/readiness?failing=${filter.check.id}`,
        ]) {
          await page.goto(url);
          await page.locator('main h2').first().waitFor();
          await page.waitForLoadState('networkidle');
          for (const v of await accessibilityViolations(page)) {
            found.push(
              `${url}: ${v.rule} (${v.impact}) ${v.help}: ${v.targets
                .slice(0, 3)
                .join(', ')}`,
            );
          }
        }
        assert.deepEqual(found, []);
      },
    );

    await step(
      'the search-readiness-gaps action finds the same services',
      async () => {
        const found = await api.invokeAction<{
          totalCount: number;
          items: Array<{ entityRef: string }>;
        }>('readiness:search-readiness-gaps', {
          failing: [filter.check.id],
          kind: ['component'],
          limit: 100,
        });
        assert.equal(found.totalCount, expected.length);
        assert.deepEqual(sorted(found.items.map(i => i.entityRef)), expected);
      },
    );

    await backendChecks(api);

    console.log(`Screenshots in ${path.relative(ROOT, SCREENSHOTS)}/`);
  } catch (error) {
    if (!stack.reused) {
      // What the app printed is the first thing a CI reader needs.
      const log = fs.readFileSync(logFile, 'utf8').split('\n');
      console.error(`--- last lines of ${path.relative(ROOT, logFile)}:`);
      console.error(log.slice(-60).join('\n'));
    }
    throw error;
  } finally {
    await browser?.close();
    if (!stack.reused) {
      await step('stop the app', () => stack.stop());
    }
  }

  if (stack.reused) {
    console.log(
      '  - observed Gold skipped: the running app was not started here (stop it, or run `npm run start:observed` to see it by hand)',
    );
  } else if (!prometheusInstalled()) {
    console.log(
      '  - observed Gold skipped: prometheus is not installed (apt-get install prometheus)',
    );
  } else {
    await observedGold();
  }
}

main().catch(error => {
  console.error(error instanceof Error ? error.stack ?? error.message : error);
  process.exitCode = 1;
});
