import { mockServices } from '@backstage/backend-test-utils';
import type {
  CheckResult,
  CheckState,
} from '@prodready/plugin-readiness-common';
import type {
  EntityScoreWrite,
  ExemplarQuery,
} from '../database/ReadinessStore';
import { ExemplarFinder } from './ExemplarFinder';
import { describeEachDatabase } from '../__testUtils__/describeEachDatabase';

jest.setTimeout(60_000);

const T0 = new Date('2025-03-01T10:00:00.000Z');
const T1 = new Date('2025-03-02T10:00:00.000Z');
const CHECKS = ['tracing', 'logs', 'runbook', 'ci'];
const STATES: CheckState[] = ['pass', 'pass', 'fail', 'exempt', 'unknown'];

/** A seeded PRNG, so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a * 1103515245 + 12345) % 2147483648;
    return a / 2147483648;
  };
}

function pick<T>(next: () => number, items: T[]): T {
  return items[Math.floor(next() * items.length)];
}

function population(count: number, seed: number): EntityScoreWrite[] {
  const next = random(seed);
  const maybe = (value: string) => (next() < 0.7 ? value : undefined);
  return Array.from({ length: count }, (_, i) => {
    const results: CheckResult[] = CHECKS.map(checkId => {
      const state = pick(next, STATES);
      return {
        checkId,
        state,
        reason: `${checkId} ${state}`,
        evidence: state === 'pass' ? [{ kind: 'link', label: `e${i}` }] : [],
      };
    });
    const traits = ['tag:java', 'tag:go', 'lang:java', 'lang:go', 'tag:pci'];
    return {
      summary: {
        entityRef: `component:default/e-${i}`,
        kind: 'Component',
        namespace: 'default',
        name: `e-${i}`,
        type: maybe(pick(next, ['service', 'website', 'library'])),
        owner:
          next() < 0.9
            ? `group:default/${pick(next, 'abcdef'.split(''))}`
            : undefined,
        system: maybe(`system:default/${pick(next, ['pay', 'shop', 'id'])}`),
        domain: maybe(`domain:default/${pick(next, ['money', 'people'])}`),
        // Few distinct scores: ties are broken by entity ref.
        score: pick(next, [20, 50, 50, 80, 100]),
        gaps: results.filter(r => r.state === 'fail').length,
      },
      levelRank: 0,
      blockingCheckIds: [],
      categories: [],
      traits: traits.filter(() => next() < 0.3),
      results,
    };
  });
}

describeEachDatabase('ExemplarFinder', createStore => {
  async function setUp() {
    const { store } = await createStore();
    const finder = ExemplarFinder.create({
      store,
      logger: mockServices.logger.mock(),
      minRebuildIntervalMs: 0,
    });
    return { store, finder };
  }

  it('ranks exactly as the store query, with and without visibility limits', async () => {
    const { store, finder } = await setUp();
    const entities = population(160, 42);
    await store.writeScores(entities, T0);
    const next = random(7);
    for (let q = 0; q < 40; q++) {
      const asker = pick(next, entities);
      const visible =
        q % 3 === 0
          ? entities.filter(() => next() < 0.5).map(e => e.summary.entityRef)
          : undefined;
      const query: ExemplarQuery = {
        checkIds: CHECKS.filter(() => next() < 0.7),
        entityRef: asker.summary.entityRef,
        owner: asker.summary.owner,
        system: asker.summary.system,
        domain: asker.summary.domain,
        type: asker.summary.type,
        traits: asker.traits,
        limit: 1 + (q % 4),
        visibleEntityRefs: visible,
      };
      const byCheck = (
        list: Awaited<ReturnType<typeof finder.find>>,
      ): string[] =>
        list
          .map(
            c =>
              `${c.checkId} ${c.entity.entityRef} ${
                c.similarity
              } ${JSON.stringify(c.evidence)} ${c.entity.score}`,
          )
          .sort((a, b) => a.split(' ')[0].localeCompare(b.split(' ')[0]));
      const expected = await store.findExemplars(query);
      const found = await finder.find(query);
      expect({ q, found: byCheck(found) }).toEqual({
        q,
        found: byCheck(expected),
      });
    }
  });

  it('sees writes through the results version in the database', async () => {
    const { store, finder } = await setUp();
    const entities = population(40, 1);
    await store.writeScores(entities, T0);
    const query: ExemplarQuery = {
      checkIds: ['tracing'],
      entityRef: 'component:default/asker',
      owner: 'group:default/nobody',
      traits: [],
      limit: 50,
    };
    const before = await finder.find(query);
    const version = await store.getResultsVersion();

    // Writing the same scores again changes nothing: same version.
    await store.writeScores(entities, T1);
    expect(await store.getResultsVersion()).toBe(version);

    // A new passer, written "by another replica" through the same database.
    const [newcomer] = population(1, 99);
    newcomer.summary = {
      ...newcomer.summary,
      entityRef: 'component:default/newcomer',
      name: 'newcomer',
      owner: 'group:default/new',
    };
    newcomer.results = newcomer.results.map(r =>
      r.checkId === 'tracing' ? { ...r, state: 'pass' } : r,
    );
    await store.writeScores([newcomer], T1);
    expect(await store.getResultsVersion()).toBeGreaterThan(version);

    // The stale index answers while it is rebuilt; the rebuilt one has it.
    let after = await finder.find(query);
    for (let i = 0; i < 50 && after.length === before.length; i++) {
      await new Promise(resolve => setTimeout(resolve, 20));
      after = await finder.find(query);
    }
    expect(after.map(a => a.entity.entityRef)).toContain(
      'component:default/newcomer',
    );
    expect(after).toHaveLength(before.length + 1);

    // Removing an entity bumps the version too.
    const removedVersion = await store.getResultsVersion();
    await store.removeEntities(['component:default/newcomer'], T1);
    expect(await store.getResultsVersion()).toBeGreaterThan(removedVersion);
    // Picks that stopped passing are dropped at once, before any rebuild.
    expect(
      (await finder.find(query)).map(a => a.entity.entityRef),
    ).not.toContain('component:default/newcomer');
  });
});
