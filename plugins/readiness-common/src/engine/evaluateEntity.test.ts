/* eslint-disable no-script-url -- unsafe URLs are the test data here */
import type {
  CheckDefinition,
  CheckState,
  Exemption,
  FactDocument,
  RuleOutcome,
} from '../types';
import { createCheckPack } from '../pack/CheckPack';
import { evaluateEntity } from './evaluateEntity';
import { compileCheckPack } from './compileCheckPack';
import {
  createTestFacts,
  testComponent,
} from './__testUtils__/createTestFacts';
import { stateCheck } from './__testUtils__/stateCheck';

const NOW = new Date('2026-03-01T12:00:00Z');

const pack = compileCheckPack(
  createCheckPack({
    checks: [
      stateCheck('basics.b1', 'bronze', 3),
      stateCheck('basics.b2', 'bronze', 3),
      stateCheck('observe.s1', 'silver', 2),
      stateCheck('observe.g1', 'gold', 1),
    ],
  }),
);

type Cell = CheckState;

function run(cells: [Cell, Cell, Cell, Cell], extra?: Exemption[]) {
  const ids = ['basics.b1', 'basics.b2', 'observe.s1', 'observe.g1'];
  const states: Record<string, string> = {};
  const exemptions: Exemption[] = [...(extra ?? [])];
  ids.forEach((id, i) => {
    if (cells[i] === 'exempt') {
      states[id] = 'fail';
      exemptions.push({
        id: `e${i}`,
        entityRef: 'component:default/svc',
        checkId: id,
        reason: 'accepted risk',
        author: 'user:default/lead',
        createdAt: '2026-01-01T00:00:00Z',
      });
    } else {
      states[id] = cells[i];
    }
  });
  const facts = createTestFacts({
    entity: testComponent(),
    extra: { states: { status: 'ok', data: states } },
  });
  return evaluateEntity(pack, facts, {
    exemptions,
    now: NOW,
  });
}

describe('evaluateEntity: the level rule', () => {
  it.each<
    [Cell, Cell, Cell, Cell, string | undefined, string | undefined, string[]]
  >([
    // b1, b2, s1, g1 → level, next level, blocking
    ['pass', 'pass', 'pass', 'pass', 'gold', undefined, []],
    ['pass', 'pass', 'pass', 'fail', 'silver', 'gold', ['observe.g1']],
    ['pass', 'pass', 'pass', 'unknown', 'silver', 'gold', ['observe.g1']],
    ['pass', 'pass', 'pass', 'exempt', 'gold', undefined, []],
    // a level with no applicable check is not reached by having nothing to prove
    ['pass', 'pass', 'pass', 'not-applicable', 'silver', undefined, []],
    [
      'pass',
      'pass',
      'not-applicable',
      'not-applicable',
      'bronze',
      undefined,
      [],
    ],
    ['pass', 'pass', 'fail', 'pass', 'bronze', 'silver', ['observe.s1']],
    ['pass', 'pass', 'unknown', 'pass', 'bronze', 'silver', ['observe.s1']],
    ['pass', 'pass', 'not-applicable', 'pass', 'gold', undefined, []],
    [
      'pass',
      'pass',
      'not-applicable',
      'fail',
      'bronze',
      'gold',
      ['observe.g1'],
    ],
    ['pass', 'fail', 'pass', 'pass', undefined, 'bronze', ['basics.b2']],
    ['pass', 'unknown', 'pass', 'pass', undefined, 'bronze', ['basics.b2']],
    [
      'fail',
      'unknown',
      'fail',
      'fail',
      undefined,
      'bronze',
      ['basics.b1', 'basics.b2'],
    ],
    ['exempt', 'exempt', 'exempt', 'exempt', 'gold', undefined, []],
    ['exempt', 'pass', 'fail', 'pass', 'bronze', 'silver', ['observe.s1']],
    [
      'not-applicable',
      'not-applicable',
      'pass',
      'fail',
      'silver',
      'gold',
      ['observe.g1'],
    ],
    [
      'not-applicable',
      'not-applicable',
      'not-applicable',
      'not-applicable',
      undefined,
      undefined,
      [],
    ],
  ])(
    '%s %s %s %s → %s (next %s, blocking %j)',
    (b1, b2, s1, g1, level, nextLevel, blocking) => {
      const card = run([b1, b2, s1, g1]);
      expect(card.results.map(r => r.state)).toEqual([b1, b2, s1, g1]);
      expect({
        level: card.level,
        nextLevel: card.nextLevel,
        blocking: card.blockingCheckIds,
      }).toEqual({ level, nextLevel, blocking });
    },
  );
});

