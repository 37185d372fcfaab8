/*
 * What the journeys look for in the example organisation, through the API:
 * when it is scored, services with a gap another team solved, a service its
 * blockers keep from the next level, a check a handful of components fail;
 * and signing in as its guest user.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type {
  CheckInfo,
  CheckPackResponse,
  EntityScorecardResponse,
  EntitySummary,
  LearnFromExemplar,
} from '@prodready/plugin-readiness-common';
import { guestSession, type ReadinessTestApi } from './readinessApi';
import { APP_URL, waitFor } from './stack';

/** The entity ref a catalog entity page link points at. */
export function refFromHref(href: string): string | undefined {
  const match = href.match(/\/catalog\/([^/]+)\/([^/]+)\/([^/?#]+)$/);
  return match
    ? `${decodeURIComponent(match[2])}:${decodeURIComponent(
        match[1],
      )}/${decodeURIComponent(match[3])}`
    : undefined;
}

export function entityPath(entity: EntitySummary): string {
  return `/catalog/${entity.namespace}/${entity.kind.toLocaleLowerCase(
    'en-US',
  )}/${entity.name}`;
}

export function sorted(values: Iterable<string>): string[] {
  return Array.from(values).sort();
}

/** Three delta passes (every 5 s) without a level or score moving. */
const LEVELS_SETTLE_MS = 15_000;

/**
 * Waits until the backend has finished a scoring run over the whole catalog
 * and levels hold still: a run that started while the catalog was still
 * being ingested scored only part of it (the backend then rescores, but the
 * tests must not start on the partial run), and the dependents of entities
 * scored late in the run are rescored by the delta pass right after it.
 * "Whole" is the catalog's count of the scored kinds, the same on two polls
 * in a row.
 */
export async function waitForScoring(api: ReadinessTestApi): Promise<void> {
  let previousCount = -1;
  let seen = '';
  // The levels and scores of every scored entity, and since when they hold.
  let fingerprint = '';
  let stableSince = Date.now();
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
        const scored = await api.searchAll({ sort: 'name' });
        const next = scored
          .map(e => `${e.entityRef}=${e.level ?? '-'}/${e.score}`)
          .join();
        if (next !== fingerprint) {
          fingerprint = next;
          stableSince = Date.now();
        }
        seen = `${totalItems} in the catalog, ${
          scored.length
        } scored, runs scored ${runs
          .map(r => `${r.entitiesDone} (${r.status})`)
          .join(', ')}`;
        // One full run over the whole catalog, then levels that hold still
        // for LEVELS_SETTLE_MS: a service scored before its dependencies is
        // rescored by the delta pass (every 5 s) once their levels are in,
        // not by a second full run.
        return (
          stable &&
          runs.some(
            r => r.status === 'succeeded' && r.entitiesDone >= totalItems,
          ) &&
          Date.now() - stableSince >= LEVELS_SETTLE_MS
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

export async function signIn(page: Page): Promise<void> {
  await page.goto(APP_URL);
  await page.getByRole('button', { name: 'Enter' }).click();
  await page.waitForURL(/\/catalog/);
  await page
    .getByRole('heading', { name: /Catalog/ })
    .first()
    .waitFor();
}

/** A service with a failing check that another team passes and can be asked about. */
export async function findServiceWithGap(api: ReadinessTestApi): Promise<{
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
export async function notificationTitles(
  api: ReadinessTestApi,
): Promise<string[]> {
  const body = await api.send<{
    notifications: Array<{ payload: { title: string } }>;
  }>('GET', '/api/notifications/notifications?limit=20');
  return body.notifications.map(n => n.payload.title);
}

/**
 * A component of the guest's team below the top level, whose blockers all
 * fail (so exempting them lifts it one level).
 */
export async function findPromotableService(api: ReadinessTestApi): Promise<{
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
export async function findFilterCheck(
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
