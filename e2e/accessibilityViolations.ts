/*
 * Accessibility checks with axe-core, run inside the page the browser tests
 * have open.
 */
import type { Page } from 'playwright-core';

/** One failed axe rule, with where it failed. */
export interface AccessibilityViolation {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * The serious and critical WCAG 2.1 A/AA violations inside `selector` (by
 * default the page's main content). Code blocks (`pre`) are left out: their
 * syntax colours come from Backstage's code highlighter, not from us.
 */
export async function accessibilityViolations(
  page: Page,
  selector = 'main',
): Promise<AccessibilityViolation[]> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  return page.evaluate(async root => {
    type AxeResult = {
      violations: Array<{
        id: string;
        impact?: string;
        help: string;
        nodes: Array<{ target: string[] }>;
      }>;
    };
    const axe = (
      window as unknown as {
        axe: {
          run(context: object, options: object): Promise<AxeResult>;
        };
      }
    ).axe;
    const result = await axe.run(
      { include: [root], exclude: [`${root} pre`] },
      { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    );
    return result.violations
      .filter(v => v.impact === 'serious' || v.impact === 'critical')
      .map(v => ({
        rule: v.id,
        impact: v.impact ?? '',
        help: v.help,
        targets: v.nodes.map(n => n.target.join(' ')),
      }));
  }, selector);
}