describe('evaluateEntity: the level rule with a namespace nobody provides', () => {
  const metricsCheck: CheckDefinition = {
    ...stateCheck('monitoring.live', 'gold', 1),
    requires: ['metrics'],
    rule: () => ({ state: 'pass' }),
  };
  const levelPack = createCheckPack({
    checks: [
      stateCheck('basics.b1', 'bronze', 3),
      stateCheck('observe.g1', 'gold', 1),
      metricsCheck,
    ],
  });
  const evaluate = (
    g1: string,
    metrics?: { status: 'unavailable' | 'not-configured'; reason: string },
  ) =>
    evaluateEntity(
      compileCheckPack(levelPack),
      createTestFacts({
        entity: testComponent(),
        extra: {
          states: {
            status: 'ok',
            data: { 'basics.b1': 'pass', 'observe.g1': g1 },
          },
          ...(metrics ? { metrics } : {}),
        },
      }),
      { now: NOW },
    );

  it.each<[string, string, string | undefined, string[]]>([
    // metrics namespace, g1 → level, blocking
    ['absent', 'pass', 'gold', []],
    ['not-configured', 'pass', 'gold', []],
    ['absent', 'fail', 'bronze', ['observe.g1']],
    ['unavailable', 'pass', 'bronze', ['monitoring.live']],
  ])('metrics %s, g1 %s → %s (blocking %j)', (metrics, g1, level, blocking) => {
    const card = evaluate(
      g1,
      metrics === 'absent'
        ? undefined
        : {
            status: metrics as 'unavailable' | 'not-configured',
            reason: 'no Prometheus',
          },
    );
    const live = card.results.find(r => r.checkId === 'monitoring.live')!;
    expect(live.state).toBe('unknown');
    expect(live.notConfigured).toBe(
      metrics === 'unavailable' ? undefined : true,
    );
    expect({ level: card.level, blocking: card.blockingCheckIds }).toEqual({
      level,
      blocking,
    });
  });

  it('does not reach a level whose only checks have no provider', () => {
    const onlyLive = createCheckPack({
      checks: [stateCheck('basics.b1', 'bronze', 3), metricsCheck],
    });
    const card = evaluateEntity(
      compileCheckPack(onlyLive),
      createTestFacts({
        entity: testComponent(),
        extra: { states: { status: 'ok', data: { 'basics.b1': 'pass' } } },
      }),
      { now: NOW },
    );
    expect(card.level).toBe('bronze');
    expect(card.blockingCheckIds).toEqual([]);
  });
});

