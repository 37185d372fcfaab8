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
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type {
  CheckInfo,
  CheckPackResponse,
  EntityScorecardResponse,
  EntitySummary,
  LearnFromExemplar,
} from '@prodready/plugin-readiness-common';
import { levelWord } from '@prodready/plugin-readiness-common';
import { accessibilityViolations } from './accessibilityViolations';
import { addEntityAndWaitForScorecard } from './addedEntity';
import { campaignJourney } from './campaignJourney';
import { CHROMIUM_PATH, chromiumInstalled, launchBrowser } from './browser';
import { csvRecords } from './csv';
import { ReadinessTestApi, guestSession } from './readinessApi';
import {
  APP_URL,
  BACKEND_URL,
  ROOT,
  startStack,
  waitFor,
  type Stack,
} from './stack';
import {
  OBSERVED_SERVICE,
  assertAlertsHaveRunbooks,
  waitForObservedSignals,
} from './observed';
import { MIXIN } from '../observability/scripts/mixin';
import {
  prometheusInstalled,
  startPrometheus,
} from '../observability/scripts/prometheus';

const SCREENSHOTS = path.join(ROOT, 'docs', 'screenshots');
/** Where the example backend serves its own metrics for Prometheus. */
const METRICS_URL =
  process.env.E2E_METRICS_URL ?? 'http://localhost:9464/metrics';

/**
 * Saves a screenshot of the whole page content: the viewport is made as tall
 * as the content (Backstage scrolls an inner element, so `fullPage` alone
 * would stop at the viewport), the pointer is moved off the sidebar so that
 * it is collapsed.
 */
async function screenshot(page: Page, name: string, maxHeight = 3000) {
  const viewport = page.viewportSize()!;
  const height = await page.evaluate(() =>
    Math.max(
      ...Array.from(
        document.querySelectorAll('main, main *'),
        e => e.scrollHeight,
      ),
      document.documentElement.scrollHeight,
    ),
  );
  await page.setViewportSize({
    width: viewport.width,
    height: Math.min(Math.max(height, viewport.height), maxHeight),
  });
  await page.mouse.move(viewport.width - 20, 20);
  await page.waitForTimeout(800);
  // fullPage also takes in content wider than the viewport.
  await page.screenshot({ path: path.join(SCREENSHOTS, name), fullPage: true });
  await page.setViewportSize(viewport);
}

