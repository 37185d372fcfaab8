import { fixturePack } from '../__fixtures__/fixturePack';
import { reportOf, scoredEntity } from '../__testUtils__/scoredEntity';
import {
  baselineOfReport,
  compareWithBaseline,
} from '../report/compareWithBaseline';
import { MARKDOWN_LIMIT, formatMarkdown } from './formatMarkdown';
import { formatSarif } from './formatSarif';

const allFailing = Object.fromEntries(
  fixturePack.checks.map(c => [c.id, 'fail' as const]),
);

describe('formatMarkdown', () => {
  it.each([28, 2000, 10000])(
    'stays under 60,000 characters for %i entities, with each remediation once',
    count => {
      const report = reportOf(
        Array.from({ length: count }, (_, i) =>
          scoredEntity(`service-with-a-long-name-${i}`, allFailing),
        ),
      );
      const markdown = formatMarkdown(report);

      expect(markdown.length).toBeLessThan(MARKDOWN_LIMIT);
      for (const check of fixturePack.checks) {
        expect(markdown.split(`<code>${check.id}</code>`).length - 1).toBe(1);
      }
      expect(markdown).toContain('| N/A |');
      expect(/\d+ more entities not shown/.test(markdown)).toBe(count > 100);
    },
  );

  it('shows the regressions first, and at most --max-entities entities', () => {
    const before = reportOf([
      scoredEntity('a', { 'delivery.ci': 'pass' }, 'bronze'),
      scoredEntity('b', { 'delivery.ci': 'pass' }, 'bronze'),
    ]);
    const after = reportOf([
      scoredEntity('a', { 'delivery.ci': 'pass' }, 'bronze'),
      scoredEntity('b', { 'delivery.ci': 'fail' }),
    ]);
    after.baseline = compareWithBaseline(
      after,
      baselineOfReport(before, 'main'),
    );

    const markdown = formatMarkdown(after, { maxEntities: 1 });
    const lines = markdown.split('\n');
    expect(lines[4]).toBe('### ❌ Since main: 2 regressions, 0 improvements');
    expect(lines.slice(6, 8)).toEqual([
      '- component:default/b: level bronze → none',
      '- component:default/b: delivery.ci pass → fail',
    ]);
    expect(markdown).toContain('| `component:default/b` |');
    expect(markdown).not.toContain('| `component:default/a` |');
    expect(markdown).toContain('1 more entity not shown (--max-entities 1)');
  });
});

describe('formatSarif', () => {
  it('defines each rule once and sets baselineState, with fixed checks absent', () => {
    const before = reportOf([
      scoredEntity('a', {
        'delivery.ci': 'pass',
        'runbook.linked': 'fail',
        'monitoring.dashboard': 'fail',
      }),
    ]);
    const after = reportOf([
      scoredEntity('a', {
        'delivery.ci': 'fail',
        'runbook.linked': 'fail',
        'monitoring.dashboard': 'pass',
      }),
    ]);
    after.baseline = compareWithBaseline(
      after,
      baselineOfReport(before, 'main'),
    );

    const sarif = JSON.parse(formatSarif(after, { version: '1.0.0' }));
    const run = sarif.runs[0];
    expect(run.tool.driver.rules).toHaveLength(fixturePack.checks.length);
    expect(
      run.results.map((r: { ruleId: string; baselineState: string }) => [
        r.ruleId,
        r.baselineState,
      ]),
    ).toEqual([
      ['delivery.ci', 'new'],
      ['runbook.linked', 'unchanged'],
      ['monitoring.dashboard', 'absent'],
    ]);
    expect(run.results[2]).toMatchObject({ kind: 'pass', level: 'none' });
  });
});
