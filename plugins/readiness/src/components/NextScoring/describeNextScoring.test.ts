import { describeNextScoring } from './describeNextScoring';

describe('describeNextScoring', () => {
  const now = new Date('2026-12-05T13:00:00Z');

  it('says new entities are scored within the delta interval, and when the next full run starts', () => {
    const text = describeNextScoring(
      { deltaIntervalSeconds: 5, nextRunAt: '2026-12-05T13:25:00Z' },
      now,
    );
    expect(text).toMatch(
      /^New and changed entities are scored within about 5 seconds of appearing in the catalog\. The next full run starts at .+ \(in 25 minutes\)\.$/,
    );
  });

  it('says "now" for a run due already, and falls back to a general sentence without a schedule', () => {
    expect(
      describeNextScoring({ nextRunAt: '2026-12-05T12:59:00Z' }, now),
    ).toMatch(/\(now\)\.$/);
    expect(describeNextScoring(undefined, now)).toBe(
      'Entities are scored on a schedule; a new entity gets its scorecard at the next run.',
    );
  });
});
