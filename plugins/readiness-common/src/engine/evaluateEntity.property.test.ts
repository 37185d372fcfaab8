import fc from 'fast-check';
import { InputError } from '@backstage/errors';
import type { CheckDefinition, EntityScorecard, FactDocument } from '../types';
import { CHECK_STATES } from '../types';
import { createCheckPack } from '../pack/CheckPack';
import { parseReadinessRule } from '../rules/parseReadinessRule';
import { evaluateReadinessRule } from '../rules/evaluateReadinessRule';
import type { ReadinessRule } from '../rules/ReadinessRule';
import { evaluateEntity } from './evaluateEntity';
import { compileCheckPack } from './compileCheckPack';
import { EVIDENCE_KINDS } from '../types/results';

const pack = createCheckPack();
const compiledPack = compileCheckPack(pack);
const levelIds = pack.levels.map(l => l.id);

const HUGE = 'x'.repeat(200_000);

/** Strings, including realistic keys, blanks and a huge one. */
const text = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '',
    ' ',
    HUGE,
    'pagerduty.com/service-id',
    'https://example.com/x',
    'Runbook',
    'dashboard',
    'tier-1',
    '__proto__',
    'constructor',
  ),
);

/** Anything at all, with a bias towards wrong types. */
const junk = fc.oneof(
  fc.anything({ maxDepth: 2 }),
  text,
  fc.constant(null),
  fc.constant(undefined),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.array(fc.anything({ maxDepth: 1 }), { maxLength: 4 }),
);

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof(arb, junk);

const link = maybe(
  fc.record(
    {
      url: maybe(text),
      title: maybe(text),
      type: maybe(
        fc.constantFrom('logs', 'Runbook', 'oncall', 'slo', 'probe', 'ci', 'x'),
      ),
      icon: maybe(fc.constantFrom('dashboard', 'docs', 'chat')),
    },
    { requiredKeys: [] },
  ),
);

const stringMap = maybe(fc.dictionary(text, maybe(text), { maxKeys: 6 }));

const entity = maybe(
  fc.record(
    {
      apiVersion: maybe(fc.constant('backstage.io/v1alpha1')),
      kind: maybe(fc.constantFrom('Component', 'API', 'Group', 'System')),
      metadata: maybe(
        fc.record(
          {
            name: maybe(text),
            annotations: stringMap,
            labels: stringMap,
            tags: maybe(fc.array(maybe(text), { maxLength: 5 })),
            links: maybe(fc.array(link, { maxLength: 5 })),
          },
          { requiredKeys: [] },
        ),
      ),
      spec: maybe(
        fc.record(
          {
            type: maybe(fc.constantFrom('service', 'library', 'website')),
            lifecycle: maybe(text),
            owner: maybe(text),
            system: maybe(text),
          },
          { requiredKeys: [] },
        ),
      ),
    },
    { requiredKeys: [] },
  ),
);

const owner = maybe(
  fc.record(
    {
      resolved: maybe(fc.boolean()),
      kind: maybe(fc.constantFrom('group', 'user')),
      ownerRef: maybe(text),
      email: maybe(text),
      contacts: maybe(
        fc.array(
          maybe(
            fc.record({
              type: maybe(fc.constantFrom('email', 'chat', 'oncall', 'url')),
              label: maybe(text),
              url: maybe(text),
            }),
          ),
          { maxLength: 4 },
        ),
      ),
      members: maybe(
        fc.array(maybe(fc.record({ ref: maybe(text), email: maybe(text) })), {
          maxLength: 4,
        }),
      ),
    },
    { requiredKeys: [] },
  ),
);

const repository = maybe(
  fc.record(
    {
      location: maybe(text),
      files: maybe(fc.array(maybe(text), { maxLength: 8 })),
      truncated: maybe(fc.boolean()),
      filesByKind: maybe(
        fc.dictionary(
          fc.constantFrom('ci', 'deploy', 'rollback', 'runbook', 'x'),
          maybe(fc.array(maybe(text), { maxLength: 4 })),
        ),
      ),
      dependencies: maybe(
        fc.array(
          maybe(
            fc.record({
              ecosystem: maybe(fc.constantFrom('npm', 'go', 'pypi')),
              name: maybe(
                fc.oneof(
                  text,
                  fc.constantFrom('@opentelemetry/api', 'sentry-sdk'),
                ),
              ),
              manifest: maybe(text),
            }),
          ),
          { maxLength: 6 },
        ),
      ),
    },
    { requiredKeys: [] },
  ),
);

