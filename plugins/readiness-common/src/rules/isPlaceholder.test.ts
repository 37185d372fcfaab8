import { idPlaceholderKind, isPlaceholder } from './isPlaceholder';

describe('isPlaceholder', () => {
  it.each([
    '',
    '   ',
    '-',
    'undefined',
    'null',
    'TODO',
    'tbd',
    'N/A',
    'unknown',
    'changeme',
    ' TBD ',
    // Every case and leading whitespace pass the cheap first-character test.
    'Placeholder',
    'CHANGE_ME',
    '?',
    '\tnil',
    '\u00a0n/a',
    '{{ values.owner }}',
    '${SYSTEM}',
    '<%= system %>',
    'channel=',
    'none',
    'Missing',
    'unspecified',
    '<GUID>',
    'team-<name>',
    '<FILL-ME: your PagerDuty service id, as component:default/payments (theirs is "P123")>',
    'fill-me:<FILL-ME: your runbook URL>',
  ])('takes %j for a placeholder', value => {
    expect(isPlaceholder(value)).toBe(true);
  });

  it.each([
    'production',
    'payments',
    'team-a',
    'tier-1',
    'https://example.com/x?channel=payments',
    'acme/payments',
    'nullable-service',
    'a < b',
    'none-service',
    'Production',
    '?0',
  ])('takes %j for a value', value => {
    expect(isPlaceholder(value)).toBe(false);
  });
});

describe('idPlaceholderKind', () => {
  it.each([
    [true, 'a boolean, not an id'],
    [false, 'a boolean, not an id'],
    ['true', 'a yes/no, not an id'],
    ['No', 'a yes/no, not an id'],
    ['missing', 'a placeholder'],
    ['<GUID>', 'a placeholder'],
  ])('rejects %j as %s', (value, what) => {
    expect(idPlaceholderKind(value)).toBe(what);
  });

  it('accepts a flag where the key is a flag', () => {
    expect(idPlaceholderKind('true', 'tekton.dev/cicd')).toBeUndefined();
  });

  it.each([['PABC123'], [12345], ['acme/payments'], ['trueblue']])(
    'accepts %j',
    value => {
      expect(idPlaceholderKind(value)).toBeUndefined();
    },
  );
});
