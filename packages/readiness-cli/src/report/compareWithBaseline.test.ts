import { reportOf, scoredEntity } from '../__testUtils__/scoredEntity';
import { formatJson } from '../format/formatJson';
import {
  baselineOfReport,
  compareWithBaseline,
  describeChange,
  parseBaseline,
} from './compareWithBaseline';

describe('compareWithBaseline', () => {
  const before = reportOf([
    scoredEntity(
      'a',
      {
        'delivery.ci': 'pass',
        'runbook.linked': 'fail',
        'ownership.owner': 'pass',
      },
      'bronze',
    ),
    scoredEntity(
      'b',
      { 'delivery.ci': 'pass', 'runbook.linked': 'pass' },
      'silver',
    ),
  ]);

  it('finds a regression per entity and check even under an improvement elsewhere', () => {
    const after = reportOf([
      scoredEntity(
        'a',
        {
          'delivery.ci': 'fail',
          'runbook.linked': 'pass',
          'ownership.owner': 'pass',
        },
        'bronze',
      ),
      scoredEntity(
        'b',
        { 'delivery.ci': 'pass', 'runbook.linked': 'pass' },
        'silver',
      ),
      scoredEntity('c', { 'delivery.ci': 'fail' }),
    ]);
    const comparison = compareWithBaseline(
      after,
      parseBaseline(formatJson(before), 'baseline.json'),
    );

    expect(comparison.regressions.map(describeChange)).toEqual([
      'component:default/a: delivery.ci pass → fail',
    ]);
    expect(comparison.improvements.map(describeChange)).toEqual([
      'component:default/a: runbook.linked fail → pass',
    ]);
    expect(comparison.newEntities).toEqual(['component:default/c']);
    expect(comparison.fixed.map(describeChange)).toEqual([
      'component:default/a: runbook.linked fail → pass',
    ]);
    expect(Object.fromEntries(comparison.states)).toEqual({
      'component:default/a#delivery.ci': 'new',
      'component:default/c#delivery.ci': 'new',
    });
  });

  it('counts a level drop, and a pass turned unknown, as regressions; not-applicable is not', () => {
    const after = reportOf([
      scoredEntity(
        'a',
        {
          'delivery.ci': 'not-applicable',
          'runbook.linked': 'fail',
          'ownership.owner': 'pass',
        },
        'bronze',
      ),
      scoredEntity(
        'b',
        { 'delivery.ci': 'unknown', 'runbook.linked': 'pass' },
        'bronze',
      ),
    ]);
    const comparison = compareWithBaseline(
      after,
      baselineOfReport(before, 'git ref main'),
    );

    expect(comparison.regressions.map(describeChange)).toEqual([
      'component:default/b: level silver → bronze',
      'component:default/b: delivery.ci pass → unknown',
    ]);
    expect(comparison.states.get('component:default/a#runbook.linked')).toBe(
      'unchanged',
    );
  });

  it('marks a failing check whose reason changed as updated', () => {
    const after = reportOf([
      scoredEntity('a', { 'runbook.linked': 'fail' }, 'bronze'),
    ]);
    after.entities[0].scorecard.results[0].reason = 'another reason';
    expect(
      compareWithBaseline(after, baselineOfReport(before, 'x')).states.get(
        'component:default/a#runbook.linked',
      ),
    ).toBe('updated');
  });

  it('rejects a file that is not a JSON output, naming it', () => {
    expect(() => parseBaseline('{', 'base.json')).toThrow(
      /^--baseline base\.json is not JSON/,
    );
    expect(() => parseBaseline('{"version":1}', 'base.json')).toThrow(
      '--baseline base.json is not the output of readiness score --format json (no "entities" list)',
    );
  });
});
