/*
 * The e2e journey of a level change: a service of the guest's team rises
 * through exemptions and drops back, and its team is told both times (the
 * drop replacing the rise).
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import {
  levelWord,
  type CheckPackResponse,
} from '@prodready/plugin-readiness-common';
import { findPromotableService, notificationTitles } from './exampleOrg';
import type { ReadinessTestApi } from './readinessApi';
import { screenshot, step } from './steps';
import { APP_URL, waitFor } from './stack';

/** Runs the level change journey on the signed-in page. */
export async function levelChangeJourney(options: {
  page: Page;
  api: ReadinessTestApi;
  pack: CheckPackResponse;
}): Promise<void> {
  const { page, api, pack } = options;
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
}
