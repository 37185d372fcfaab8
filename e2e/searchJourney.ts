/*
 * Backstage Search as a user uses it (issue 13): type "missing runbook" in
 * the app's search page, keep the readiness gaps, and find only entities
 * that lack a runbook among the top results, cross-checked through the
 * readiness API. The search index is built by the search backend on the
 * schedule of `search.collators.readiness` (app-config.yaml: soon after
 * start, then every minute), so the step waits for an index that has the
 * scored catalog in it.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { GAP_STATES } from '@prodready/plugin-readiness-common';
import { refFromHref } from './exampleOrg';
import type { ReadinessTestApi } from './readinessApi';
import { screenshot } from './steps';
import { APP_URL, waitFor } from './stack';

/** The check a "missing runbook" search is about. */
const RUNBOOK_CHECK_ID = 'runbook.runbook';

/** How many of the first results must all lack a runbook. */
const TOP = 5;

/** The entity refs of the readiness results on the page, in rank order. */
async function resultRefs(page: Page): Promise<string[]> {
  const hrefs = await page
    .locator('main a[href^="/catalog/"][href$="/readiness"]')
    .evaluateAll(links => links.map(a => a.getAttribute('href') ?? ''));
  const refs = hrefs.flatMap(href => {
    const ref = refFromHref(href.replace(/\/readiness$/, ''));
    return ref ? [ref] : [];
  });
  return [...new Set(refs)];
}

/**
 * Searches "missing runbook" on /search (result type "Readiness gaps") and
 * asserts that the first results are all entities whose runbook check
 * fails; saves search-missing-runbook.png. Returns the top refs.
 */
export async function searchMissingRunbook(options: {
  page: Page;
  api: ReadinessTestApi;
}): Promise<string[]> {
  const { page, api } = options;
  const lacking = new Set(
    (await api.searchAll({ failing: [RUNBOOK_CHECK_ID] })).map(
      e => e.entityRef,
    ),
  );
  assert.ok(lacking.size > 0, 'no example entity lacks a runbook');
  const top = Math.min(TOP, lacking.size);

  let seen: string[] = [];
  await waitFor(
    `the top ${top} results of "missing runbook" to lack a runbook`,
    async () => {
      await page.goto(`${APP_URL}/search`);
      const bar = page.getByPlaceholder(/Search the catalog/);
      await bar.fill('missing runbook');
      await page
        .getByRole('button', { name: /Readiness gaps/ })
        .first()
        .click();
      // The search page keeps its state in the address (history.replaceState).
      await page.waitForFunction(() => {
        const params = new URLSearchParams(window.location.search);
        return (
          params.get('query') === 'missing runbook' &&
          params.getAll('types[]').includes('readiness')
        );
      });
      await page
        .locator('main a[href$="/readiness"]')
        .first()
        .waitFor({ timeout: 15_000 })
        .catch(() => undefined);
      // Rendering of the list may trail its first item.
      await page.waitForLoadState('networkidle');
      seen = (await resultRefs(page)).slice(0, top);
      // The index is rebuilt every minute: one built while the catalog was
      // still being scored can rank what has changed since.
      return seen.length === top && seen.every(ref => lacking.has(ref));
    },
    180_000,
    10_000,
  ).catch(error => {
    throw new Error(
      `${(error as Error).message}; top results: ${
        seen
          .map(ref => `${ref}${lacking.has(ref) ? '' : ' (has a runbook)'}`)
          .join(', ') || 'none'
      }`,
    );
  });
  // Each top result's own scorecard agrees: its runbook check is a gap.
  for (const ref of seen) {
    const card = await api.getEntityScorecard(ref);
    const state = card.results.find(r => r.checkId === RUNBOOK_CHECK_ID)?.state;
    assert.ok(
      state && GAP_STATES.includes(state),
      `${ref} ranks in the top ${top} for "missing runbook" but its runbook check is ${state}`,
    );
  }
  await screenshot(page, 'search-missing-runbook.png', 1600);
  return seen;
}
