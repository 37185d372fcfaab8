import type { NextFunction, Request, Response } from 'express';
import { rejectControlCharacters } from './rejectControlCharacters';

function run(req: Partial<Request>): Error | undefined {
  let passed: unknown = 'not called';
  const next: NextFunction = error => {
    passed = error;
  };
  rejectControlCharacters(
    { path: '/search', query: {}, body: undefined, ...req } as Request,
    {} as Response,
    next,
  );
  expect(passed).not.toBe('not called');
  return passed as Error | undefined;
}

describe('rejectControlCharacters', () => {
  it('lets clean requests through, line breaks in body text included', () => {
    expect(run({ query: { owner: ['team-a', 'team-b'], text: 'é ✓' } })).toBe(
      undefined,
    );
    expect(
      run({ path: '/exemptions', body: { reason: 'line one\nline two\tend' } }),
    ).toBe(undefined);
  });

  it.each([
    [{ path: '/runs/a%00b' }, "Invalid path segment 'a\\u0000b'"],
    [{ path: '/runs/%C3%28' }, "Invalid path segment '%C3%28'"],
    [{ query: { text: 'a\u0000b' } }, "Invalid text 'a\\u0000b'"],
    [{ query: { owner: ['ok', 'x\ny'] } }, "Invalid owner 'x\\u000ay'"],
    [{ query: { 'a\u0001': 'x' } }, "Invalid a\\u0001 'a\\u0001'"],
    [{ body: { reason: 'a\u0000' } }, "Invalid reason 'a\\u0000'"],
    [
      { body: { entityRefs: ['ok', '\u001f'] } },
      "Invalid entityRefs '\\u001f'",
    ],
    [{ body: ['\u0000'] }, "Invalid body '\\u0000'"],
  ])('refuses %j with a 400 naming the parameter', (req, message) => {
    const error = run(req);
    expect(error?.name).toBe('InputError');
    expect(error?.message).toContain(message);
  });
});
