import { isPlaceholder } from './isPlaceholder';

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
    'Production',
    '?0',
  ])('takes %j for a value', value => {
    expect(isPlaceholder(value)).toBe(false);
  });
});
