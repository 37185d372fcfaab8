import { InputError } from '@backstage/errors';
import type { CheckDefinition } from '../types';
import { createCheckPack } from './CheckPack';
import { compareLevels } from './compareLevels';
import { defaultChecks } from './defaultChecks';
import { toCheckInfo } from './toCheckInfo';

const custom: CheckDefinition = {
  id: 'security.codeowners',
  title: 'CODEOWNERS',
  category: 'security',
  level: 'silver',
  weight: 1,
  requires: ['entity'],
  rule: { anyOf: [{ file: 'CODEOWNERS' }, { annotation: 'acme.com/owners' }] },
  messages: { pass: 'yes', fail: 'no' },
  remediation: { markdown: 'Add CODEOWNERS' },
};

describe('createCheckPack', () => {
  it('builds the default pack, frozen, with the six categories in order', () => {
    const pack = createCheckPack();
    expect(pack.checks).toHaveLength(20);
    expect(pack.categories).toEqual([
      'monitoring',
      'logging',
      'tracing',
      'runbook',
      'delivery',
      'ownership',
    ]);
    expect(Object.isFrozen(pack)).toBe(true);
    expect(Object.isFrozen(pack.checks)).toBe(true);
  });

  it('lists other categories after the default ones', () => {
    const pack = createCheckPack({ checks: [custom, defaultChecks[0]] });
    expect(pack.categories).toEqual(['ownership', 'security']);
  });

  it.each<[string, Partial<CheckDefinition> | null, string]>([
    [
      'a duplicate id',
      { id: defaultChecks[0].id },
      `checks[20].id: duplicate check id, got "${defaultChecks[0].id}"`,
    ],
    [
      'an unknown level',
      { level: 'platinum' },
      'checks[20].level: unknown level; the levels are bronze, silver, gold, got "platinum"',
    ],
    [
      'a malformed rule',
      { rule: { anyOf: [{ file: 'x' }, { link: { kind: 'x' } }] } },
      'checks[20].rule.anyOf[1].link.kind: unknown link condition',
    ],
    [
      'a malformed appliesTo',
      { appliesTo: 'components' },
      'checks[20].appliesTo: not a valid filter predicate',
    ],
    ['no title', { title: '' }, 'checks[20].title: expected a title, got ""'],
    [
      'no messages',
      { messages: undefined },
      'checks[20].messages: expected { pass, fail }',
    ],
    [
      'a remediation link without url',
      { remediation: { markdown: 'x', links: [{ title: 't', url: '' }] } },
      'checks[20].remediation.links[0].url: expected a URL',
    ],
    [
      'a remediation link to a script',
      {
        remediation: {
          markdown: 'x',
          links: [{ title: 't', url: ' JavaScript:alert(1)' }],
        },
      },
      'checks[20].remediation.links[0].url: expected an http(s) URL (unsafe link scheme), got " JavaScript:alert(1)"',
    ],
    [
      'requires that is not a list',
      { requires: 'entity' as never },
      'checks[20].requires: expected a list of fact namespaces, got "entity"',
    ],
    [
      'not a check',
      null,
      'checks[20]: expected a check definition object, got null',
    ],
  ])('rejects %s', (_name, change, message) => {
    const check = change === null ? null : { ...custom, ...change };
    expect(() =>
      createCheckPack({
        checks: [...defaultChecks, check as CheckDefinition],
      }),
    ).toThrow(InputError);
    expect(() =>
      createCheckPack({ checks: [...defaultChecks, check as CheckDefinition] }),
    ).toThrow(message);
  });

  it('rejects malformed levels', () => {
    expect(() => createCheckPack({ levels: [] })).toThrow(
      'levels: expected a non-empty list of levels, lowest first, got []',
    );
    expect(() =>
      createCheckPack({
        levels: [{ id: 'bronze', title: 'B', color: 3 as never }],
      }),
    ).toThrow('levels[0].color: expected a CSS colour, got 3');
  });
});

describe('compareLevels', () => {
  const pack = createCheckPack();
  it.each([
    ['bronze', 'silver', -1],
    ['gold', 'silver', 1],
    ['silver', 'silver', 0],
    [undefined, 'bronze', -1],
    ['bronze', undefined, 1],
    [undefined, undefined, 0],
    ['platinum', 'bronze', -1],
  ])('%s vs %s', (a, b, sign) => {
    expect(Math.sign(compareLevels(pack, a, b))).toBe(sign);
  });

  it('sorts entities by level', () => {
    const entities = ['gold', undefined, 'bronze', 'silver'].map(level => ({
      level,
    }));
    expect(
      entities
        .sort((a, b) => compareLevels(pack, a.level, b.level))
        .map(e => e.level),
    ).toEqual([undefined, 'bronze', 'silver', 'gold']);
  });
});

describe('toCheckInfo', () => {
  it('describes a check without its rule, with the optional namespaces', () => {
    const ci = defaultChecks.find(c => c.id === 'delivery.ci')!;
    const info = toCheckInfo(ci);
    expect(info).toEqual({
      id: 'delivery.ci',
      title: ci.title,
      description: ci.description,
      category: 'delivery',
      level: 'bronze',
      weight: 3,
      requires: ['entity'],
      minStrength: 'declared',
      optional: ['repository'],
      remediation: ci.remediation,
    });
    expect(info).not.toHaveProperty('rule');
    expect(() => JSON.stringify(info)).not.toThrow();
  });

  it('infers the optional namespaces of a declarative rule', () => {
    expect(toCheckInfo(custom).optional).toEqual(['repository']);
    expect(
      toCheckInfo({ ...custom, rule: () => ({ state: 'pass' }) }),
    ).not.toHaveProperty('optional');
  });
});
