import { T0, result, entity } from '../../__testUtils__/storeFixtures';
import { describeEachDatabase } from '../../__testUtils__/describeEachDatabase';

jest.setTimeout(120_000);

describeEachDatabase('DatabaseReadinessStore: findExemplars', createStore => {
  describe('findExemplars', () => {
    it('ranks passing entities of other owners by similarity, then score', async () => {
      const { store } = await createStore();
      const passing = [
        result('tracing.instrumented', 'pass', {
          evidence: [{ kind: 'dependency', label: '@opentelemetry/sdk-node' }],
        }),
      ];
      await store.writeScores(
        [
          entity('me', {
            owner: 'group:default/mine',
            system: 'system:default/pay',
            domain: 'domain:default/money',
            traits: ['tag:java'],
            results: [result('tracing.instrumented', 'fail')],
          }),
          entity('teammate', {
            owner: 'group:default/mine',
            system: 'system:default/pay',
            results: passing,
          }),
          entity('same-system', {
            owner: 'group:default/x',
            system: 'system:default/pay',
            score: 20,
            results: passing,
          }),
          entity('same-domain-java', {
            owner: 'group:default/y',
            domain: 'domain:default/money',
            traits: ['tag:java'],
            score: 30,
            results: passing,
          }),
          entity('same-type-hi', {
            owner: 'group:default/z',
            score: 90,
            results: passing,
          }),
          entity('same-type-lo', {
            owner: 'group:default/z',
            score: 80,
            results: passing,
          }),
          entity('failing', {
            owner: 'group:default/z',
            system: 'system:default/pay',
            results: [result('tracing.instrumented', 'fail')],
          }),
          entity('exempt', {
            owner: 'group:default/z',
            system: 'system:default/pay',
            results: [result('tracing.instrumented', 'exempt')],
          }),
        ],
        T0,
      );
      const query = {
        checkIds: ['tracing.instrumented'],
        entityRef: 'component:default/me',
        owner: 'group:default/mine',
        system: 'system:default/pay',
        domain: 'domain:default/money',
        type: 'service',
        traits: ['tag:java'],
        limit: 3,
        visibleEntityRefs: undefined,
      };
      const found = await store.findExemplars(query);
      expect(found.map(f => [f.entity.name, f.similarity])).toEqual([
        ['same-domain-java', 4],
        ['same-system', 4],
        ['same-type-hi', 1],
      ]);
      expect(found[1].evidence).toEqual([
        { kind: 'dependency', label: '@opentelemetry/sdk-node' },
      ]);
      const hidden = await store.findExemplars({
        ...query,
        visibleEntityRefs: ['component:default/same-type-lo'],
      });
      expect(hidden.map(f => f.entity.name)).toEqual(['same-type-lo']);
    });
  });
});
