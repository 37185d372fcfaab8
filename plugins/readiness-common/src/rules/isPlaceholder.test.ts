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
    '{{ values.owner }}',
    '${SYSTEM}',
    '<%= system %>',
    'channel=',
    'none',
    'Missing',
    'unspecified',
    '<GUID>',
    'team-<name>',
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
