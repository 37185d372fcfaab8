/*
 * The campaign journey of issue 15: as the guest user (Noah Jensen, Web
 * Experience), create a campaign over the team's components in the UI, see
 * its progress, fix a gap by an exemption on the entity's Readiness tab,
 * and see the progress move and the team notified.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type {
  CampaignDetail,
  CheckInfo,
  CheckPackResponse,
  EntitySummary,
} from '@prodready/plugin-readiness-common';
import { ReadinessTestApi, guestSession } from './readinessApi';
import { APP_URL, waitFor } from './stack';

/** What the journey borrows from the e2e runner. */
export interface CampaignJourneyOptions {
  page: Page;
  api: ReadinessTestApi;
  pack: CheckPackResponse;
  /** Runs one named step, printing its outcome. */
  step<T>(name: string, run: () => Promise<T>): Promise<T>;
  /** Saves a screenshot of the page to docs/screenshots/. */
  screenshot(page: Page, name: string, maxHeight?: number): Promise<void>;
}

/** A day `days` from today, as the date input takes it (UTC is near enough). */
function dayFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

function entityPath(entity: EntitySummary): string {
  return `/catalog/${entity.namespace}/${entity.kind.toLocaleLowerCase(
    'en-US',
  )}/${entity.name}`;
}

/**
 * A check that some, not all, of the team's components fail, with a failing
 * component whose only gap in that check is the one to exempt.
 */
async function findCampaignCheck(
  api: ReadinessTestApi,
  pack: CheckPackResponse,
  team: string,
): Promise<{ check: CheckInfo; failing: EntitySummary }> {
  const components = await api.searchAll({
    owner: [team],
    kind: ['component'],
  });
  assert.ok(components.length >= 2, `${team} owns fewer than 2 components`);
  for (const check of pack.checks.filter(c => !c.attested)) {
    const failing = await api.searchAll({
      owner: [team],
      kind: ['component'],
      failing: [check.id],
    });
    if (failing.length === 0 || failing.length === components.length) {
      continue;
    }
    for (const entity of failing) {
      const scorecard = await api.getEntityScorecard(entity.entityRef);
      const result = scorecard.results.find(r => r.checkId === check.id);
      if (result?.state === 'fail' && !result.exemption) {
        return { check, failing: entity };
      }
    }
  }
  throw new Error(
    `No check is failed by some but not all components of ${team}`,
  );
}

/** The titles of the guest's latest notifications. */
async function notificationTitles(api: ReadinessTestApi): Promise<string[]> {
  const body = await api.send<{
    notifications: Array<{ payload: { title: string } }>;
  }>('GET', '/api/notifications/notifications?limit=50');
  return body.notifications.map(n => n.payload.title);
}

/** The progress the campaign page shows (`done/entities`). */
async function shownProgress(page: Page): Promise<string> {
  return (
    await page.getByTestId('campaign-progress').first().innerText()
  ).trim();
}

