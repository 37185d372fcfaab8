/* eslint-disable no-script-url -- unsafe URLs are the test data here */
import { isSafeUrl, isUnsafeLink } from './isSafeUrl';

describe('isSafeUrl', () => {
  it.each([
    'https://grafana.example.com/d/abc/payments',
    'http://wiki.example.com/runbooks/payments',
    'HTTPS://EXAMPLE.COM',
    'HtTp://example.com:8080/path?q=1#frag',
    'https://user@example.com/path',
    'https://example.com/%0a/encoded-newline-in-the-path',
    'https://example.com/javascript:alert(1)',
  ])('accepts the web URL %j', url => {
    expect(isSafeUrl(url)).toBe(true);
  });

  it.each([
    ['javascript:alert(1)'],
    ['JavaScript:alert(1)'],
    ['JAVASCRIPT:alert(1)'],
    ['vbscript:msgbox(1)'],
    ['data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
    ['file:///etc/passwd'],
    ['ftp://example.com/file'],
    ['blob:https://example.com/uuid'],
    [' javascript:alert(1)'],
    ['\tjavascript:alert(1)'],
    ['\njavascript:alert(1)'],
    ['\u0000javascript:alert(1)'],
    ['\u0001javascript:alert(1)'],
    ['\u00a0javascript:alert(1)'],
    ['\ufeffjavascript:alert(1)'],
    ['java\tscript:alert(1)'],
    ['java\nscript:alert(1)'],
    ['java%0ascript:alert(1)'],
    ['javascript%3Aalert(1)'],
    ['&#106;avascript:alert(1)'],
    ['&#x6A;avascript:alert(1)'],
    ['javascript&colon;alert(1)'],
    ['//evil.example.com/path'],
    ['/relative/path'],
    ['example.com'],
    ['https:example.com'],
    ['https:/example.com'],
    ['https://'],
    ['https:///evil.example.com'],
    [' https://example.com'],
    ['https://example.com '],
    ['https://example.com\n'],
    ['https://exa\u0000mple.com'],
    ['https://exa\u200bmple.com'],
    ['h\ttps://example.com'],
    ['https%3A%2F%2Fexample.com'],
    [''],
    ['mailto:team@example.com'],
  ])('rejects %j', url => {
    expect(isSafeUrl(url)).toBe(false);
  });

  it('rejects values that are not strings', () => {
    expect(isSafeUrl(undefined)).toBe(false);
    expect(isSafeUrl(null)).toBe(false);
    expect(isSafeUrl(42)).toBe(false);
    expect(isSafeUrl({ href: 'https://example.com' })).toBe(false);
    expect(isSafeUrl(['https://example.com'])).toBe(false);
  });

  it('rejects URLs longer than 2,048 characters', () => {
    const base = 'https://example.com/';
    expect(isSafeUrl(base + 'a'.repeat(2048 - base.length))).toBe(true);
    expect(isSafeUrl(base + 'a'.repeat(2049 - base.length))).toBe(false);
  });

  it('accepts mailto: only when asked, and only with an address', () => {
    expect(isSafeUrl('mailto:team@example.com', { mailto: true })).toBe(true);
    expect(isSafeUrl('MAILTO:team@example.com', { mailto: true })).toBe(true);
    expect(isSafeUrl('https://example.com', { mailto: true })).toBe(true);
    expect(isSafeUrl('mailto:', { mailto: true })).toBe(false);
    expect(isSafeUrl(' mailto:team@example.com', { mailto: true })).toBe(false);
    expect(isSafeUrl('mailto:team @example.com', { mailto: true })).toBe(false);
    expect(isSafeUrl('javascript:alert(1)', { mailto: true })).toBe(false);
    expect(isSafeUrl('mailto:team@example.com', { mailto: false })).toBe(false);
  });
});

describe('isUnsafeLink', () => {
  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    '  javascript:alert(1)',
    'java%0ascript:alert(1)',
    'java%250ascript:alert(1)',
    '\tjavascript:alert(1)',
    '&#106;avascript:alert(1)',
    'javascript&colon;alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://example.com/runbook',
    ' https://example.com/runbook',
    'https://example.com/runbook\n',
  ])('takes %j for an unsafe link', value => {
    expect(isUnsafeLink(value)).toBe(true);
  });

  it.each([
    'https://example.com/runbook',
    'acme/payments',
    'PABC123',
    'dir:.',
    'url:https://github.com/acme/payments/tree/main/',
    'tag:payments',
    "tags @> ARRAY['payments']",
    'payments-api,payments-worker',
    '',
  ])('does not take the plain value %j for a link', value => {
    expect(isUnsafeLink(value)).toBe(false);
  });

  it('ignores values that are not strings', () => {
    expect(isUnsafeLink(undefined)).toBe(false);
    expect(isUnsafeLink(3)).toBe(false);
  });
});
