import { mockServices } from '@backstage/backend-test-utils';
import type {
  CheckResult,
  CheckState,
  TeamContact,
} from '@prodready/plugin-readiness-common';
import { DatabaseReadinessStore } from './DatabaseReadinessStore';
import type { EntityScoreWrite } from './ReadinessStore';
import {
  CONSTRAINT_VIOLATION,
  createTestDatabases,
} from '../__testUtils__/createTestDatabases';

jest.setTimeout(60_000);

const databases = createTestDatabases();

const T0 = new Date('2025-03-01T10:00:00.000Z');
const T1 = new Date('2025-03-02T10:00:00.000Z');
const T2 = new Date('2025-03-05T10:00:00.000Z');
const T3 = new Date('2025-03-06T10:00:00.000Z');

function result(
  checkId: string,
  state: CheckState,
  extra: Partial<CheckResult> = {},
): CheckResult {
  return {
    checkId,
    state,
    reason: `${checkId} is ${state}`,
    evidence: [],
    ...extra,
  };
}

interface EntityOptions {
  owner?: string;
  system?: string;
  domain?: string;
  type?: string;
  kind?: string;
  title?: string;
  tier?: string;
  lifecycle?: string;
  score?: number;
  level?: string;
  levelRank?: number;
  traits?: string[];
  results?: CheckResult[];
  ownerContact?: TeamContact;
}

function entity(name: string, o: EntityOptions = {}): EntityScoreWrite {
  const kind = o.kind ?? 'Component';
  const results = o.results ?? [
    result('ownership.owner', 'pass'),
    result('tracing.instrumented', 'fail'),
  ];
  return {
    summary: {
      entityRef: `${kind.toLocaleLowerCase('en-US')}:default/${name}`,
      kind,
      namespace: 'default',
      name,
      title: o.title,
      type: o.type ?? 'service',
      lifecycle: o.lifecycle ?? 'production',
      owner: o.owner ?? 'group:default/team-a',
      system: o.system,
      domain: o.domain,
      tier: o.tier,
      score: o.score ?? 50,
      level: o.level,
      gaps: results.filter(r => r.state === 'fail').length,
    },
    levelRank: o.levelRank ?? 0,
    blockingCheckIds: [],
    categories: [
      {
        category: 'tracing',
        passed: results.filter(r => r.state === 'pass').length,
        failed: results.filter(r => r.state === 'fail').length,
        unknown: 0,
        applicable: results.length,
        score: o.score ?? 50,
      },
    ],
    traits: o.traits ?? [],
    results,
    ownerContact: o.ownerContact,
  };
}

