import { ConfigReader } from '@backstage/config';
import { InputError } from '@backstage/errors';
import type { JsonObject } from '@backstage/types';
import type { CheckDefinition } from '../types';
import { defaultChecks } from '../pack/defaultChecks';
import { evaluateEntity } from '../engine/evaluateEntity';
import { compileCheckPack } from '../engine/compileCheckPack';
import {
  createTestFacts,
  testComponent,
} from '../engine/__testUtils__/createTestFacts';
import { readCheckPackFromConfig } from './readCheckPackFromConfig';

function read(
  readiness: JsonObject | undefined,
  extraChecks?: CheckDefinition[],
) {
  return readCheckPackFromConfig(
    new ConfigReader(readiness === undefined ? {} : { readiness }),
    { extraChecks },
  );
}

function errorOf(readiness: JsonObject, extraChecks?: CheckDefinition[]) {
  try {
    read(readiness, extraChecks);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error('expected an error');
}

const codeCheck: CheckDefinition = {
  id: 'security.scanned',
  title: 'Scanned',
  category: 'security',
  level: 'silver',
  weight: 2,
  requires: ['security'],
  rule: () => ({ state: 'pass' }),
  messages: { pass: 'scanned', fail: 'not scanned' },
  remediation: { markdown: 'scan it' },
};

describe('readCheckPackFromConfig', () => {
  it('gives the default pack without configuration', () => {
    const pack = read(undefined);
    expect(pack.checks.map(c => c.id)).toEqual(defaultChecks.map(c => c.id));
    expect(pack.levels.map(l => l.id)).toEqual(['bronze', 'silver', 'gold']);
    expect(pack.categories).toEqual([
      'monitoring',
      'logging',
      'tracing',
      'runbook',
      'delivery',
      'ownership',
    ]);
  });

  it('overrides level, weight, title and appliesTo of a default check', () => {
    const pack = read({
      checks: [
        {
          id: 'delivery.rollback',
          level: 'bronze',
          weight: 5,
          title: 'Rollback in one click',
          appliesTo: { kind: 'component', 'spec.type': 'service' },
          messages: { fail: 'No rollback: see go/rollback' },
        },
      ],
    });
    const check = pack.checks.find(c => c.id === 'delivery.rollback')!;
    const original = defaultChecks.find(c => c.id === 'delivery.rollback')!;
    expect(check).toMatchObject({
      level: 'bronze',
      weight: 5,
      title: 'Rollback in one click',
      category: 'delivery',
      appliesTo: { kind: 'component', 'spec.type': 'service' },
      messages: {
        pass: original.messages.pass,
        fail: 'No rollback: see go/rollback',
      },
      rule: original.rule,
      remediation: original.remediation,
    });
    // it keeps its place in the pack
    expect(pack.checks.indexOf(check)).toBe(defaultChecks.indexOf(original));
  });

  it('turns the API checks on when named, with their overrides', () => {
    expect(read(undefined).checks.map(c => c.id)).not.toContain(
      'api.definition',
    );
    const pack = read({
      checks: [
        { id: 'api.definition' },
        { id: 'api.docs', level: 'gold' },
        { id: 'api.consumer-contact', enabled: false },
      ],
    });
    const ids = pack.checks.map(c => c.id);
    expect(ids).toContain('api.definition');
    expect(ids).not.toContain('api.consumer-contact');
    expect(pack.checks.find(c => c.id === 'api.docs')?.level).toBe('gold');
    const card = evaluateEntity(
      compileCheckPack(pack),
      createTestFacts({
        entity: testComponent({
          kind: 'API',
          type: 'openapi',
          spec: { definition: 'openapi: 3.0.0' },
        }),
      }),
    );
    expect(card.results.find(r => r.checkId === 'api.definition')?.state).toBe(
      'pass',
    );
  });

  it('disables a check', () => {
    const pack = read({ checks: [{ id: 'monitoring.slo', enabled: false }] });
    expect(pack.checks.map(c => c.id)).not.toContain('monitoring.slo');
    expect(pack.checks).toHaveLength(defaultChecks.length - 1);
  });

  it('adds a declarative check that the engine evaluates', () => {
    const pack = read({
      checks: [
        {
          id: 'security.codeowners',
          title: 'CODEOWNERS file',
          level: 'silver',
          rule: {
            anyOf: [
              { file: ['CODEOWNERS', '.github/CODEOWNERS'] },
              { annotation: 'acme.com/codeowners' },
            ],
          },
          remediation: { markdown: 'Add a `CODEOWNERS` file.' },
        },
      ],
    });
    const check = pack.checks.find(c => c.id === 'security.codeowners')!;
    expect(check).toMatchObject({
      category: 'security',
      weight: 1,
      requires: [],
      messages: {
        pass: 'Satisfied: CODEOWNERS file',
        fail: 'Not satisfied: CODEOWNERS file',
      },
    });
    expect(pack.categories[pack.categories.length - 1]).toBe('security');
    const card = evaluateEntity(
      compileCheckPack(pack),
      createTestFacts({
        entity: testComponent(),
        repository: { files: ['.github/CODEOWNERS'] },
      }),
    );
    expect(
      card.results.find(r => r.checkId === 'security.codeowners'),
    ).toMatchObject({
      state: 'pass',
      evidence: [{ kind: 'file', label: '.github/CODEOWNERS' }],
    });
  });

  it('adds code checks, which config may override', () => {
    const pack = read({ checks: [{ id: 'security.scanned', level: 'gold' }] }, [
      codeCheck,
    ]);
    const check = pack.checks.find(c => c.id === 'security.scanned')!;
    expect(check.level).toBe('gold');
    expect(check.rule).toBe(codeCheck.rule);
  });

  it('renames and extends levels', () => {
    const pack = read({
      levels: [
        { id: 'bronze', title: 'Basic', color: '#a86b32' },
        { id: 'silver', title: 'Operable' },
        { id: 'gold', title: 'Excellent' },
        { id: 'platinum', title: 'Platinum' },
      ],
      checks: [{ id: 'runbook.postmortems', level: 'platinum' }],
    });
    expect(pack.levels.map(l => l.title)).toEqual([
      'Basic',
      'Operable',
      'Excellent',
      'Platinum',
    ]);
    expect(pack.checks.find(c => c.id === 'runbook.postmortems')!.level).toBe(
      'platinum',
    );
  });

  it.each<[string, JsonObject, string]>([
    [
      'a malformed rule, naming the path and the value',
      {
        checks: [
          { id: 'delivery.ci', weight: 2 },
          { id: 'logging.logs', enabled: false },
          {
            id: 'security.x',
            title: 'X',
            level: 'silver',
            rule: { anyOf: [{ anotation: 'a' }] },
            remediation: { markdown: 'x' },
          },
        ],
      },
      'readiness.checks[2].rule.anyOf[0]: unknown rule; expected exactly one of allOf, anyOf, not, annotation',
    ],
    [
      'a bad value inside a rule of an override',
      { checks: [{ id: 'delivery.ci', rule: { file: { kind: 'scripts' } } }] },
      'readiness.checks[0].rule.file.kind: unknown repository file kind; expected one of ci, deploy, rollback, runbook, postmortem, manifest, observability, container, catalog, got "scripts"',
    ],
    [
      'a weight that is not a number',
      { checks: [{ id: 'delivery.ci', weight: 'high' }] },
      'readiness.checks[0].weight: expected a number ≥ 0, got "high"',
    ],
    [
      'a negative weight',
      { checks: [{ id: 'delivery.ci', weight: -1 }] },
      'readiness.checks[0].weight: expected a number ≥ 0, got -1',
    ],
    [
      'an unknown level',
      { checks: [{ id: 'delivery.ci', level: 'platinum' }] },
      'readiness.checks[0].level: unknown level; the levels are bronze, silver, gold, got "platinum"',
    ],
    [
      'a malformed appliesTo',
      { checks: [{ id: 'delivery.ci', appliesTo: { $all: 'x' } }] },
      'readiness.checks[0].appliesTo: not a valid filter predicate',
    ],
    [
      'an unknown key',
      { checks: [{ id: 'delivery.ci', levle: 'gold' }] },
      'readiness.checks[0].levle: unknown key; allowed: id, enabled, title',
    ],
    [
      'a changed category',
      { checks: [{ id: 'delivery.ci', category: 'ownership' }] },
      'readiness.checks[0].category: the category of the existing check "delivery.ci" cannot be changed',
    ],
    [
      'a check configured twice',
      { checks: [{ id: 'delivery.ci' }, { id: 'delivery.ci', weight: 2 }] },
      'readiness.checks[1].id: this check is configured twice, got "delivery.ci"',
    ],
    [
      'disabling a check that does not exist',
      { checks: [{ id: 'delivery.cd', enabled: false }] },
      'readiness.checks[0].id: there is no check with this id to disable, got "delivery.cd"',
    ],
    [
      'enabled that is not a boolean',
      { checks: [{ id: 'delivery.ci', enabled: 'no' }] },
      'readiness.checks[0].enabled: expected true or false, got "no"',
    ],
    [
      'a new check without a rule',
      { checks: [{ id: 'security.x', title: 'X', level: 'gold' }] },
      'readiness.checks[0].rule: required for a new check "security.x"',
    ],
    [
      'a new check without remediation',
      {
        checks: [
          { id: 'security.x', title: 'X', level: 'gold', rule: { tag: 'x' } },
        ],
      },
      'readiness.checks[0].remediation: required for a new check "security.x" (or give a description)',
    ],
    [
      'a new check with a malformed id',
      {
        checks: [
          {
            id: 'codeowners',
            title: 'X',
            level: 'gold',
            rule: { tag: 'x' },
            description: 'd',
          },
        ],
      },
      'readiness.checks[0].id: expected an id of the form <category>.<name>, e.g. delivery.rollback, got "codeowners"',
    ],
    [
      'a check without an id',
      { checks: [{ title: 'X' }] },
      'readiness.checks[0].id: expected a check id such as delivery.rollback, got undefined',
    ],
    [
      'checks that are not a list',
      { checks: { id: 'delivery.ci' } },
      'readiness.checks: expected a list of checks, got {"id":"delivery.ci"}',
    ],
    [
      'a level without an id',
      { levels: [{ title: 'Bronze' }] },
      'readiness.levels[0].id: expected a level id of letters, digits, - and _, got undefined',
    ],
    [
      'a duplicate level',
      {
        levels: [
          { id: 'a', title: 'A' },
          { id: 'a', title: 'B' },
        ],
      },
      'readiness.levels[1].id: duplicate level id, got "a"',
    ],
    [
      'no levels',
      { levels: [] },
      'readiness.levels: expected a non-empty list of levels, lowest first, got []',
    ],
    [
      'levels that drop one used by a default check',
      {
        levels: [
          { id: 'bronze', title: 'Bronze' },
          { id: 'gold', title: 'Gold' },
        ],
      },
      'readiness.levels: level "silver" of the default check "monitoring.dashboard" is not defined',
    ],
  ])('rejects %s', (_name, readiness, message) => {
    expect(errorOf(readiness)).toContain(message);
  });

  it('rejects a code check that clashes with a default check', () => {
    expect(errorOf({}, [{ ...codeCheck, id: 'delivery.ci' }])).toBe(
      'extraChecks[0].id: a check with this id already exists, got "delivery.ci"',
    );
  });

  it('accepts dropping a level when its checks move or go', () => {
    const pack = read({
      levels: [
        { id: 'bronze', title: 'Bronze' },
        { id: 'silver', title: 'Silver' },
      ],
      checks: defaultChecks
        .filter(c => c.level === 'gold')
        .map((c, i) =>
          i % 2 ? { id: c.id, enabled: false } : { id: c.id, level: 'silver' },
        ),
    });
    expect(new Set(pack.checks.map(c => c.level))).toEqual(
      new Set(['bronze', 'silver']),
    );
  });

  it('overrides the minimum strength of a check, and refuses hint', () => {
    const pack = read({
      checks: [{ id: 'delivery.ci', minStrength: 'observed' }],
    });
    expect(pack.checks.find(c => c.id === 'delivery.ci')?.minStrength).toBe(
      'observed',
    );
    expect(
      errorOf({ checks: [{ id: 'delivery.ci', minStrength: 'hint' }] }),
    ).toMatch(/readiness\.checks\[0\].*minStrength.*'observed' or 'declared'/s);
  });
});
