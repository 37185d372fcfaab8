import { T0, result, entity } from '../../__testUtils__/storeFixtures';
import { describeEachDatabase } from '../../__testUtils__/describeEachDatabase';

jest.setTimeout(120_000);

describeEachDatabase('DatabaseReadinessStore: search', createStore => {
  describe('search', () => {
    async function seeded() {
      const ctx = await createStore();
      await ctx.store.writeScores(
        [
          entity('alpha', {
            owner: 'group:default/team-a',
            system: 'system:default/pay',
            score: 90,
            level: 'silver',
            levelRank: 2,
            tier: '1',
            title: 'Alpha 100% service',
            results: [
              result('tracing.instrumented', 'pass'),
              result('logging.logs', 'pass'),
            ],
          }),
          entity('beta', {
            owner: 'group:default/team-b',
            system: 'system:default/pay',
            score: 40,
            level: 'bronze',
            levelRank: 1,
            results: [
              result('tracing.instrumented', 'fail'),
              result('logging.logs', 'fail'),
            ],
          }),
          entity('gamma', {
            owner: 'group:default/team-b',
            type: 'website',
            score: 40,
            results: [
              result('tracing.instrumented', 'fail'),
              result('logging.logs', 'exempt'),
            ],
          }),
          entity('delta', {
            kind: 'API',
            type: 'openapi',
            owner: 'group:default/team-c',
            score: 10,
            results: [
              result('tracing.instrumented', 'unknown'),
              result('logging.logs', 'fail'),
            ],
          }),
        ],
        T0,
      );
      return ctx;
    }

    const base = { sort: 'name' as const, order: 'asc' as const, limit: 25 };

    it('finds entities failing every listed check', async () => {
      const { store } = await seeded();
      const names = async (q: Partial<typeof base> & Record<string, unknown>) =>
        (await store.search({ ...base, ...q })).items.map(i => i.name);
      expect(await names({ failing: ['tracing.instrumented'] })).toEqual([
        'beta',
        'gamma',
      ]);
      expect(
        await names({ failing: ['tracing.instrumented', 'logging.logs'] }),
      ).toEqual(['beta']);
      expect(await names({ passing: ['logging.logs'] })).toEqual([
        'alpha',
        'gamma',
      ]);
      expect(await store.countSearch({ failing: ['logging.logs'] })).toBe(2);
    });

    it('finds entities passing a check on declared evidence only', async () => {
      const ctx = await createStore();
      const annotation = {
        kind: 'annotation' as const,
        label: 'buildkite.com/pipeline-slug',
        value: 'acme/pay',
        strength: 'declared' as const,
      };
      await ctx.store.writeScores(
        [
          entity('claims', {
            results: [
              result('delivery.ci', 'pass', { evidence: [annotation] }),
            ],
          }),
          entity('unlabelled', {
            // evidence stored before strengths counts as declared
            results: [
              result('delivery.ci', 'pass', {
                evidence: [{ kind: 'link', label: 'CI' }],
              }),
            ],
          }),
          entity('builds', {
            results: [
              result('delivery.ci', 'pass', {
                evidence: [
                  annotation,
                  {
                    kind: 'file',
                    label: '.github/workflows/ci.yml',
                    strength: 'observed',
                  },
                ],
              }),
            ],
          }),
          entity('quoting', {
            // a value that merely quotes the words is not observed evidence
            results: [
              result('delivery.ci', 'pass', {
                evidence: [{ ...annotation, value: '"strength":"observed"' }],
              }),
            ],
          }),
          entity('failing', {
            results: [
              result('delivery.ci', 'fail', { evidence: [annotation] }),
            ],
          }),
        ],
        T0,
      );
      const query = { ...base, declaredOnly: ['delivery.ci'] };
      expect((await ctx.store.search(query)).items.map(i => i.name)).toEqual([
        'claims',
        'quoting',
        'unlabelled',
      ]);
      expect(
        await ctx.store.countSearch({ declaredOnly: ['delivery.ci'] }),
      ).toBe(3);
      expect(
        await ctx.store.countSearch({
          declaredOnly: ['delivery.ci'],
          text: 'claims',
        }),
      ).toBe(1);
    });

    it('filters by catalog fields, level rank and text', async () => {
      const { store } = await seeded();
      const names = async (q: Record<string, unknown>) =>
        (await store.search({ ...base, ...q })).items.map(i => i.name);
      expect(await names({ owner: ['group:default/team-b'] })).toEqual([
        'beta',
        'gamma',
      ]);
      expect(
        await names({
          system: ['system:default/pay'],
          owner: ['group:default/team-b'],
        }),
      ).toEqual(['beta']);
      expect(await names({ kind: ['api'] })).toEqual(['delta']);
      expect(await names({ type: ['website', 'openapi'] })).toEqual([
        'delta',
        'gamma',
      ]);
      expect(await names({ tier: ['1'] })).toEqual(['alpha']);
      expect(await names({ lifecycle: ['experimental'] })).toEqual([]);
      expect(await names({ levelRankAtMost: 1 })).toEqual([
        'beta',
        'delta',
        'gamma',
      ]);
      expect(await names({ levelRankAtLeast: 1 })).toEqual(['alpha', 'beta']);
      expect(await names({ text: 'TEAM-C' })).toEqual(['delta']);
      // LIKE wildcards in the text are literal.
      expect(await names({ text: '100%' })).toEqual(['alpha']);
      expect(await names({ text: '%' })).toEqual(['alpha']);
      expect(await names({ text: 'a_p' })).toEqual([]);
    });

    it('restricts results to visible entities, for short and long ref lists', async () => {
      const { store } = await seeded();
      const short = await store.search({
        ...base,
        visibleEntityRefs: ['component:default/beta'],
      });
      expect(short.items.map(i => i.name)).toEqual(['beta']);
      const many = Array.from(
        { length: 1000 },
        (_, i) => `component:default/x${i}`,
      );
      const long = await store.search({
        ...base,
        visibleEntityRefs: [
          ...many,
          'component:default/gamma',
          'api:default/delta',
        ],
      });
      expect(long.items.map(i => i.name)).toEqual(['delta', 'gamma']);
      expect(
        await store.countSearch({
          visibleEntityRefs: [...many, 'api:default/delta'],
        }),
      ).toBe(1);
      expect(await store.countSearch({ visibleEntityRefs: [] })).toBe(0);
    });

    it.each([
      ['name', 'asc', ['alpha', 'beta', 'delta', 'gamma']],
      ['name', 'desc', ['gamma', 'delta', 'beta', 'alpha']],
      ['score', 'asc', ['delta', 'beta', 'gamma', 'alpha']],
      ['score', 'desc', ['alpha', 'gamma', 'beta', 'delta']],
      ['level', 'desc', ['alpha', 'beta', 'gamma', 'delta']],
      ['gaps', 'asc', ['alpha', 'delta', 'gamma', 'beta']],
      ['owner', 'asc', ['alpha', 'beta', 'gamma', 'delta']],
    ] as const)(
      'pages through sort %s %s with a cursor',
      async (sort, order, expected) => {
        const { store } = await seeded();
        const seen: string[] = [];
        let after;
        for (let i = 0; i < 10; i++) {
          const page = await store.search({ sort, order, limit: 1, after });
          seen.push(...page.items.map(item => item.name));
          after = page.next;
          if (!after) break;
        }
        expect(seen).toEqual(expected);
      },
    );

    it('returns summaries of scored, visible entities', async () => {
      const { store } = await seeded();
      const items = await store.listSummaries(
        [
          'component:default/alpha',
          'component:default/beta',
          'component:default/nope',
        ],
        undefined,
      );
      expect(items.map(i => i.name).sort()).toEqual(['alpha', 'beta']);
      expect(items.find(i => i.name === 'alpha')).toMatchObject({
        entityRef: 'component:default/alpha',
        kind: 'Component',
        owner: 'group:default/team-a',
        system: 'system:default/pay',
        score: 90,
        level: 'silver',
        gaps: 0,
        tier: '1',
        evaluatedAt: T0.toISOString(),
      });
      const visible = await store.listSummaries(
        ['component:default/alpha', 'component:default/beta'],
        ['component:default/beta'],
      );
      expect(visible.map(i => i.name)).toEqual(['beta']);
    });

    it('lists roll-up rows and per-owner pass counts', async () => {
      const { store } = await seeded();
      const rows = await store.listRollupRows('system', undefined);
      expect(rows.filter(r => r.key === 'system:default/pay')).toHaveLength(2);
      expect(rows.filter(r => r.key === undefined)).toHaveLength(2);
      const counts = await store.listOwnerCheckCounts({
        visibleEntityRefs: undefined,
      });
      expect(counts).toEqual(
        expect.arrayContaining([
          {
            checkId: 'logging.logs',
            owner: 'group:default/team-b',
            passing: 1,
            applicable: 2,
          },
          {
            checkId: 'tracing.instrumented',
            owner: 'group:default/team-b',
            passing: 0,
            applicable: 2,
          },
          {
            checkId: 'logging.logs',
            owner: 'group:default/team-c',
            passing: 0,
            applicable: 1,
          },
        ]),
      );
      // `unknown` is not decided: team-c has no decided tracing result.
      expect(
        counts.find(
          c =>
            c.owner === 'group:default/team-c' &&
            c.checkId === 'tracing.instrumented',
        ),
      ).toBeUndefined();
      const one = await store.listOwnerCheckCounts({
        checkId: 'logging.logs',
        visibleEntityRefs: ['component:default/alpha'],
      });
      expect(one).toEqual([
        {
          checkId: 'logging.logs',
          owner: 'group:default/team-a',
          passing: 1,
          applicable: 1,
        },
      ]);
    });
  });

  describe('targets', () => {
    const targetRanks = [
      { tier: 'tier-1', rank: 3 },
      { tier: 'tier-2', rank: 2 },
    ];

    async function seededTiers() {
      const ctx = await createStore();
      await ctx.store.writeScores(
        [
          // Two levels below gold.
          entity('t1-bronze', {
            tier: 'tier-1',
            level: 'bronze',
            levelRank: 1,
            nextLevel: 'silver',
          }),
          // Three levels below gold: no level reached.
          entity('t1-none', { tier: 'tier-1', nextLevel: 'bronze' }),
          // At target.
          entity('t2-silver', {
            tier: 'tier-2',
            level: 'silver',
            levelRank: 2,
            nextLevel: 'gold',
          }),
          // Above target: met, never negative.
          entity('t2-gold', { tier: 'tier-2', level: 'gold', levelRank: 3 }),
          // No level applies (neither level nor next level): no target.
          entity('t1-api', { kind: 'API', tier: 'tier-1' }),
          // Untargeted tier.
          entity('t3-none', { tier: 'tier-3', nextLevel: 'bronze' }),
        ],
        T0,
      );
      return ctx;
    }

    const names = (page: { items: Array<{ name: string }> }) =>
      page.items.map(i => i.name);

    it('finds the entities below the target of their tier', async () => {
      const { store } = await seededTiers();
      const filters = { belowTarget: true, targetRanks };
      expect(
        names(
          await store.search({
            ...filters,
            sort: 'name',
            order: 'asc',
            limit: 25,
          }),
        ),
      ).toEqual(['t1-bronze', 't1-none']);
      expect(await store.countSearch(filters)).toBe(2);
      // Without targets nothing is below one.
      expect(await store.countSearch({ belowTarget: true })).toBe(0);
    });

    it('sorts by levels to go, entities without a target last, across pages', async () => {
      const { store } = await seededTiers();
      const seen: Array<{ name: string }> = [];
      let after;
      do {
        const page = await store.search({
          targetRanks,
          sort: 'targetGap',
          order: 'desc',
          limit: 2,
          after,
        });
        seen.push(...page.items);
        after = page.next;
      } while (after);
      expect(names({ items: seen })).toEqual([
        't1-none',
        't1-bronze',
        't2-silver',
        't2-gold',
        't3-none',
        't1-api',
      ]);
    });
  });
});