describe('evaluateEntity: the score', () => {
  it.each<[Cell, Cell, Cell, Cell, number]>([
    ['pass', 'pass', 'pass', 'pass', 100],
    // unknown leaves the denominator: a missing provider does not lower it
    ['pass', 'pass', 'pass', 'unknown', 100],
    ['pass', 'pass', 'pass', 'fail', 89], // 8 / 9
    ['fail', 'pass', 'pass', 'pass', 67], // 6 / 9
    ['exempt', 'pass', 'pass', 'fail', 89],
    ['pass', 'pass', 'not-applicable', 'fail', 86], // 6 / 7
    ['fail', 'fail', 'fail', 'fail', 0],
    ['unknown', 'unknown', 'unknown', 'unknown', 0],
  ])('%s %s %s %s → %d', (b1, b2, s1, g1, score) => {
    expect(run([b1, b2, s1, g1]).score).toBe(score);
  });

  it('summarises categories that have applicable checks', () => {
    const card = run(['pass', 'fail', 'unknown', 'not-applicable']);
    expect(card.categories).toEqual([
      {
        category: 'basics',
        passed: 1,
        failed: 1,
        unknown: 0,
        applicable: 2,
        score: 50,
      },
      {
        category: 'observe',
        passed: 0,
        failed: 0,
        unknown: 1,
        applicable: 1,
        score: 0,
      },
    ]);
  });

  it('stamps the entity ref and the time', () => {
    const card = run(['pass', 'pass', 'pass', 'pass']);
    expect(card.entityRef).toBe('component:default/svc');
    expect(card.evaluatedAt).toBe('2026-03-01T12:00:00.000Z');
  });
});

describe('evaluateEntity: exemptions', () => {
  const exemption = (overrides: Partial<Exemption>): Exemption => ({
    id: 'x',
    entityRef: 'component:default/svc',
    checkId: 'basics.b1',
    reason: 'migrating to the new platform',
    author: 'user:default/lead',
    createdAt: '2026-01-01T00:00:00Z',
    ...overrides,
  });
  const stateWith = (e: Exemption) =>
    run(['fail', 'pass', 'pass', 'pass'], [e]).results[0];

  it('applies without expiry, with the reason', () => {
    const result = stateWith(exemption({}));
    expect(result.state).toBe('exempt');
    expect(result.reason).toBe('Exempt: migrating to the new platform');
    expect(result.exemption?.id).toBe('x');
  });

  it('applies until it expires', () => {
    const result = stateWith(exemption({ expiresAt: '2026-03-02T00:00:00Z' }));
    expect(result.state).toBe('exempt');
    expect(result.reason).toBe(
      'Exempt: migrating to the new platform (until 2026-03-02)',
    );
  });

  it.each([
    ['expired', exemption({ expiresAt: '2026-03-01T11:59:59Z' })],
    ['expiring now', exemption({ expiresAt: '2026-03-01T12:00:00Z' })],
    ['with a malformed expiry', exemption({ expiresAt: 'soon' })],
    ['for another entity', exemption({ entityRef: 'component:default/other' })],
    ['for another check', exemption({ checkId: 'basics.b2' })],
  ])('does not apply %s', (_name, e) => {
    expect(stateWith(e).state).toBe('fail');
  });

  it('matches entity refs case-insensitively', () => {
    expect(
      stateWith(exemption({ entityRef: 'Component:default/SVC' })).state,
    ).toBe('exempt');
  });

  it('does not exempt a check that does not apply', () => {
    const card = run(
      ['not-applicable', 'pass', 'pass', 'pass'],
      [exemption({})],
    );
    expect(card.results[0].state).toBe('not-applicable');
  });
});

