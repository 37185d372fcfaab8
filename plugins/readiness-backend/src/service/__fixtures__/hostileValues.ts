/*
 * The hostile input of the hostile-request corpus (hostileRequestCases.ts):
 * values that have broken servers before, and forged search cursors.
 */

/** Values that have broken servers before, percent-encoded for a URL. */
export const HOSTILE_VALUES: string[] = [
  '..',
  '%2E%2E',
  '.',
  'a%2Fb',
  '..%2F..%2Fentities',
  '%00',
  'a%00b',
  '%0A',
  'a%0D%0Ab',
  '%1F',
  '%7F',
  '%C2%85',
  '%25',
  '%',
  '%C3%28',
  '%FF%FE',
  '%E2%80%AE',
  '%F0%9F%92%A9',
  "'%20OR%201=1--",
  '%22%3B%20DROP%20TABLE%20readiness_scores%3B--',
  '%25%25%25',
  '_',
  '%5C',
  '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  '%7B%22%24ne%22%3Anull%7D',
  'x'.repeat(300),
];

/** Hostile text for JSON bodies (not URL-encoded). */
export const HOSTILE_TEXT: string[] = [
  '..',
  '../../entities',
  'a/b',
  '\u0000',
  'a\u0000b',
  '\u001f',
  '\r\n',
  "' OR 1=1 --",
  '"; DROP TABLE readiness_scores; --',
  '%',
  '\ud800',
  '\u202e',
  'x'.repeat(3000),
];

/** A cursor encoded as the server encodes one (base64url JSON), of any payload. */
function cursor(payload: unknown): string {
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

/** Forged search cursors: base64url JSON of the wrong shape or types. */
export const FORGED_CURSORS: Array<{ query: string }> = [
  {
    query: `sort=score&cursor=${cursor({
      s: 'score',
      o: 'asc',
      v: 'x',
      r: 'a',
    })}`,
  },
  {
    query: `sort=level&cursor=${cursor({
      s: 'level',
      o: 'asc',
      v: 'gold',
      r: 'a',
    })}`,
  },
  {
    query: `sort=gaps&cursor=${cursor({
      s: 'gaps',
      o: 'asc',
      v: '1; --',
      r: 'a',
    })}`,
  },
  {
    query: `sort=name&cursor=${cursor({ s: 'name', o: 'asc', v: 5, r: 'a' })}`,
  },
  {
    query: `sort=evaluatedAt&cursor=${cursor({
      s: 'evaluatedAt',
      o: 'asc',
      v: 'yesterday',
      r: 'a',
    })}`,
  },
  {
    query: `sort=score&cursor=${cursor({
      s: 'score',
      o: 'asc',
      v: 1e308,
      r: 'a',
    })}`,
  },
  {
    query: `sort=score&cursor=${cursor({
      s: 'score',
      o: 'asc',
      v: 1,
      r: '\u0000',
    })}`,
  },
  {
    query: `sort=name&cursor=${cursor({
      s: 'name',
      o: 'asc',
      v: 'a\u0000',
      r: 'a',
    })}`,
  },
  { query: `cursor=${cursor({ s: 'name', o: 'sideways', v: 'a', r: 'a' })}` },
  { query: `cursor=${cursor([1, 2, 3])}` },
  { query: `cursor=${cursor('name')}` },
  { query: `cursor=${cursor(null)}` },
  { query: 'cursor=%00' },
  { query: `cursor=${'A'.repeat(5000)}` },
];