/** Runs one step, printing its outcome and duration. */
async function step<T>(name: string, run: () => Promise<T>): Promise<T> {
  const started = Date.now();
  try {
    const result = await run();
    console.log(
      `  ✓ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );
    return result;
  } catch (error) {
    console.log(`  ✗ ${name}`);
    throw error;
  }
}

/** The entity ref a catalog entity page link points at. */
function refFromHref(href: string): string | undefined {
  const match = href.match(/\/catalog\/([^/]+)\/([^/]+)\/([^/?#]+)$/);
  return match
    ? `${decodeURIComponent(match[2])}:${decodeURIComponent(
        match[1],
      )}/${decodeURIComponent(match[3])}`
    : undefined;
}

function entityPath(entity: EntitySummary): string {
  return `/catalog/${entity.namespace}/${entity.kind.toLocaleLowerCase(
    'en-US',
  )}/${entity.name}`;
}

function sorted(values: Iterable<string>): string[] {
  return Array.from(values).sort();
}

/**
 * Waits until the backend has finished a scoring run over the whole catalog:
 * a run that started while the catalog was still being ingested scored only
 * part of it (the backend then rescores, but the tests must not start on the
 * partial run). "Whole" is the catalog's count of the scored kinds, the same
 * on two polls in a row.
 */
async function waitForScoring(api: ReadinessTestApi): Promise<void> {
  let previousCount = -1;
  let seen = '';
  await waitFor(
    'the readiness backend to score the whole example catalog',
    async () => {
      try {
        const { totalItems } = await api.send<{ totalItems: number }>(
          'GET',
          '/api/catalog/entities/by-query?limit=0&filter=kind=component,kind=api,kind=resource,kind=system',
        );
        const stable = totalItems > 0 && totalItems === previousCount;
        previousCount = totalItems;
        const runs = await api.getRuns({ limit: 5 });
        seen = `${totalItems} in the catalog, runs scored ${runs
          .map(r => `${r.entitiesDone} (${r.status})`)
          .join(', ')}`;
        // Two full runs: the backend reruns once after its first run (the
        // catalog may still be ingesting, and a service scored before its
        // dependencies gets its dependency check on the rerun), so levels
        // hold still only after the second.
        return (
          stable &&
          runs.filter(
            r => r.status === 'succeeded' && r.entitiesDone >= totalItems,
          ).length >= 2
        );
      } catch {
        return false;
      }
    },
    600_000,
    3000,
  ).catch(error => {
    throw new Error(`${(error as Error).message}: ${seen}`);
  });
}

async function signIn(page: Page): Promise<void> {
  await page.goto(APP_URL);
  await page.getByRole('button', { name: 'Enter' }).click();
  await page.waitForURL(/\/catalog/);
  await page
    .getByRole('heading', { name: /Catalog/ })
    .first()
    .waitFor();
}

/** A service with a failing check that another team passes and can be asked about. */
async function findServiceWithGap(api: ReadinessTestApi): Promise<{
  service: EntitySummary;
  scorecard: EntityScorecardResponse;
  result: EntityScorecardResponse['results'][number];
  exemplar: LearnFromExemplar;
}> {
  const candidates = await api.searchAll({
    kind: ['component'],
    sort: 'score',
    order: 'desc',
  });
  // Prefer a service that reached a level and still has a few gaps: its tab
  // shows both passing and failing checks.
  const ordered = [
    ...candidates.filter(c => c.level && c.gaps >= 2),
    ...candidates.filter(c => !(c.level && c.gaps >= 2) && c.gaps > 0),
  ];
  for (const service of ordered) {
    const scorecard = await api.getEntityScorecard(service.entityRef);
    for (const result of scorecard.results) {
      const exemplar = result.learnFrom?.find(e =>
        e.owner.contacts.some(c => c.url || c.type === 'email'),
      );
      if (result.state === 'fail' && exemplar) {
        return { service, scorecard, result, exemplar };
      }
    }
  }
  throw new Error(
    'No scored component has a failing check with a learn-from exemplar whose owner has contacts',
  );
}

/** The titles of the guest's latest notifications. */
async function notificationTitles(api: ReadinessTestApi): Promise<string[]> {
  const body = await api.send<{
    notifications: Array<{ payload: { title: string } }>;
  }>('GET', '/api/notifications/notifications?limit=20');
  return body.notifications.map(n => n.payload.title);
}

/**
 * A component of the guest's team below the top level, whose blockers all
 * fail (so exempting them lifts it one level).
 */
async function findPromotableService(api: ReadinessTestApi): Promise<{
  service: EntitySummary;
  scorecard: EntityScorecardResponse;
}> {
  // Signed in now, when the catalog holds the guest's user entity: a token
  // from before the catalog was loaded carries no group.
  const groups = (await guestSession()).ownershipEntityRefs.filter(ref =>
    ref.startsWith('group:'),
  );
  assert.ok(groups.length > 0, 'the guest user belongs to no group');
  const owned = await api.searchAll({
    owner: groups,
    kind: ['component'],
    sort: 'name',
  });
  for (const service of owned) {
    const scorecard = await api.getEntityScorecard(service.entityRef);
    const blockers = scorecard.results.filter(r =>
      scorecard.blockingCheckIds.includes(r.checkId),
    );
    if (
      scorecard.nextLevel &&
      blockers.length > 0 &&
      blockers.every(r => r.state === 'fail')
    ) {
      return { service, scorecard };
    }
  }
  throw new Error(
    `No component of ${groups.join(
      ', ',
    )} is one level short with failing blockers`,
  );
}

/** A check failed by a handful of components, to filter by. */
async function findFilterCheck(
  api: ReadinessTestApi,
  pack: CheckPackResponse,
): Promise<{ check: CheckInfo; failing: EntitySummary[] }> {
  let best: { check: CheckInfo; failing: EntitySummary[] } | undefined;
  for (const check of pack.checks) {
    const failing = await api.searchAll({
      failing: [check.id],
      kind: ['component'],
    });
    const all = await api.search({ failing: [check.id], limit: 1 });
    // Within one page of the org page (25) and of the catalog table (20),
    // and only components, so both views can be compared with the API.
    if (
      failing.length >= 2 &&
      failing.length <= 20 &&
      all.totalCount === failing.length &&
      (!best || failing.length > best.failing.length)
    ) {
      best = { check, failing };
    }
  }
  if (!best) {
    throw new Error(
      'No check is failed by 2 to 20 components (and nothing else)',
    );
  }
  return best;
}

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
      // A level can still move after the first full run: a service scored
      // before its dependencies gets its dependency check on the next run.
      // Take a service whose own scorecard agrees with the search.
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
    const promotable = await step(
      "pick a service of the guest's team that its blockers keep from the next level",
      () => findPromotableService(api),
    );
    await step(
      `${promotable.service.name}'s team is told when it rises and drops a level`,
      async () => {
        const { service, scorecard } = promotable;
        const name = service.title ?? service.name;
        // The same words as the notifications (e.g. "Below Bronze").
        const levelTitle = (id?: string) => levelWord(id, pack.levels);
        // Reached through exemptions, and the notice says so.
        const exempted = scorecard.blockingCheckIds.length;
        const risen = `${name} reached ${levelTitle(
          scorecard.nextLevel,
        )}, ${exempted} ${exempted === 1 ? 'check' : 'checks'} exempted`;
        const exemptions: string[] = [];
        try {
          for (const checkId of scorecard.blockingCheckIds) {
            const created = await api.createExemption({
              entityRef: service.entityRef,
              checkId,
              reason: 'e2e',
            });
            exemptions.push(created.id);
          }
          await waitFor(
            `a notification "${risen}"`,
            async () => (await notificationTitles(api)).includes(risen),
            15_000,
            500,
          );
          await page.goto(`${APP_URL}/notifications`);
          await page.getByText(risen).first().waitFor();
        } finally {
          for (const id of exemptions) {
            await api.deleteExemption(id);
          }
        }
        const dropped = `${name} dropped from ${levelTitle(
          scorecard.nextLevel,
        )} to ${levelTitle(service.level)}`;
        await waitFor(
          `a notification "${dropped}"`,
          async () => (await notificationTitles(api)).includes(dropped),
          15_000,
          500,
        );
        // It replaced the rise (one notification per entity).
        await page.goto(`${APP_URL}/notifications`);
        await page.getByText(dropped).first().waitFor();
        assert.equal(await page.getByText(risen).count(), 0);
        await screenshot(page, 'notifications.png', 1200);
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
        }>(
          'GET',
          `/api/readiness/facts?entityRef=${encodeURIComponent(entity)}`,
        );
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
              line.startsWith(
                'readiness_http_server_request_duration_count{',
              ) &&
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
async function observedGold(): Promise<void> {
  console.log('Observed: the readiness backend scored on its own metrics');
  const prometheus = await step("start Prometheus with the mixin's rules", () =>
    startPrometheus({
      dir: path.join(ROOT, '.data', 'e2e', 'prometheus'),
      intervalSeconds: 2,
    }),
  );
  console.log(`    (${prometheus.url}, scraping localhost:9464)`);
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
    await step('stop Prometheus', () => prometheus.stop());
  }
}

main().catch(error => {
  console.error(error instanceof Error ? error.stack ?? error.message : error);
  process.exitCode = 1;
});