describe('evaluateEntity: code checks', () => {
  function codeCheck(rule: unknown, requires: string[] = []): CheckDefinition {
    return {
      id: 'custom.check',
      title: 'Custom',
      category: 'custom',
      level: 'bronze',
      weight: 1,
      requires,
      rule: rule as CheckDefinition['rule'],
      messages: { pass: 'ok', fail: 'not ok' },
      remediation: { markdown: 'do it' },
    };
  }
  const facts = createTestFacts({ entity: testComponent() });
  const evaluateWith = (rule: unknown, requires?: string[]) =>
    evaluateEntity(
      compileCheckPack(
        createCheckPack({ checks: [codeCheck(rule, requires)] }),
      ),
      facts,
      {
        now: NOW,
      },
    ).results[0];

  it('uses the outcome, its reason and its evidence', () => {
    expect(
      evaluateWith(() => ({
        state: 'fail',
        reason: 'two open findings',
        evidence: [
          { kind: 'file', label: 'SECURITY.md', url: 'https://x' },
          { kind: 'bogus', label: 'dropped' },
          'dropped',
        ],
      })),
    ).toEqual({
      checkId: 'custom.check',
      state: 'fail',
      reason: 'two open findings',
      evidence: [{ kind: 'file', label: 'SECURITY.md', url: 'https://x' }],
    });
    expect(evaluateWith(() => ({ state: 'pass' }))).toMatchObject({
      state: 'pass',
      reason: 'ok',
      evidence: [],
    });
  });

  it('turns a throw into unknown', () => {
    expect(
      evaluateWith(() => {
        throw new Error('boom');
      }),
    ).toMatchObject({
      state: 'unknown',
      reason: 'The check failed to evaluate: boom',
    });
  });

  it.each([
    [() => undefined, 'The check returned no outcome'],
    [() => 'pass', 'The check returned no outcome'],
    [() => ({ state: 'maybe' }), 'The check returned an invalid state: maybe'],
  ])('turns a malformed outcome into unknown (%#)', (rule, reason) => {
    expect(evaluateWith(rule)).toMatchObject({ state: 'unknown', reason });
  });

  it('is unknown when a required namespace is missing, without running', () => {
    const rule = jest.fn(() => ({ state: 'pass' as const }));
    expect(evaluateWith(rule, ['security'])).toMatchObject({
      state: 'unknown',
      reason: 'Security facts are not collected in this installation',
    });
    expect(rule).not.toHaveBeenCalled();
  });
});

describe('evaluateEntity: robustness', () => {
  it('evaluates a pack that was not made by createCheckPack, leniently', () => {
    const good = createCheckPack().checks[0];
    const card = evaluateEntity(
      compileCheckPack({
        levels: [{ id: 'bronze', title: 'Bronze' }],
        categories: ['ownership'],
        checks: [
          good,
          { ...good, id: 'ownership.broken', rule: { nope: 1 } },
          { ...good, id: 'ownership.broken-level', level: 'platinum' },
          null as unknown as CheckDefinition,
        ],
      }),
      createTestFacts({ entity: testComponent(), owner: {} }),
      { now: NOW },
    );
    expect(card.results.map(r => [r.checkId, r.state])).toEqual([
      ['ownership.owner-resolves', 'pass'],
      ['ownership.broken', 'unknown'],
      ['ownership.broken-level', 'unknown'],
      ['#3', 'unknown'],
    ]);
    expect(card.results[1].reason).toMatch(
      /^The check is invalid: checks\[1\]\.rule: unknown rule/,
    );
    expect(card.results[2].reason).toMatch(/checks\[2\]\.level: unknown level/);
  });

  it('survives a pack that is not one', () => {
    const card = evaluateEntity(
      undefined as never,
      createTestFacts({ entity: testComponent() }),
      { now: NOW },
    );
    expect(card).toMatchObject({ results: [], score: 0, blockingCheckIds: [] });
  });

  it('uses the current time when now is not a valid date', () => {
    const card = evaluateEntity(
      compileCheckPack(createCheckPack()),
      createTestFacts({ entity: testComponent() }),
      { now: new Date('nope') },
    );
    expect(Number.isNaN(Date.parse(card.evaluatedAt))).toBe(false);
  });

  it('gives the same result for the same input', () => {
    const facts = createTestFacts({
      entity: testComponent({ annotations: { 'argocd/app-name': 'x' } }),
      owner: {},
    });
    const defaultPack = createCheckPack();
    expect(
      evaluateEntity(compileCheckPack(defaultPack), facts, { now: NOW }),
    ).toEqual(
      evaluateEntity(compileCheckPack(defaultPack), facts, { now: NOW }),
    );
  });
});

