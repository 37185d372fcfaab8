import { weekOf } from './weekOf';

describe('weekOf', () => {
  it('keys every day of a week by its Monday (UTC)', () => {
    expect(weekOf(new Date('2026-12-07T00:00:00.000Z'))).toBe('2026-12-07');
    expect(weekOf(new Date('2026-12-10T12:00:00.000Z'))).toBe('2026-12-07');
    expect(weekOf(new Date('2026-12-13T23:59:59.000Z'))).toBe('2026-12-07');
    expect(weekOf(new Date('2026-12-14T00:00:00.000Z'))).toBe('2026-12-14');
    // Across a year end.
    expect(weekOf(new Date('2027-01-01T09:00:00.000Z'))).toBe('2026-12-28');
  });
});
