import { createCheckPack } from '@prodready/plugin-readiness-common';
import { PackIndex } from '../pack/PackIndex';
import { readDependencyPolicy } from './readDependencyPolicy';

const pack = new PackIndex(createCheckPack());

describe('readDependencyPolicy', () => {
  it('keeps levels the pack has', () => {
    expect(
      readDependencyPolicy(
        {
          enabled: true,
          checkLevel: 'silver',
          minimumLevel: 'bronze',
          minimumLevelByTier: { 'tier-1': 'gold' },
        },
        pack,
      ),
    ).toEqual({
      minimumLevel: 'bronze',
      minimumLevelByTier: { 'tier-1': 'gold' },
    });
  });

  it('names the key and the value of a level the pack does not have', () => {
    expect(() =>
      readDependencyPolicy(
        {
          enabled: true,
          checkLevel: 'silver',
          minimumLevel: 'bronze',
          minimumLevelByTier: { 'tier-1': 'platinum' },
        },
        pack,
      ),
    ).toThrow(
      "Invalid readiness.dependencies.minimumLevelByTier.tier-1 'platinum': not a level of the check pack (bronze, silver, gold)",
    );
  });
});
