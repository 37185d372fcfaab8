import type { Exemption } from '@prodready/plugin-readiness-common';
import { T0, T1, T2 } from '../../__testUtils__/storeFixtures';
import { describeEachDatabase } from '../../__testUtils__/describeEachDatabase';

jest.setTimeout(120_000);

function exemption(id: string, extra: Partial<Exemption> = {}): Exemption {
  return {
    id,
    entityRef: 'component:default/a',
    checkId: 'runbook.runbook',
    reason: `reason ${id}`,
    author: 'user:default/jane',
    createdAt: T0.toISOString(),
    ...extra,
  };
}

describeEachDatabase('saveExemption', createStore => {
  it('keeps one active exemption per entity and check', async () => {
    const { store } = await createStore();
    const first = exemption('e1', { expiresAt: '2025-03-05T00:00:00.000Z' });
    expect(await store.saveExemption(first, T0)).toEqual({
      exemption: first,
      updated: false,
    });
    // A second one updates the first: same id and creation time.
    const second = exemption('e2', {
      reason: 'new reason',
      author: 'user:default/joe',
      createdAt: T1.toISOString(),
    });
    expect(await store.saveExemption(second, T1)).toEqual({
      exemption: { ...second, id: 'e1', createdAt: T0.toISOString() },
      updated: true,
    });
    expect(
      await store.listExemptions({
        entityRef: 'component:default/a',
        activeAt: T1,
      }),
    ).toEqual([
      {
        ...second,
        id: 'e1',
        createdAt: T0.toISOString(),
        expiresAt: undefined,
      },
    ]);
    // Another check is another exemption.
    const other = exemption('e3', { checkId: 'logging.logs' });
    expect((await store.saveExemption(other, T1)).updated).toBe(false);

    // Once the first has expired, a new one is created.
    await store.saveExemption(
      exemption('e1', { expiresAt: '2025-03-05T00:00:00.000Z' }),
      T1,
    );
    const later = exemption('e4', { createdAt: T2.toISOString() });
    expect(await store.saveExemption(later, T2)).toEqual({
      exemption: later,
      updated: false,
    });
  });
});

describeEachDatabase('exemption writes', createStore => {
  it('bump the scores version that every replica keys its caches by', async () => {
    const { store } = await createStore();
    const versions = [await store.getScoresVersion()];
    await store.saveExemption(exemption('e1'), T0);
    versions.push(await store.getScoresVersion());
    await store.saveExemption(exemption('e2', { reason: 'updated' }), T0);
    versions.push(await store.getScoresVersion());
    await store.createExemption(exemption('e3', { checkId: 'logging.logs' }));
    versions.push(await store.getScoresVersion());
    expect(await store.deleteExemption('e1')).toBe(true);
    versions.push(await store.getScoresVersion());
    // Deleting nothing writes nothing.
    expect(await store.deleteExemption('e1')).toBe(false);
    versions.push(await store.getScoresVersion());
    expect(versions.map(v => v - versions[0])).toEqual([0, 1, 2, 3, 4, 4]);
  });
});

describeEachDatabase('DatabaseReadinessStore: exemptions', createStore => {
  describe('exemptions', () => {
    it('lists only active exemptions and deletes them', async () => {
      const { store } = await createStore();
      const base = {
        entityRef: 'component:default/a',
        reason: 'legacy',
        author: 'user:default/jane',
      };
      await store.createExemption({
        ...base,
        id: 'e1',
        checkId: 'c1',
        createdAt: T0.toISOString(),
      });
      await store.createExemption({
        ...base,
        id: 'e2',
        checkId: 'c2',
        createdAt: T1.toISOString(),
        expiresAt: T1.toISOString(),
      });
      await store.createExemption({
        ...base,
        id: 'e3',
        entityRef: 'component:default/b',
        checkId: 'c1',
        createdAt: T1.toISOString(),
        expiresAt: T2.toISOString(),
      });
      const ids = async (filter: Record<string, unknown>) =>
        (await store.listExemptions({ activeAt: T0, ...filter })).map(
          e => e.id,
        );
      expect(await ids({})).toEqual(['e2', 'e3', 'e1']);
      expect(await ids({ activeAt: T1 })).toEqual(['e3', 'e1']);
      // The organisation's view lists expired ones too.
      expect(await ids({ activeAt: T2, includeExpired: true })).toEqual([
        'e2',
        'e3',
        'e1',
      ]);
      expect(await ids({ activeAt: T2 })).toEqual(['e1']);
      expect(await ids({ checkId: 'c1' })).toEqual(['e3', 'e1']);
      expect(await ids({ entityRef: 'component:default/b' })).toEqual(['e3']);
      expect(await ids({ visibleEntityRefs: ['component:default/a'] })).toEqual(
        ['e2', 'e1'],
      );
      expect(await store.getExemption('e2')).toMatchObject({
        expiresAt: T1.toISOString(),
      });
      expect(await store.deleteExemption('e1')).toBe(true);
      expect(await store.deleteExemption('e1')).toBe(false);
      expect(await store.getExemption('e1')).toBeUndefined();
    });
  });
});