/** Runs the campaign journey's steps. */
export async function campaignJourney(
  options: CampaignJourneyOptions,
): Promise<void> {
  const { page, api, pack, step, screenshot } = options;
  const groups = (await guestSession()).ownershipEntityRefs.filter(ref =>
    ref.startsWith('group:'),
  );
  assert.ok(groups.length > 0, 'the guest user belongs to no group');
  const team = groups[0];
  const { check, failing } = await step(
    `pick a check some of ${team}'s components fail`,
    () => findCampaignCheck(api, pack, team),
  );
  const title = `${check.title} for ${team
    .split('/')
    .pop()} (e2e ${Date.now()})`;
  let campaignId: string | undefined;
  let exemptionId: string | undefined;
  try {
    const before = await step(
      `create the campaign "${title}" in the UI and see its progress`,
      async () => {
        await page.goto(`${APP_URL}/readiness`);
        await page
          .getByRole('button', { name: 'Campaigns', exact: true })
          .click();
        await page.waitForURL(/\/readiness\/campaigns$/);
        await page.getByRole('button', { name: 'New campaign' }).click();
        await page.locator('#readiness-campaign-title').fill(title);
        await page
          .locator('#readiness-campaign-description')
          .fill(`Every component of **${team}** passes *${check.title}*.`);
        await page.locator('#readiness-campaign-owner').fill(team);
        await page.locator('#readiness-campaign-checkIds').fill(check.title);
        await page
          .getByRole('option', { name: check.title, exact: true })
          .click();
        await page.locator('#readiness-campaign-owners').fill(team);
        await page.locator('#readiness-campaign-kinds').fill('component');
        await page.locator('#readiness-campaign-deadline').fill(dayFromNow(30));
        await page.getByRole('button', { name: 'Create' }).click();
        await page.waitForURL(/\/readiness\/campaigns\/[^/]+$/);
        campaignId = decodeURIComponent(page.url().split('/').pop()!);
        await page.getByRole('heading', { name: title }).waitFor();
        const detail: CampaignDetail = await api.getCampaign(campaignId);
        const { done, entities } = detail.campaign.progress;
        assert.ok(
          done < entities,
          `the campaign starts done: ${done}/${entities}`,
        );
        assert.ok(
          detail.entities.some(
            e => e.entity.entityRef === failing.entityRef && !e.done,
          ),
          `${failing.entityRef} is not among the campaign's open entities`,
        );
        await waitFor(
          `the page to show ${done}/${entities}`,
          async () => (await shownProgress(page)) === `${done}/${entities}`,
          30_000,
          500,
        );
        // The backend's first pass over the campaign tells the owners and
        // records what is done already; what is done after it is news.
        const announced = `New readiness campaign: ${title}`;
        await waitFor(
          `a notification "${announced}"`,
          async () => (await notificationTitles(api)).includes(announced),
          60_000,
          1000,
        );
        console.log(`    (progress ${done}/${entities})`);
        return detail.campaign.progress;
      },
    );

    await step(
      `${failing.name}'s Readiness tab and the team tab show the campaign`,
      async () => {
        await page.goto(`${APP_URL}${entityPath(failing)}/readiness`);
        const item = page
          .getByTestId('entity-campaign')
          .filter({ hasText: title });
        await item.waitFor();
        await item
          .getByRole('link', { name: check.title, exact: true })
          .waitFor();
        const [kind, rest] = team.split(':');
        const [namespace, name] = rest.split('/');
        await page.goto(
          `${APP_URL}/catalog/${namespace}/${kind}/${name}/readiness`,
        );
        await page
          .getByTestId('team-campaign')
          .filter({ hasText: title })
          .waitFor();
      },
    );

    await step(
      `exempt ${failing.name} from "${
        check.title
      }" on its Readiness tab: progress moves to ${before.done + 1}/${
        before.entities
      } and the team is notified`,
      async () => {
        await page.goto(
          `${APP_URL}${entityPath(failing)}/readiness#readiness-check-${
            check.id
          }`,
        );
        const item = page.locator(`[id="readiness-check-${check.id}"]`);
        await item
          .getByRole('button', { name: 'Exempt from this check' })
          .click();
        await page
          .locator('#readiness-exemption-reason')
          .fill('e2e: the campaign journey');
        await page.getByRole('button', { name: 'Exempt', exact: true }).click();
        await page.getByRole('dialog').waitFor({ state: 'detached' });
        const [exemption] = await api.getExemptions({
          entityRef: failing.entityRef,
          checkId: check.id,
        });
        assert.ok(exemption, 'the exemption was not saved');
        exemptionId = exemption.id;

        const moved = `${before.done + 1}/${before.entities}`;
        await page.goto(`${APP_URL}/readiness/campaigns/${campaignId}`);
        await waitFor(
          `the campaign page to show ${moved}`,
          async () => {
            await page.reload();
            await page.getByTestId('campaign-progress').first().waitFor();
            return (await shownProgress(page)) === moved;
          },
          60_000,
          2000,
        );
        await screenshot(page, 'campaign.png', 2400);

        const notice = `${
          failing.title ?? failing.name
        } meets campaign ${title}`;
        await waitFor(
          `a notification "${notice}"`,
          async () => (await notificationTitles(api)).includes(notice),
          60_000,
          1000,
        );
        await page.goto(`${APP_URL}/notifications`);
        await page.getByText(notice).first().waitFor();
        await screenshot(page, 'campaign-notification.png', 1200);
      },
    );
  } finally {
    // Leave the example organisation as the other steps expect it.
    if (exemptionId) {
      await api.deleteExemption(exemptionId);
    }
    if (campaignId) {
      await api.setCampaignClosed(campaignId, true);
    }
  }
}