describe('evaluateEntity: unsafe link schemes', () => {
  const defaultPack = compileCheckPack(createCheckPack());
  const UNSAFE = [
    'javascript:alert(document.cookie)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    '\tjavascript:alert(1)',
    'java%0ascript:alert(1)',
    '&#106;avascript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'vbscript:msgbox(1)',
  ];

  function result(facts: FactDocument, checkId: string) {
    const card = evaluateEntity(defaultPack, facts, {
      now: NOW,
    });
    const found = card.results.find(r => r.checkId === checkId);
    expect(found).toBeDefined();
    return found!;
  }

  function urlsOf(facts: FactDocument): string[] {
    return evaluateEntity(defaultPack, facts, {
      now: NOW,
    }).results.flatMap(r =>
      r.evidence.flatMap(e => (e.url === undefined ? [] : [e.url])),
    );
  }

  it.each(UNSAFE)(
    'fails the check when the only runbook link is %j, naming the link',
    url => {
      const facts = createTestFacts({
        entity: testComponent({
          links: [{ url, title: 'Runbook', type: 'runbook' }],
        }),
      });
      const runbook = result(facts, 'runbook.runbook');
      expect(runbook.state).toBe('fail');
      expect(runbook.reason).toContain(
        'unsafe link scheme: link "Runbook" is not counted',
      );
      expect(runbook.evidence).toEqual([]);
      expect(urlsOf(facts)).toEqual([]);
    },
  );

  it('passes on a safe link beside an unsafe one, with only the safe URL', () => {
    const facts = createTestFacts({
      entity: testComponent({
        links: [
          { url: 'javascript:alert(1)', title: 'Bad', type: 'dashboard' },
          {
            url: 'https://grafana.example.com/d/abc/payments',
            title: 'Good',
            type: 'dashboard',
          },
        ],
      }),
    });
    const dashboard = result(facts, 'monitoring.dashboard');
    expect(dashboard.state).toBe('pass');
    expect(dashboard.evidence.map(e => e.url)).toEqual([
      'https://grafana.example.com/d/abc/payments',
    ]);
  });

  it('does not count an annotation whose value is an unsafe link', () => {
    const facts = createTestFacts({
      entity: testComponent({
        annotations: { 'prodready.io/runbook-url': 'javascript:alert(1)' },
      }),
    });
    const runbook = result(facts, 'runbook.runbook');
    expect(runbook.state).toBe('fail');
    expect(runbook.reason).toContain(
      'unsafe link scheme: annotation prodready.io/runbook-url is not counted',
    );
    expect(urlsOf(facts)).toEqual([]);
  });

  it('still counts annotations that are not links at all', () => {
    const facts = createTestFacts({
      entity: testComponent({
        annotations: { 'sentry.io/project-slug': 'acme/payments' },
      }),
    });
    expect(result(facts, 'logging.error-tracking').state).toBe('pass');
  });

  it('does not count an owner contact with an unsafe URL', () => {
    const facts = createTestFacts({
      entity: testComponent(),
      owner: {
        contacts: [
          { type: 'chat', label: '#payments', url: 'javascript:alert(1)' },
        ],
      },
    });
    const contact = result(facts, 'ownership.contact');
    expect(contact.state).toBe('fail');
    expect(contact.reason).toContain(
      'unsafe link scheme: owner chat "#payments" is not counted',
    );
    expect(urlsOf(facts)).toEqual([]);
  });

  it('keeps mailto: URLs of owner contacts', () => {
    const facts = createTestFacts({
      entity: testComponent(),
      owner: {
        contacts: [
          {
            type: 'email',
            label: 'team@example.com',
            url: 'mailto:team@example.com',
          },
        ],
      },
    });
    const contact = result(facts, 'ownership.contact');
    expect(contact.state).toBe('pass');
    expect(contact.evidence[0].url).toBe('mailto:team@example.com');
  });

  it('gives files no URL when the repository location is not a web URL', () => {
    const facts = createTestFacts({
      entity: testComponent(),
      repository: {
        location: 'javascript:alert(1)//',
        files: ['docs/runbook.md'],
      },
    });
    const runbook = result(facts, 'runbook.runbook');
    expect(runbook.state).toBe('pass');
    expect(runbook.evidence[0]).toMatchObject({ label: 'docs/runbook.md' });
    expect(urlsOf(facts)).toEqual([]);
  });

  it('drops unsafe URLs from the evidence of code checks', () => {
    const card = evaluateEntity(
      compileCheckPack(
        createCheckPack({
          checks: [
            {
              id: 'runbook.code',
              title: 'code',
              category: 'runbook',
              level: 'bronze',
              weight: 1,
              requires: [],
              rule: () => ({
                state: 'pass',
                evidence: [
                  { kind: 'link', label: 'bad', url: 'javascript:alert(1)' },
                  { kind: 'link', label: 'good', url: 'https://example.com' },
                ],
              }),
              messages: { pass: 'ok', fail: 'not ok' },
              remediation: { markdown: 'fix' },
            },
          ],
        }),
      ),
      createTestFacts({ entity: testComponent() }),
      { now: NOW },
    );
    expect(card.results[0].evidence).toEqual([
      { kind: 'link', label: 'bad' },
      { kind: 'link', label: 'good', url: 'https://example.com' },
    ]);
  });
});