const signal = maybe(
  fc.record(
    { present: maybe(fc.boolean()), query: maybe(text), sample: maybe(text) },
    { requiredKeys: [] },
  ),
);

const metrics = maybe(
  fc.record(
    {
      source: maybe(text),
      signals: maybe(
        fc.record(
          {
            latency: signal,
            traffic: signal,
            errors: signal,
            saturation: signal,
          },
          { requiredKeys: [] },
        ),
      ),
      alertRules: maybe(fc.array(maybe(text), { maxLength: 3 })),
      probes: maybe(fc.array(maybe(text), { maxLength: 3 })),
      slos: maybe(fc.array(maybe(text), { maxLength: 3 })),
    },
    { requiredKeys: [] },
  ),
);

function namespace(data: fc.Arbitrary<unknown>) {
  return maybe(
    fc.record(
      {
        status: maybe(fc.constantFrom('ok', 'not-configured', 'unavailable')),
        reason: maybe(text),
        data,
        collectedAt: maybe(text),
      },
      { requiredKeys: [] },
    ),
  );
}

const facts = maybe(
  fc.record(
    {
      entityRef: maybe(text),
      namespaces: maybe(
        fc.record(
          {
            entity: namespace(entity),
            owner: namespace(owner),
            repository: namespace(repository),
            metrics: namespace(metrics),
          },
          { requiredKeys: [] },
        ),
      ),
    },
    { requiredKeys: [] },
  ),
) as fc.Arbitrary<FactDocument>;

const exemptions = maybe(
  fc.array(
    maybe(
      fc.record(
        {
          id: maybe(text),
          entityRef: maybe(text),
          checkId: maybe(fc.constantFrom(...pack.checks.map(c => c.id))),
          reason: maybe(text),
          expiresAt: maybe(
            fc.oneof(
              fc.constant('2999-01-01T00:00:00Z'),
              fc.constant('2000-01-01'),
            ),
          ),
        },
        { requiredKeys: [] },
      ),
    ),
    { maxLength: 3 },
  ),
);

function expectWellFormed(card: EntityScorecard, checks: CheckDefinition[]) {
  expect(card.results.map(r => r.checkId)).toEqual(checks.map(c => c.id));
  for (const result of card.results) {
    expect(CHECK_STATES).toContain(result.state);
    expect(typeof result.reason).toBe('string');
    expect(result.reason.length).toBeGreaterThan(0);
    expect(result.reason.length).toBeLessThan(2_000);
    expect(Array.isArray(result.evidence)).toBe(true);
    expect(result.evidence.length).toBeLessThanOrEqual(10);
    for (const evidence of result.evidence) {
      expect(EVIDENCE_KINDS).toContain(evidence.kind);
      expect(typeof evidence.label).toBe('string');
      expect(evidence.label.length).toBeLessThan(1_000);
      expect(['string', 'undefined']).toContain(typeof evidence.value);
      expect((evidence.value ?? '').length).toBeLessThan(1_000);
      expect(['string', 'undefined']).toContain(typeof evidence.url);
    }
    // an exempt result carries its exemption
    expect(result.state !== 'exempt' || result.exemption !== undefined).toBe(
      true,
    );
  }
  expect(Number.isInteger(card.score)).toBe(true);
  expect(card.score).toBeGreaterThanOrEqual(0);
  expect(card.score).toBeLessThanOrEqual(100);
  expect([undefined, ...levelIds]).toContain(card.level);
  expect([undefined, ...levelIds]).toContain(card.nextLevel);
  expect(card.level === undefined || card.level !== card.nextLevel).toBe(true);
  const blockingStates = card.results
    .filter(r => card.blockingCheckIds.includes(r.checkId))
    .map(r => r.state);
  expect(blockingStates).toHaveLength(card.blockingCheckIds.length);
  expect(blockingStates.every(s => s === 'fail' || s === 'unknown')).toBe(true);
  for (const category of card.categories) {
    expect(category.applicable).toBeGreaterThan(0);
    expect(category.passed + category.failed + category.unknown).toBe(
      category.applicable,
    );
    expect(category.score).toBeGreaterThanOrEqual(0);
    expect(category.score).toBeLessThanOrEqual(100);
  }
  expect(() => JSON.stringify(card)).not.toThrow();
}

