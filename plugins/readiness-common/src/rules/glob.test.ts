import { compileGlobSet, globToRegExp, hasWildcard } from './glob';

describe('globToRegExp', () => {
  it.each([
    // pattern, path mode, value, matches
    ['.github/workflows/*.yml', true, '.github/workflows/ci.yml', true],
    ['.github/workflows/*.yml', true, '.github/workflows/sub/ci.yml', false],
    ['**/runbook.md', true, 'runbook.md', true],
    ['**/runbook.md', true, 'docs/ops/runbook.md', true],
    ['docs/**', true, 'docs/a/b/c.md', true],
    ['*.{yml,yaml}', true, 'slo.yaml', true],
    ['*.{yml,yaml}', true, 'slo.json', false],
    ['file?.md', true, 'file1.md', true],
    ['file?.md', true, 'file/.md', false],
    ['RUNBOOK.md', true, 'runbook.MD', true],
    ['a+b(c).md', true, 'a+b(c).md', true],
    ['a+b(c).md', true, 'aab(c).md', false],
    ['@opentelemetry/*', false, '@opentelemetry/sdk-node', true],
    ['go.opentelemetry.io/*', false, 'go.opentelemetry.io/otel/sdk', true],
    ['io.opentelemetry*', false, 'io.opentelemetry:opentelemetry-api', true],
    ['pagerduty.com/*', false, 'PagerDuty.com/service-id', true],
    ['*/tier', false, 'acme.com/tier', true],
    ['*/tier', false, 'acme.com/tiers', false],
  ])('%s (path: %s) on %s → %s', (pattern, path, value, expected) => {
    expect(globToRegExp(pattern, path).test(value)).toBe(expected);
  });

  it('rejects an unclosed brace', () => {
    expect(() => globToRegExp('*.{yml', true)).toThrow(/unclosed "{"/);
  });

  it('matches across lines in names', () => {
    expect(globToRegExp('*dashboard*', false).test('a\nDashboard')).toBe(true);
  });
});

describe('compileGlobSet', () => {
  it('matches any pattern and reports literals', () => {
    const set = compileGlobSet(['Jenkinsfile', '.circleci/*.yml'], true);
    expect(set.test('jenkinsfile')).toBe(true);
    expect(set.test('.circleci/config.yml')).toBe(true);
    expect(set.test('Makefile')).toBe(false);
    expect(set.literals).toEqual(['jenkinsfile']);
    expect(set.hasWildcards).toBe(true);
  });

  it('knows a set without wildcards', () => {
    const set = compileGlobSet(['a', 'b'], false);
    expect(set.hasWildcards).toBe(false);
    expect(hasWildcard('a*')).toBe(true);
    expect(hasWildcard('a{b,c}')).toBe(true);
    expect(hasWildcard('a.b/c')).toBe(false);
  });
});
