import { ConfigReader } from '@backstage/config';
import { readConfigValues } from './readConfigValues';

function values(section: unknown) {
  return readConfigValues(
    new ConfigReader({ readiness: { part: section } } as never),
    'readiness.part',
  );
}

describe('readConfigValues', () => {
  it('gives the defaults of absent keys, also without the section', () => {
    const v = values(undefined);
    expect(v.integer('n', { default: 3 })).toBe(3);
    expect(v.durationMs('d', { default: 10 })).toBe(10);
    expect(v.boolean('b', { default: true })).toBe(true);
    expect(v.string('s', { default: 'x' })).toBe('x');
    expect(
      v.schedule('schedule', {
        frequency: { minutes: 5 },
        timeout: { minutes: 1 },
      }),
    ).toEqual({
      frequency: { minutes: 5 },
      timeout: { minutes: 1 },
    });
  });

  it('reads written values', () => {
    const v = values({
      n: 7,
      ms: 2500,
      text: '30m',
      object: { seconds: 45 },
      iso: 'PT5S',
      b: false,
      s: 'hello',
      schedule: { frequency: { hours: 1 } },
    });
    expect(v.integer('n', { default: 1, max: 10 })).toBe(7);
    expect(v.durationMs('ms', { default: 1 })).toBe(2500);
    expect(v.durationMs('text', { default: 1 })).toBe(1_800_000);
    expect(v.durationMs('object', { default: 1 })).toBe(45_000);
    expect(v.durationMs('iso', { default: 1 })).toBe(5000);
    expect(v.boolean('b', { default: true })).toBe(false);
    expect(v.string('s', { default: 'x' })).toBe('hello');
    expect(
      v.schedule('schedule', {
        frequency: { minutes: 5 },
        timeout: { minutes: 1 },
      }),
    ).toEqual({ frequency: { hours: 1 }, timeout: { minutes: 1 } });
  });

  it.each([
    [
      'integer',
      { n: 501 },
      () => values({ n: 501 }).integer('n', { default: 1, max: 500 }),
      'Invalid value at readiness.part.n: 501; expected an integer from 1 to 500',
    ],
    [
      'positive integer',
      { n: 1.5 },
      () => values({ n: 1.5 }).integer('n', { default: 1 }),
      'Invalid value at readiness.part.n: 1.5; expected a positive integer',
    ],
    [
      'integer with a lower bound',
      { n: -1 },
      () => values({ n: -1 }).integer('n', { default: 1, min: 0 }),
      'Invalid value at readiness.part.n: -1; expected an integer of at least 0',
    ],
    [
      'duration',
      { d: 'soon' },
      () => values({ d: 'soon' }).durationMs('d', { default: 1 }),
      'Invalid value at readiness.part.d: "soon"; expected milliseconds',
    ],
    [
      'positive duration',
      { d: 0 },
      () => values({ d: 0 }).durationMs('d', { default: 1 }),
      'Invalid value at readiness.part.d: 0; expected a positive duration',
    ],
    [
      'boolean',
      { b: 'yes' },
      () => values({ b: 'yes' }).boolean('b', { default: false }),
      'Invalid value at readiness.part.b: "yes"; expected true or false',
    ],
    [
      'string',
      { s: '' },
      () => values({ s: '' }).string('s', { default: 'x' }),
      'Invalid value at readiness.part.s: ""; expected a non-empty string',
    ],
    [
      'schedule',
      { schedule: { frequency: 'often' } },
      () =>
        values({ schedule: { frequency: 'often' } }).schedule('schedule', {
          frequency: { minutes: 1 },
          timeout: { minutes: 1 },
        }),
      'Invalid value at readiness.part.schedule:',
    ],
  ])(
    'names the path, value and expectation of a bad %s',
    (_what, _section, read, message) => {
      expect(read).toThrow(message);
    },
  );

  it('accepts zero durations only when allowed', () => {
    expect(
      values({ d: 0 }).durationMs('d', { default: 5, allowZero: true }),
    ).toBe(0);
    expect(() =>
      values({ d: -5 }).durationMs('d', { default: 5, allowZero: true }),
    ).toThrow('expected a duration of zero or more');
  });

  it('rejects a section that is not an object', () => {
    expect(() => values('everything')).toThrow(
      'Invalid value at readiness.part: "everything"; expected an object',
    );
  });
});
