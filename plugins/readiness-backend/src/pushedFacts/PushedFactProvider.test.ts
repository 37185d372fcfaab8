import type { Entity } from '@backstage/catalog-model';
import { PushedFactProvider } from './PushedFactProvider';
import type { PushedFactsStore, StoredPushedFact } from './PushedFactsStore';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'a', namespace: 'default' },
};

function stored(key: string, staleAt: string): StoredPushedFact {
  return {
    entityRef: 'component:default/a',
    key,
    value: 1,
    observedAt: '2026-01-01T00:00:00.000Z',
    staleAt,
    pushedAt: '2026-01-01T00:00:00.000Z',
    pushedBy: 'service:ci',
  };
}

function storeOf(list: () => Promise<StoredPushedFact[]>): PushedFactsStore {
  return { listPushedFacts: list, savePushedFacts: async f => f };
}

const now = () => new Date('2026-01-05T00:00:00.000Z');

describe('PushedFactProvider', () => {
  it('keys the declared facts and marks the stale ones', async () => {
    const provider = PushedFactProvider.create({
      store: storeOf(async () => [
        stored('coverage', '2026-01-08T00:00:00.000Z'),
        stored('scan', '2026-01-04T00:00:00.000Z'),
        stored('removed', '2026-01-08T00:00:00.000Z'),
      ]),
      keys: new Set(['coverage', 'scan']),
      now,
    });
    const { pushed } = await provider.collect(entity);
    expect(pushed.status).toBe('ok');
    expect(pushed.data).toEqual({
      coverage: expect.objectContaining({ key: 'coverage', stale: false }),
      scan: expect.objectContaining({ key: 'scan', stale: true }),
    });
  });

  it('is not configured without declared keys, unavailable when the store fails', async () => {
    const none = PushedFactProvider.create({
      store: storeOf(async () => []),
      keys: new Set(),
      now,
    });
    expect((await none.collect(entity)).pushed.status).toBe('not-configured');
    const failing = PushedFactProvider.create({
      store: storeOf(async () => {
        throw new Error('connection reset');
      }),
      keys: new Set(['coverage']),
      now,
    });
    expect((await failing.collect(entity)).pushed).toMatchObject({
      status: 'unavailable',
      reason: expect.stringContaining('connection reset'),
    });
  });
});
