import type { ExemplarQuery } from '../database/ReadinessStore';
import { ExemplarIndex } from './ExemplarIndex';

const index = ExemplarIndex.fromPool({
  version: 7,
  // Best score first.
  entities: [
    { entityRef: 'c:a', owner: 'g:x', type: 'service', traits: [] },
    { entityRef: 'c:b', owner: 'g:mine', system: 's:pay', traits: [] },
    { entityRef: 'c:c', owner: 'g:y', system: 's:pay', traits: ['tag:go'] },
    {
      entityRef: 'c:d',
      owner: 'g:z',
      domain: 'd:money',
      traits: ['tag:java', 'lang:java'],
    },
    { entityRef: 'c:e', owner: 'g:z', type: 'service', traits: [] },
  ],
  passing: new Map([
    ['tracing', [0, 1, 2, 3, 4]],
    ['logs', [4]],
  ]),
});

const query: ExemplarQuery = {
  checkIds: ['tracing', 'logs', 'unknown-check'],
  entityRef: 'c:me',
  owner: 'g:mine',
  system: 's:pay',
  domain: 'd:money',
  type: 'service',
  traits: ['tag:java', 'lang:java'],
  limit: 3,
};

describe('ExemplarIndex', () => {
  it('ranks other owners by similarity, then by score order', () => {
    expect(index.version).toBe(7);
    expect(index.size).toBe(5);
    expect(
      index.rank(query).map(r => [r.checkId, r.entityRef, r.similarity]),
    ).toEqual([
      ['tracing', 'c:d', 4],
      ['tracing', 'c:c', 3],
      ['tracing', 'c:a', 1],
      ['logs', 'c:e', 1],
    ]);
  });

  it('leaves out the asker, hidden entities, and respects the limit', () => {
    expect(
      index
        .rank({ ...query, entityRef: 'c:d', limit: 2 }, ref => ref !== 'c:c')
        .map(r => r.entityRef),
    ).toEqual(['c:a', 'c:e', 'c:e']);
    expect(index.rank({ ...query, limit: 0 })).toEqual([]);
  });

  it('counts values no candidate has as no match', () => {
    expect(
      index
        .rank({
          ...query,
          owner: undefined,
          system: 's:other',
          domain: undefined,
          type: undefined,
          traits: ['tag:rust'],
          checkIds: ['tracing'],
        })
        .map(r => [r.entityRef, r.similarity]),
    ).toEqual([
      ['c:a', 0],
      ['c:b', 0],
      ['c:c', 0],
    ]);
  });

  it('returns the traits of each exemplar, to explain the similarity', () => {
    const [first] = index.rank({ ...query, checkIds: ['tracing'] });
    expect(first.traits).toEqual(['tag:java', 'lang:java']);
  });
});
