import { defaultLevels } from './defaultLevels';
import { LEVEL_WORDS, levelWord } from './levelWords';

describe('levelWord', () => {
  it('names a reached level by its title', () => {
    expect(levelWord('silver', defaultLevels)).toBe('Silver');
    expect(levelWord('platinum', undefined)).toBe('Platinum');
  });

  it('names "scored, no level" after the lowest level, the one term for it', () => {
    expect(levelWord(undefined, defaultLevels)).toBe('Below Bronze');
    expect(levelWord(undefined, [])).toBe(LEVEL_WORDS.belowNoLevels);
  });
});
