/*
 * How the e2e journeys report: each step printed with its outcome and time,
 * and screenshots of whole pages saved to docs/screenshots/.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from './stack';

/** Where the journeys save their screenshots (the README shows them). */
export const SCREENSHOTS = path.join(ROOT, 'docs', 'screenshots');

/**
 * Saves a screenshot of the whole page content: the viewport is made as tall
 * as the content (Backstage scrolls an inner element, so `fullPage` alone
 * would stop at the viewport), the pointer is moved off the sidebar so that
 * it is collapsed.
 */
export async function screenshot(page: Page, name: string, maxHeight = 3000) {
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
  // fullPage also takes in content wider than the viewport. Headless
  // Chromium now and then never delivers the frame a screenshot waits for
  // (seen once in CI: 60 s after "fonts loaded"); a nudge and a new attempt
  // get one. A screenshot is documentation, not an assertion: after three
  // attempts the committed one stays and the step goes on.
  for (let attempt = 1; ; attempt++) {
    try {
      await page.screenshot({
        path: path.join(SCREENSHOTS, name),
        fullPage: true,
        timeout: 20_000,
      });
      break;
    } catch (error) {
      if (attempt === 3) {
        console.log(`    (screenshot ${name} not retaken: ${String(error)})`);
        break;
      }
      await page.mouse.move(viewport.width - 40, 40);
      await page.waitForTimeout(500);
    }
  }
  await page.setViewportSize(viewport);
}

/** Runs one step, printing its outcome and duration. */
export async function step<T>(name: string, run: () => Promise<T>): Promise<T> {
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
