import { InputError } from '@backstage/errors';
import { parseReadinessRule } from './parseReadinessRule';

describe('parseReadinessRule', () => {
  it('accepts every operator', () => {
    const rule = {
      allOf: [
        {
          anyOf: [
            { annotation: 'pagerduty.com/service-id' },
            { annotation: ['a', 'b/*'], matches: 'P*' },
            {
              link: {
                type: ['alerts', 'oncall'],
                title: '*x*',
                url: 'https://*',
                icon: 'dashboard',
              },
            },
            { link: 'runbook' },
            { label: 'tier', in: ['1', 2, true] },
            { tag: ['java', 'tier-*'] },
            { tier: true },
            { tier: ['tier-1'] },
            { field: 'spec.system', exists: true },
            {
              filter: { kind: 'component', 'spec.type': { $in: ['service'] } },
            },
            { file: '.github/workflows/*deploy*' },
            { file: { kind: ['ci', 'deploy'], path: '**' } },
            { dependency: { name: '@opentelemetry/*', ecosystem: 'npm' } },
            { dependency: ['dd-trace'] },
            { owner: { resolved: true, kind: ['group'] } },
            { ownerContact: ['email', 'member-email'] },
            { signal: ['latency'] },
            { metrics: 'probes', matches: 'probe_success*' },
            { fact: 'owner.resolved', equals: true },
            { fact: 'security.findings', lte: 0 },
          ],
        },
        { not: { tag: 'deprecated' } },
      ],
    };
    expect(parseReadinessRule(rule)).toBe(rule);
  });

  it.each([
    [
      { anyOf: [{ anotation: 'x' }] },
      'rule.anyOf[0]: unknown rule; expected exactly one of allOf, anyOf, not, annotation',
    ],
    [{ anyOf: [] }, 'rule.anyOf: expected a non-empty list of rules, got []'],
    [{ allOf: { tag: 'x' } }, 'rule.allOf: expected a non-empty list of rules'],
    ['tag', 'rule: expected a rule object such as { anyOf: [...] }, got "tag"'],
    [null, 'rule: expected a rule object'],
    [
      { tag: 'a', annotation: 'b' },
      'rule: a rule has exactly one operator but this one has tag, annotation; combine them with allOf',
    ],
    [
      { tag: 'a', equals: 'b' },
      'rule.equals: unknown key for a "tag" rule, got "b"',
    ],
    [
      { annotation: 'a', exists: false },
      'rule.exists: exists: false cannot match a key that is present; wrap the rule in "not" instead, got false',
    ],
    [
      { annotation: 'a', equals: 'x', in: ['y'] },
      'rule: at most one of exists, equals, in, matches',
    ],
    [{ annotation: '' }, 'rule.annotation: expected an annotation key'],
    [
      { annotation: ['ok', 3] },
      'rule.annotation[1]: expected an annotation key, got 3',
    ],
    [
      { annotation: 'a', in: [] },
      'rule.in: expected a non-empty list of values, got []',
    ],
    [
      { annotation: 'a', in: [{}] },
      'rule.in[0]: expected a string, number or boolean, got {}',
    ],
    [{ field: 'spec.x', gte: 'big' }, 'rule.gte: expected a number, got "big"'],
    [
      { link: { kind: 'x' } },
      'rule.link.kind: unknown link condition; allowed: type, title, url, icon, got "x"',
    ],
    [
      { link: {} },
      'rule.link: expected at least one of type, title, url, icon, got {}',
    ],
    [
      { link: 5 },
      'rule.link: expected a link type, a list of types, or { type, title, url, icon }, got 5',
    ],
    [{ tag: '*.{a' }, 'rule.tag: unclosed "{" in pattern "*.{a"'],
    [{ tier: false }, 'rule.tier: expected true or a tier such as tier-1'],
    [
      { field: '' },
      'rule.field: expected a dot-separated field path such as spec.system',
    ],
    [{ filter: { $all: 'x' } }, 'rule.filter: not a valid filter predicate'],
    [
      { file: { kind: 'scripts' } },
      'rule.file.kind: unknown repository file kind; expected one of ci, deploy',
    ],
    [
      { file: { kind: ['ci', 'x'] } },
      'rule.file.kind[1]: unknown repository file kind',
    ],
    [{ file: {} }, 'rule.file: expected kind or path, got {}'],
    [
      { file: { glob: '*' } },
      'rule.file.glob: unknown file condition; allowed: kind, path',
    ],
    [
      { dependency: { name: [] } },
      'rule.dependency.name: expected a glob pattern or a non-empty list of them, got []',
    ],
    [
      { dependency: { names: 'x' } },
      'rule.dependency.names: unknown dependency condition',
    ],
    [
      { owner: 'group' },
      'rule.owner: expected { resolved?, kind? }, got "group"',
    ],
    [
      { owner: { resolved: 'yes' } },
      'rule.owner.resolved: expected true or false, got "yes"',
    ],
    [
      { ownerContact: 'phone' },
      'rule.ownerContact: unknown contact type; expected one of email, chat, oncall, url, member-email, got "phone"',
    ],
    [
      { signal: ['latency', 'uptime'] },
      'rule.signal[1]: unknown signal; expected one of latency, traffic, errors, saturation, got "uptime"',
    ],
    [
      { metrics: 'dashboards' },
      'rule.metrics: expected one of alertRules, probes, slos, alertRunbooks, burnRateAlerts, tlsProbes, got "dashboards"',
    ],
    [
      { fact: 'nodot.' },
      'rule.fact: expected <namespace>.<path>, e.g. owner.resolved, got "nodot."',
    ],
    [
      { not: { allOf: [{ tag: 'a' }, { bad: 1 }] } },
      'rule.not.allOf[1]: unknown rule',
    ],
  ])('rejects %j', (rule, message) => {
    let error: unknown;
    try {
      parseReadinessRule(rule);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toContain(message);
  });

  it('uses the given path', () => {
    expect(() =>
      parseReadinessRule(
        { anyOf: [{ tag: 'x' }, { nope: true }] },
        { path: 'readiness.checks[2].rule' },
      ),
    ).toThrow(/^readiness\.checks\[2\]\.rule\.anyOf\[1\]: unknown rule/);
  });

  it('bounds the bad value shown', () => {
    expect(() => parseReadinessRule({ tag: 5, x: 'y'.repeat(1000) })).toThrow(
      /…$/,
    );
  });
});
