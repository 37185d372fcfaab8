import fc from 'fast-check';
import { evaluateFilterPredicate } from '@backstage/filter-predicates';
import { compileFilterPredicate } from './compileFilterPredicate';

const key = fc.constantFrom(
  'kind',
  'spec.type',
  'metadata.name',
  'spec',
  'metadata.annotations.a.b/c',
  'x',
);
const primitive = fc.oneof(
  fc.constantFrom(
    'component',
    'Component',
    'SERVICE',
    'service',
    '5',
    'a.b',
    '',
    'ß',
    'STRASSE',
    'straße',
  ),
  fc.integer({ min: -2, max: 6 }),
  fc.boolean(),
);
const valueMatcher = fc.oneof(
  primitive,
  fc.record({ $in: fc.array(primitive, { maxLength: 3 }) }),
  fc.record({ $exists: fc.boolean() }),
  fc.record({ $hasPrefix: fc.constantFrom('comp', 'SER', '', 'x') }),
  fc.record({ $contains: fc.oneof(primitive, fc.record({ name: primitive })) }),
);
const { predicate } = fc.letrec<{ predicate: unknown }>(tie => ({
  predicate: fc.oneof(
    { depthSize: 'small' },
    fc.dictionary(key, valueMatcher, { minKeys: 1, maxKeys: 3 }),
    fc.record({ $all: fc.array(tie('predicate'), { maxLength: 3 }) }),
    fc.record({ $any: fc.array(tie('predicate'), { maxLength: 3 }) }),
    fc.record({ $not: tie('predicate') }),
  ),
}));
const loose = fc.oneof(
  primitive,
  fc.constant(null),
  fc.constant(undefined),
  fc.array(primitive, { maxLength: 3 }),
);
const entity = fc.oneof(
  fc.record(
    {
      kind: loose,
      spec: fc.oneof(loose, fc.record({ type: loose }, { requiredKeys: [] })),
      metadata: fc.oneof(
        loose,
        fc.record(
          {
            name: loose,
            annotations: fc.oneof(
              loose,
              fc.record({ 'a.b/c': loose }, { requiredKeys: [] }),
            ),
          },
          { requiredKeys: [] },
        ),
      ),
      x: fc.oneof(
        loose,
        fc.array(fc.record({ name: loose }), { maxLength: 3 }),
      ),
    },
    { requiredKeys: [] },
  ),
  loose,
);

describe('compileFilterPredicate', () => {
  it('agrees with evaluateFilterPredicate', () => {
    fc.assert(
      fc.property(predicate, entity, (p, value) => {
        let expected: boolean | 'throws';
        try {
          expected = evaluateFilterPredicate(p as never, value);
        } catch {
          // the library throws on objects without a prototype; ours answers
          expected = 'throws';
        }
        const actual = compileFilterPredicate(p)(value);
        expect(expected === 'throws' || actual === expected).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    [{ kind: 'component' }, { kind: 'Component' }, true],
    [
      { 'spec.type': { $in: ['service', 'website'] } },
      { spec: { type: 'WEBSITE' } },
      true,
    ],
    [{ 'spec.type': { $exists: false } }, { spec: {} }, true],
    [{ $not: { kind: 'api' } }, { kind: 'API' }, false],
    [
      { 'metadata.tags': { $contains: 'java' } },
      { metadata: { tags: ['Java'] } },
      true,
    ],
    [
      { 'metadata.name': { $hasPrefix: 'pay' } },
      { metadata: { name: 'Payments' } },
      true,
    ],
    [{ 'spec.replicas': 3 }, { spec: { replicas: '3' } }, true],
  ])('%j on %j → %s', (p, value, expected) => {
    expect(compileFilterPredicate(p)(value)).toBe(expected);
  });

  it('rejects what parseFilterPredicate rejects', () => {
    expect(() => compileFilterPredicate({ $all: 'x' })).toThrow();
    expect(() => compileFilterPredicate('kind')).toThrow();
  });
});
