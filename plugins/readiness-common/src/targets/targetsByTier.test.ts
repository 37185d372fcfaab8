import { ConfigReader } from '@backstage/config';
import type { JsonValue } from '@backstage/types';
import { readTargetsByTier } from './targetsByTier';

const levels = ['bronze', 'silver', 'gold'];

function read(byTier: JsonValue) {
  return readTargetsByTier(
    new ConfigReader({ readiness: { targets: { byTier } } }),
    levels,
  );
}

describe('readTargetsByTier', () => {
  it('defaults to gold for tier-1 and silver for tier-2', () => {
    expect(readTargetsByTier(new ConfigReader({}), levels)).toEqual({
      'tier-1': 'gold',
      'tier-2': 'silver',
    });
  });

  it('keeps only the defaults whose level the pack has', () => {
    expect(
      readTargetsByTier(new ConfigReader({}), ['basic', 'silver', 'top']),
    ).toEqual({ 'tier-2': 'silver' });
  });

  it('normalises tiers and turns targets off with an empty map', () => {
    expect(read({ 'Tier 2': 'gold', critical: 'silver' })).toEqual({
      'tier-2': 'gold',
      'tier-1': 'silver',
    });
    expect(read({})).toEqual({});
  });

  it('refuses an unknown level, naming the key and the value', () => {
    expect(() => read({ 'tier-1': 'platinum' })).toThrow(
      'Invalid value at readiness.targets.byTier.tier-1: "platinum"; expected one of the levels bronze, silver, gold',
    );
  });

  it('refuses a list instead of a map', () => {
    expect(() => read(['gold'])).toThrow(
      'Invalid value at readiness.targets.byTier: ["gold"]',
    );
  });
});
