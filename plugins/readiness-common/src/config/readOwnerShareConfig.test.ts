import { ConfigReader } from '@backstage/config';
import { readOwnerShareConfig } from './readOwnerShareConfig';

const read = (ownership: unknown) =>
  readOwnerShareConfig(new ConfigReader({ readiness: { ownership } } as never));

describe('readOwnerShareConfig', () => {
  it('has defaults', () => {
    expect(readOwnerShareConfig(new ConfigReader({}))).toEqual({
      maxOwnerShare: 0.25,
      minOwnedEntities: 20,
    });
  });

  it('reads both keys', () => {
    expect(read({ maxOwnerShare: 0.5, minOwnedEntities: 3 })).toEqual({
      maxOwnerShare: 0.5,
      minOwnedEntities: 3,
    });
  });

  it('names the key and the value of a bad setting', () => {
    expect(() => read({ maxOwnerShare: 76 })).toThrow(
      'readiness.ownership.maxOwnerShare must be a number above 0 and at most 1, got 76',
    );
    expect(() => read({ minOwnedEntities: 0.5 })).toThrow(
      'readiness.ownership.minOwnedEntities must be a whole number of at least 1, got 0.5',
    );
  });
});
