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
    '{{ values.owner }}',
    '${SYSTEM}',
    '<%= system %>',
    'channel=',
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
  ])('takes %j for a value', value => {
    expect(isPlaceholder(value)).toBe(false);
  });
});
