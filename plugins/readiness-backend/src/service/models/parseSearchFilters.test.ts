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
    });
  });

  it.each([
    [{ failing: ['nope'] }, "Invalid failing 'nope'"],
    [{ passing: ['a,b'] }, "Invalid passing 'a'"],
    [{ levelAtLeast: 'platinum' }, "Invalid levelAtLeast 'platinum'"],
    [{ domain: ['domain:default/'] }, "Invalid domain 'domain:default/'"],
  ])('names the parameter of a bad value %j', (params, message) => {
    expect(() => parseSearchFilters(params, pack)).toThrow(message);
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
