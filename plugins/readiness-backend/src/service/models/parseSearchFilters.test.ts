import {
  createCheckPack,
  defaultChecks,
} from '@prodready/plugin-readiness-common';
import { PackIndex } from '../../pack/PackIndex';
import {
  decodeSearchCursor,
  encodeSearchCursor,
  parseSearchFilters,
} from './parseSearchFilters';

const pack = new PackIndex(createCheckPack({ checks: defaultChecks }));

describe('parseSearchFilters', () => {
  it('splits comma-separated values, expands short refs and ranks levels', () => {
    expect(
      parseSearchFilters(
        {
          failing: ['runbook.runbook,logging.logs', ' tracing.instrumented '],
          owner: ['payments', 'user:jane'],
          system: ['default/pay'],
          domain: ['money'],
          kind: ['Component,API'],
          tier: ['1', 'critical,T2'],
          levelAtMost: 'silver',
          levelAtLeast: 'bronze',
          text: '  checkout ',
        },
        pack,
      ),
    ).toEqual({
      failing: ['runbook.runbook', 'logging.logs', 'tracing.instrumented'],
      passing: undefined,
      declaredOnly: undefined,
      owner: ['group:default/payments', 'user:default/jane'],
      system: ['system:default/pay'],
      domain: ['domain:default/money'],
      kind: ['Component', 'API'],
      type: undefined,
      lifecycle: undefined,
      tier: ['tier-1', 'tier-2'],
      levelRankAtMost: 2,
      levelRankAtLeast: 1,
      text: 'checkout',
      belowTarget: undefined,
      targetRanks: [],
    });
  });

  it('measures belowTarget against the target ranks of the pack', () => {
    const targeted = new PackIndex(createCheckPack({ checks: defaultChecks }), {
      'tier-1': 'gold',
      'tier-2': 'silver',
    });
    expect(parseSearchFilters({ belowTarget: 'true' }, targeted)).toMatchObject(
      {
        belowTarget: true,
        targetRanks: [
          { tier: 'tier-1', rank: 3 },
          { tier: 'tier-2', rank: 2 },
        ],
      },
    );
    expect(
      parseSearchFilters({ belowTarget: 'false' }, targeted).belowTarget,
    ).toBeUndefined();
  });

  it.each([
    [{ failing: ['nope'] }, "Invalid failing 'nope'"],
    [{ passing: ['a,b'] }, "Invalid passing 'a'"],
    [{ declaredOnly: ['a'] }, "Invalid declaredOnly 'a'"],
    [{ levelAtLeast: 'platinum' }, "Invalid levelAtLeast 'platinum'"],
    [{ domain: ['domain:default/'] }, "Invalid domain 'domain:default/'"],
    [{ text: 'a\u0000b' }, "Invalid text 'a\\u0000b'"],
    [{ lifecycle: ['prod\u0000'] }, "Invalid lifecycle 'prod\\u0000'"],
    [
      { belowTarget: 'yes' },
      "Invalid belowTarget 'yes': expected true or false",
    ],
  ])('names the parameter of a bad value %j', (params, message) => {
    expect(() => parseSearchFilters(params, pack)).toThrow(message);
  });
});

describe('parseSearchFilters: gaps named in the text', () => {
  it('reads "payments without rollback" as the failing check and the words left, as the search collator does', () => {
    expect(
      parseSearchFilters(
        { text: 'payments without rollback', failing: ['runbook.runbook'] },
        pack,
      ),
    ).toMatchObject({
      failing: ['runbook.runbook', 'delivery.rollback'],
      text: 'payments',
    });
    expect(parseSearchFilters({ text: 'missing runbook' }, pack)).toMatchObject(
      { failing: ['runbook.runbook'], text: undefined },
    );
  });

  it('keeps a text without a negation word as a catalog substring', () => {
    expect(parseSearchFilters({ text: 'rollback-tool' }, pack)).toMatchObject({
      failing: undefined,
      text: 'rollback-tool',
    });
  });
});

describe('search cursors', () => {
  it('round-trips and refuses cursors of another sort or garbage', () => {
    const cursor = encodeSearchCursor('score', 'desc', {
      value: 42.5,
      entityRef: 'component:default/a',
    });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeSearchCursor(cursor, 'score', 'desc')).toEqual({
      value: 42.5,
      entityRef: 'component:default/a',
    });
    expect(() => decodeSearchCursor(cursor, 'name', 'desc')).toThrow(/cursor/);
    expect(() => decodeSearchCursor('%%%', 'name', 'asc')).toThrow(
      /Invalid cursor/,
    );
    expect(() =>
      decodeSearchCursor(
        Buffer.from('{"s":"name"}').toString('base64url'),
        'name',
        'asc',
      ),
    ).toThrow(/Invalid cursor/);
  });
});

describe('forged search cursors', () => {
  const forge = (payload: unknown) =>
    Buffer.from(JSON.stringify(payload)).toString('base64url');

  it.each([
    ['score', { s: 'score', o: 'asc', v: 'x', r: 'component:default/a' }],
    ['score', { s: 'score', o: 'asc', v: 1e308, r: 'component:default/a' }],
    ['level', { s: 'level', o: 'asc', v: 'gold', r: 'component:default/a' }],
    ['gaps', { s: 'gaps', o: 'asc', v: 1.5, r: 'component:default/a' }],
    ['name', { s: 'name', o: 'asc', v: 5, r: 'component:default/a' }],
    ['name', { s: 'name', o: 'asc', v: 'a\u0000', r: 'component:default/a' }],
    ['name', { s: 'name', o: 'asc', v: 'a', r: 'a' }],
    ['name', { s: 'name', o: 'asc', v: 'a', r: 'component:default/\u0000' }],
  ] as const)('refuses a %s cursor carrying %j', (sort, payload) => {
    expect(() => decodeSearchCursor(forge(payload), sort, 'asc')).toThrow(
      /Invalid cursor/,
    );
  });

  it('caps the values of one filter', () => {
    const owners = Array.from({ length: 101 }, (_, i) => `g${i}`).join(',');
    expect(() => parseSearchFilters({ owner: [owners] }, pack)).toThrow(
      'Invalid owner: 101 values given, at most 100 are allowed',
    );
  });
});
