import type { Entity } from '@backstage/catalog-model';
import { normalizeTier, readEntityTier } from './readEntityTier';

function entity(metadata: Record<string, unknown>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'x', ...metadata },
  } as Entity;
}

describe('normalizeTier', () => {
  it.each([
    ['1', 'tier-1'],
    [' Tier 1 ', 'tier-1'],
    ['tier1', 'tier-1'],
    ['TIER_2', 'tier-2'],
    ['tier-03', 'tier-3'],
    ['T0', 'tier-0'],
    ['critical', 'tier-1'],
    ['Mission critical', 'tier-1'],
    ['business-critical', 'tier-1'],
    ['high', 'tier-2'],
    ['medium', 'tier-3'],
    ['moderate', 'tier-3'],
    ['low', 'tier-4'],
    ['Gold', 'gold'],
    [2, 'tier-2'],
    ['', undefined],
    ['   ', undefined],
    [null, undefined],
    [{}, undefined],
    ['x'.repeat(101), undefined],
    ['TODO', undefined],
    ['<FILL-ME: e.g. "1">', undefined],
  ])('%j → %j', (value, expected) => {
    expect(normalizeTier(value)).toBe(expected);
  });
});

describe('readEntityTier', () => {
  it.each([
    [{ annotations: { 'prodready.io/tier': '1' } }, 'tier-1'],
    [{ annotations: { tier: 'tier2' } }, 'tier-2'],
    [{ annotations: { 'service-tier': 'critical' } }, 'tier-1'],
    [{ annotations: { 'acme.com/tier': '3' } }, 'tier-3'],
    [{ annotations: { 'acme.com/service-tier': 'low' } }, 'tier-4'],
    [{ labels: { tier: 'tier-1' } }, 'tier-1'],
    [{ labels: { 'acme.com/tier': '2' } }, 'tier-2'],
    [{ tags: ['java', 'tier-2'] }, 'tier-2'],
    [{ tags: ['tier1'] }, 'tier-1'],
    [{ tags: ['critical'] }, 'tier-1'],
    // tags other than tier-N and the critical family are not tiers
    [{ tags: ['high', 'gold'] }, undefined],
    // annotations win over labels, labels over tags
    [
      {
        annotations: { 'prodready.io/tier': '2' },
        labels: { tier: 'tier-1' },
        tags: ['tier-3'],
      },
      'tier-2',
    ],
    [{ labels: { tier: 'tier-1' }, tags: ['tier-3'] }, 'tier-1'],
    // prodready.io/tier wins over other keys
    [
      { annotations: { 'acme.com/tier': '3', 'prodready.io/tier': '1' } },
      'tier-1',
    ],
    // blank values are skipped
    [{ annotations: { tier: ' ' }, tags: ['tier-3'] }, 'tier-3'],
    [{}, undefined],
    // malformed fields never throw
    [{ annotations: 'tier-1', labels: [1], tags: 'tier-1' }, undefined],
    [{ annotations: { tier: 1 } }, 'tier-1'],
  ])('%j → %j', (metadata, expected) => {
    expect(readEntityTier(entity(metadata))).toBe(expected);
  });

  it('copes with a malformed entity', () => {
    expect(readEntityTier(undefined as unknown as Entity)).toBeUndefined();
    expect(readEntityTier({} as Entity)).toBeUndefined();
  });
});