describe.each(databases.eachSupportedId())(
  'DatabaseReadinessStore on %p',
  databaseId => {
    async function createStore() {
      const knex = await databases.init(databaseId);
      const store = await DatabaseReadinessStore.create({
        database: mockServices.database({ knex }),
      });
      return { knex, store };
    }

    describe('writeScores', () => {
      it('writes results, scores and a snapshot for new entities but no history', async () => {
        const { knex, store } = await createStore();
        const stats = await store.writeScores([entity('a'), entity('b')], T0);
        expect(stats).toEqual({
          resultsWritten: 4,
          historyWritten: 0,
          scoresWritten: 2,
          levelChanges: [],
        });
        const [{ n }] = await knex('check_history').count({ n: '*' });
        expect(Number(n)).toBe(0);
        const snapshots = await knex('score_snapshots').orderBy('entity_ref');
        expect(
          snapshots.map(s => [s.entity_ref, s.day, Number(s.score)]),
        ).toEqual([
          ['component:default/a', '2025-03-01', 50],
          ['component:default/b', '2025-03-01', 50],
        ]);
        expect(await store.listScoredEntityRefs()).toEqual(
          expect.arrayContaining([
            'component:default/a',
            'component:default/b',
          ]),
        );
      });

      it('writes nothing but the evaluation time when nothing changed', async () => {
        const { knex, store } = await createStore();
        await store.writeScores([entity('a'), entity('b')], T0);
        const stats = await store.writeScores([entity('a'), entity('b')], T1);
        expect(stats).toEqual({
          resultsWritten: 0,
          historyWritten: 0,
          scoresWritten: 0,
          levelChanges: [],
        });
        const score = await store.getScore('component:default/a');
        expect(score?.evaluatedAt).toBe(T1.toISOString());
        const [{ n }] = await knex('score_snapshots').count({ n: '*' });
        expect(Number(n)).toBe(2);
      });

      it('records a history row only when a state changes', async () => {
        const { store } = await createStore();
        await store.writeScores([entity('a')], T0);
        // Evidence changes, state does not: the result row is rewritten, no history.
        const evidenceOnly = entity('a', {
          results: [
            result('ownership.owner', 'pass', {
              evidence: [
                { kind: 'field', label: 'spec.owner', value: 'team-a' },
              ],
            }),
            result('tracing.instrumented', 'fail'),
          ],
        });
        // The score row changes too: it holds the digest of the results.
        expect(await store.writeScores([evidenceOnly], T1)).toEqual({
          resultsWritten: 1,
          historyWritten: 0,
          scoresWritten: 1,
          levelChanges: [],
        });
        const fixed = entity('a', {
          score: 100,
          level: 'bronze',
          levelRank: 1,
          results: [
            result('ownership.owner', 'pass', {
              evidence: [
                { kind: 'field', label: 'spec.owner', value: 'team-a' },
              ],
            }),
            result('tracing.instrumented', 'pass'),
          ],
        });
        expect(await store.writeScores([fixed], T2)).toEqual({
          resultsWritten: 1,
          historyWritten: 1,
          scoresWritten: 1,
          levelChanges: [
            {
              entityRef: 'component:default/a',
              owner: 'group:default/team-a',
              from: undefined,
              to: 'bronze',
              rose: true,
              failingCheckIds: [],
              title: undefined,
            },
          ],
        });
        expect(await store.listHistory('component:default/a', 10)).toEqual([
          {
            checkId: 'tracing.instrumented',
            from: 'fail',
            to: 'pass',
            at: T2.toISOString(),
          },
        ]);
        const results = await store.listResults('component:default/a');
        expect(
          results.find(r => r.checkId === 'ownership.owner')?.evidence,
        ).toEqual([{ kind: 'field', label: 'spec.owner', value: 'team-a' }]);
        // And back: a drop, with the check it fails again.
        const broken = entity('a', { title: 'A service' });
        expect((await store.writeScores([broken], T3)).levelChanges).toEqual([
          {
            entityRef: 'component:default/a',
            title: 'A service',
            owner: 'group:default/team-a',
            from: 'bronze',
            to: undefined,
            rose: false,
            failingCheckIds: ['tracing.instrumented'],
          },
        ]);
      });

      it('records checks new to an entity scored before and drops checks that left the pack', async () => {
        const { store } = await createStore();
        await store.writeScores([entity('a')], T0);
        const next = entity('a', {
          results: [
            result('ownership.owner', 'pass'),
            result('logging.logs', 'fail'),
          ],
        });
        const stats = await store.writeScores([next], T1);
        expect(stats.historyWritten).toBe(1);
        expect(await store.listHistory('component:default/a', 10)).toEqual([
          {
            checkId: 'logging.logs',
            from: undefined,
            to: 'fail',
            at: T1.toISOString(),
          },
        ]);
        expect(
          (await store.listResults('component:default/a')).map(r => r.checkId),
        ).toEqual(['logging.logs', 'ownership.owner']);
      });

      it('keeps checks that do not apply in the score row and records moves in and out', async () => {
        const { knex, store } = await createStore();
        const notApplicable = result('tracing.instrumented', 'not-applicable', {
          reason: 'Does not apply to libraries',
        });
        await store.writeScores(
          [
            entity('a', {
              results: [result('ownership.owner', 'pass'), notApplicable],
            }),
          ],
          T0,
        );
        const [{ n }] = await knex('check_results').count({ n: '*' });
        expect(Number(n)).toBe(1);
        expect(await store.listResults('component:default/a')).toEqual([
          expect.objectContaining({
            checkId: 'ownership.owner',
            state: 'pass',
          }),
          {
            checkId: 'tracing.instrumented',
            state: 'not-applicable',
            reason: 'Does not apply to libraries',
            evidence: [],
          },
        ]);
        // Now it applies and fails, then stops applying again.
        await store.writeScores([entity('a')], T1);
        await store.writeScores(
          [
            entity('a', {
              results: [result('ownership.owner', 'pass'), notApplicable],
            }),
          ],
          T2,
        );
        expect(await store.listHistory('component:default/a', 5)).toEqual([
          {
            checkId: 'tracing.instrumented',
            from: 'fail',
            to: 'not-applicable',
            at: T2.toISOString(),
          },
          {
            checkId: 'tracing.instrumented',
            from: 'not-applicable',
            to: 'fail',
            at: T1.toISOString(),
          },
        ]);
        expect(
          (await store.listResults('component:default/a')).map(r => r.state),
        ).toEqual(['pass', 'not-applicable']);
      });

      it('writes a batch atomically: a failing write leaves the previous state', async () => {
        const { knex, store } = await createStore();
        await store.writeScores([entity('a'), entity('b')], T0);
        const before = await knex('check_results').orderBy([
          'entity_ref',
          'check_id',
        ]);
        const broken = entity('b', {
          results: [
            { ...result('x', 'fail'), checkId: null as unknown as string },
          ],
        });
        const changed = entity('a', {
          score: 100,
          results: [
            result('ownership.owner', 'pass'),
            result('tracing.instrumented', 'pass'),
          ],
        });
        await expect(
          store.writeScores([changed, broken], T1),
        ).rejects.toHaveProperty(
          'message',
          expect.stringMatching(CONSTRAINT_VIOLATION),
        );
        expect(
          await knex('check_results').orderBy(['entity_ref', 'check_id']),
        ).toEqual(before);
        expect((await store.getScore('component:default/a'))?.score).toBe(50);
        expect(await store.listHistory('component:default/a', 5)).toEqual([]);
      });

      it('keeps owner contacts and rewrites them only when they change', async () => {
        const { knex, store } = await createStore();
        const contact: TeamContact = {
          ref: 'group:default/team-a',
          displayName: 'Team A',
          contacts: [
            {
              type: 'email',
              label: 'a@example.com',
              url: 'mailto:a@example.com',
            },
          ],
        };
        await store.writeScores([entity('a', { ownerContact: contact })], T0);
        await store.writeScores([entity('a', { ownerContact: contact })], T1);
        const rows = await knex('owners');
        expect(rows).toHaveLength(1);
        expect(rows[0].updated_at).toBe(T0.toISOString());
        const owners = await store.getOwners([
          'group:default/team-a',
          'group:default/none',
        ]);
        expect(owners.get('group:default/team-a')).toEqual(contact);
        expect(owners.has('group:default/none')).toBe(false);
      });

      it('stores the exemption with an exempt result', async () => {
        const { store } = await createStore();
        const exemption = {
          id: '6f1c1a4e-0000-4000-8000-000000000001',
          entityRef: 'component:default/a',
          checkId: 'tracing.instrumented',
          reason: 'batch job',
          author: 'user:default/jane',
          createdAt: T0.toISOString(),
        };
        await store.createExemption(exemption);
        await store.writeScores(
          [
            entity('a', {
              results: [
                result('tracing.instrumented', 'exempt', { exemption }),
              ],
            }),
          ],
          T0,
        );
        const [stored] = await store.listResults('component:default/a');
        expect(stored.state).toBe('exempt');
        expect(stored.exemption).toEqual(exemption);
      });
    });

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
        const names = async (
          q: Partial<typeof base> & Record<string, unknown>,
        ) => (await store.search({ ...base, ...q })).items.map(i => i.name);
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
        expect(rows.filter(r => r.key === 'system:default/pay')).toHaveLength(
          2,
        );
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

    describe('findExemplars', () => {
      it('ranks passing entities of other owners by similarity, then score', async () => {
        const { store } = await createStore();
        const passing = [
          result('tracing.instrumented', 'pass', {
            evidence: [
              { kind: 'dependency', label: '@opentelemetry/sdk-node' },
            ],
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

    describe('snapshots and removal', () => {
      it('keeps change-only snapshots, marks removals, and purges by age', async () => {
        const { knex, store } = await createStore();
        await store.writeScores(
          [entity('a', { score: 10 }), entity('b', { score: 20 })],
          T0,
        );
        await store.writeScores(
          [entity('a', { score: 10 }), entity('b', { score: 30 })],
          T1,
        );
        const since = await store.listSnapshotsSince('2025-03-02', {});
        expect(since).toEqual([
          {
            entityRef: 'component:default/b',
            day: '2025-03-02',
            score: 30,
            level: undefined,
          },
        ]);
        const before = await store.listLatestSnapshotsBefore('2025-03-02', {});
        expect(before.map(s => [s.entityRef, s.score]).sort()).toEqual([
          ['component:default/a', 10],
          ['component:default/b', 20],
        ]);
        const owned = await store.listLatestSnapshotsBefore('2025-03-09', {
          owner: 'group:default/team-a',
          visibleEntityRefs: ['component:default/a'],
        });
        expect(owned).toEqual([
          {
            entityRef: 'component:default/a',
            day: '2025-03-01',
            score: 10,
            level: undefined,
          },
        ]);

        expect(await store.removeEntities(['component:default/b'], T2)).toBe(1);
        expect(await store.getScore('component:default/b')).toBeUndefined();
        expect(await store.listResults('component:default/b')).toEqual([]);
        expect(await store.listScoredEntityRefs()).toEqual([
          'component:default/a',
        ]);
        const removal = await store.listSnapshotsSince('2025-03-05', {
          entityRef: 'component:default/b',
        });
        expect(removal).toEqual([
          {
            entityRef: 'component:default/b',
            day: '2025-03-05',
            score: undefined,
            level: undefined,
          },
        ]);

        // History of a removed entity stays until purged.
        await knex('check_history').insert({
          entity_ref: 'component:default/b',
          check_id: 'x',
          from_state: 'fail',
          to_state: 'pass',
          at: T1.toISOString(),
        });
        expect(await store.listHistory('component:default/b', 5)).toHaveLength(
          1,
        );
        await store.purgeBefore(new Date('2025-03-10T00:00:00.000Z'));
        expect(await store.listHistory('component:default/b', 5)).toHaveLength(
          0,
        );
        const left = await knex('score_snapshots').orderBy([
          'entity_ref',
          'day',
        ]);
        // a keeps its only snapshot (the start of its trend); b's are gone.
        expect(left.map(r => [r.entity_ref, r.day])).toEqual([
          ['component:default/a', '2025-03-01'],
        ]);
      });
    });

    describe('runs', () => {
      it('creates, claims, updates and lists runs', async () => {
        const { store } = await createStore();
        const requested = await store.createRun({
          trigger: 'manual',
          claimed: false,
          now: T0,
        });
        expect(await store.getActiveRun(T2)).toMatchObject({
          id: requested.id,
        });
        const claimed = await store.claimRequestedRun(T1);
        expect(claimed).toMatchObject({
          id: requested.id,
          startedAt: T1.toISOString(),
        });
        expect(await store.claimRequestedRun(T1)).toBeUndefined();
        await store.updateRun(requested.id, {
          entitiesTotal: 10,
          entitiesDone: 5,
          errors: ['component:default/x: boom'],
          heartbeatAt: T1,
        });
        expect(await store.getRun(requested.id)).toEqual({
          id: requested.id,
          trigger: 'manual',
          status: 'running',
          startedAt: T1.toISOString(),
          entitiesTotal: 10,
          entitiesDone: 5,
          errors: ['component:default/x: boom'],
        });
        expect(await store.getActiveRun(T0)).toMatchObject({
          id: requested.id,
        });
        expect(await store.getActiveRun(T2)).toBeUndefined();
        expect(await store.failStaleRuns(T2, T2)).toBe(1);
        const failed = await store.getRun(requested.id);
        expect(failed?.status).toBe('failed');
        expect(failed?.errors).toHaveLength(2);
        const other = await store.createRun({
          trigger: 'entity',
          claimed: true,
          now: T2,
        });
        await store.updateRun(other.id, {
          status: 'succeeded',
          finishedAt: T2,
          heartbeatAt: T2,
        });
        expect((await store.listRuns(10)).map(r => r.id)).toEqual([
          other.id,
          requested.id,
        ]);
        expect(await store.listRuns(1)).toHaveLength(1);
        expect(await store.getRun('nope')).toBeUndefined();
      });
    });

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
        expect(await ids({ checkId: 'c1' })).toEqual(['e3', 'e1']);
        expect(await ids({ entityRef: 'component:default/b' })).toEqual(['e3']);
        expect(
          await ids({ visibleEntityRefs: ['component:default/a'] }),
        ).toEqual(['e2', 'e1']);
        expect(await store.getExemption('e2')).toMatchObject({
          expiresAt: T1.toISOString(),
        });
        expect(await store.deleteExemption('e1')).toBe(true);
        expect(await store.deleteExemption('e1')).toBe(false);
        expect(await store.getExemption('e1')).toBeUndefined();
      });
    });
  },
);