describe('evaluateEntity: evidence strength', () => {
  const ciCheck = (minStrength?: 'observed' | 'declared'): CheckDefinition => ({
    id: 'delivery.built',
    title: 'Built',
    category: 'delivery',
    level: 'bronze',
    weight: 1,
    requires: ['entity'],
    rule: {
      anyOf: [
        { annotation: 'jenkins.io/job-full-name' },
        { file: { kind: 'ci' } },
      ],
    },
    messages: { pass: 'Built in CI', fail: 'Not built in CI' },
    remediation: { markdown: 'Add CI.' },
    ...(minStrength ? { minStrength } : {}),
  });
  const packOf = (check: CheckDefinition) =>
    compileCheckPack(createCheckPack({ checks: [check] }));
  const declaredOnly = createTestFacts({
    entity: testComponent({
      annotations: { 'jenkins.io/job-full-name': 'acme/svc' },
    }),
  });
  const withFile = createTestFacts({
    entity: testComponent({
      annotations: { 'jenkins.io/job-full-name': 'acme/svc' },
    }),
    repository: {
      files: ['Jenkinsfile'],
      filesByKind: { ci: ['Jenkinsfile'] },
    },
  });

  it('passes on declared evidence by default, and says so', () => {
    const [result] = evaluateEntity(packOf(ciCheck()), declaredOnly, {
      now: NOW,
    }).results;
    expect(result.state).toBe('pass');
    expect(result.evidence).toEqual([
      expect.objectContaining({
        label: 'jenkins.io/job-full-name',
        strength: 'declared',
      }),
    ]);
  });

  it('fails a check that needs observed evidence when only declared is found', () => {
    const [result] = evaluateEntity(packOf(ciCheck('observed')), declaredOnly, {
      now: NOW,
    }).results;
    expect(result.state).toBe('fail');
    expect(result.reason).toBe(
      'Not built in CI (the evidence found is weaker than observed, which this check needs)',
    );
  });

  it('passes a check that needs observed evidence on a repository file', () => {
    const [result] = evaluateEntity(packOf(ciCheck('observed')), withFile, {
      now: NOW,
    }).results;
    expect(result.state).toBe('pass');
    expect(result.evidence).toContainEqual(
      expect.objectContaining({ label: 'Jenkinsfile', strength: 'observed' }),
    );
  });

  it('never passes a code rule on hints alone', () => {
    const hinted: CheckDefinition = {
      ...ciCheck(),
      rule: (): RuleOutcome => ({
        state: 'pass',
        evidence: [{ kind: 'link', label: 'link "CI"', strength: 'hint' }],
      }),
    };
    const [result] = evaluateEntity(packOf(hinted), declaredOnly, {
      now: NOW,
    }).results;
    expect(result.state).toBe('fail');
    expect(result.evidence[0].strength).toBe('hint');
  });
});