describe('evaluateEntity with random and malformed facts', () => {
  it('never throws and always returns a well-formed scorecard', () => {
    expect.hasAssertions();
    fc.assert(
      fc.property(facts, exemptions, (document, exempt) => {
        const card = evaluateEntity(compiledPack, document, {
          exemptions: exempt as never,
          now: new Date('2026-01-01T00:00:00Z'),
        });
        expectWellFormed(card, pack.checks);
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on a document of the wrong type altogether', () => {
    for (const document of [undefined, null, 0, 'facts', [], () => 1]) {
      const card = evaluateEntity(
        compiledPack,
        document as unknown as FactDocument,
      );
      expectWellFormed(card, pack.checks);
      expect(card.results.every(r => r.state === 'unknown')).toBe(true);
    }
  });

  it('keeps the level consistent with the results', () => {
    fc.assert(
      fc.property(facts, document => {
        const card = evaluateEntity(compiledPack, document);
        const rank = (id?: string) => (id ? levelIds.indexOf(id) : -1);
        // every failing or unknown check is above the level reached
        const blockingRanks = card.results
          .map((result, i) => ({ result, check: pack.checks[i] }))
          .filter(
            ({ result }) =>
              result.state === 'fail' || result.state === 'unknown',
          )
          .map(({ check }) => rank(check.level));
        expect(blockingRanks.every(r => r > rank(card.level))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('the rule language with random rules', () => {
  const leaf: fc.Arbitrary<ReadinessRule> = fc.oneof(
    fc.record({ annotation: fc.constantFrom('a', 'pagerduty.com/*', '*') }),
    fc.record({ link: fc.constantFrom('runbook', 'logs', 'dashboard') }),
    fc.record({ tag: fc.constantFrom('java', 'tier-*') }),
    fc.record({ tier: fc.constant(true as const) }),
    fc.record({ field: fc.constantFrom('spec.system', 'metadata.name') }),
    fc.record({ file: fc.constantFrom('**', 'Jenkinsfile', 'docs/*.md') }),
    fc.record({ dependency: fc.constantFrom('@opentelemetry/*', 'x') }),
    fc.record({ owner: fc.constant({ kind: 'group' }) }),
    fc.record({ ownerContact: fc.constantFrom('email', 'member-email') }),
    fc.record({ signal: fc.constantFrom('latency', 'errors') }),
    fc.record({ metrics: fc.constantFrom('alertRules', 'probes', 'slos') }),
    fc.record({ fact: fc.constantFrom('owner.resolved', 'x.y.z') }),
  ) as fc.Arbitrary<ReadinessRule>;
  const { rule } = fc.letrec<{ rule: ReadinessRule }>(tie => ({
    rule: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.record({
        anyOf: fc.array(tie('rule'), { minLength: 1, maxLength: 3 }),
      }),
      fc.record({
        allOf: fc.array(tie('rule'), { minLength: 1, maxLength: 3 }),
      }),
      fc.record({ not: tie('rule') }),
    ) as fc.Arbitrary<ReadinessRule>,
  }));

  it('evaluates any valid rule on any facts without throwing', () => {
    fc.assert(
      fc.property(rule, facts, (r, document) => {
        const outcome = evaluateReadinessRule(r, document);
        expect(['pass', 'fail', 'unknown']).toContain(outcome.state);
        expect(
          outcome.state !== 'unknown' ||
            /facts unavailable/.test(outcome.reason),
        ).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('negation swaps pass and fail and keeps unknown', () => {
    fc.assert(
      fc.property(rule, facts, (r, document) => {
        const plain = evaluateReadinessRule(r, document).state;
        const negated = evaluateReadinessRule({ not: r }, document).state;
        const expected = { pass: 'fail', fail: 'pass', unknown: 'unknown' }[
          plain as 'pass' | 'fail' | 'unknown'
        ];
        // a "not checked" failure (namespace not configured) stays failing
        expect([expected, 'fail']).toContain(negated);
      }),
      { numRuns: 200 },
    );
  });

  it('rejects malformed rules only with an InputError', () => {
    fc.assert(
      fc.property(fc.anything({ maxDepth: 3 }), value => {
        let error: unknown;
        try {
          parseReadinessRule(value);
        } catch (e) {
          error = e;
        }
        expect(
          error === undefined ||
            (error instanceof InputError && /^rule[.[:]/.test(error.message)),
        ).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
