import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { mockServices } from '@backstage/backend-test-utils';
import { LunrSearchEngine } from '@backstage/plugin-search-backend-node';
import {
  createCheckPack,
  toCheckInfo,
  type CheckPackResponse,
  type EntitySummary,
} from '@prodready/plugin-readiness-common';
import { exampleOrganisation } from './__testUtils__/exampleOrganisation';
import { buildReadinessDocument } from './collator/buildReadinessDocument';
import type { ReadinessDocument } from './collator/ReadinessDocument';

/**
 * The ranking of gap queries over the example organisation (its components
 * and APIs as the default pack scores them), indexed into the Lunr engine the
 * example app uses, queried the way the search page queries.
 */
describe('ranking gap queries over the example organisation', () => {
  const defaultPack = createCheckPack();
  const pack: CheckPackResponse = {
    levels: defaultPack.levels,
    categories: defaultPack.categories,
    checks: defaultPack.checks.map(toCheckInfo),
  };
  let engine: LunrSearchEngine;

  beforeAll(async () => {
    const documents = exampleOrganisation.map(entity =>
      buildReadinessDocument({
        entity: entity.summary,
        failingCheckIds: entity.failing,
        pack,
        locationTemplate: '/catalog/:namespace/:kind/:name/readiness',
      }),
    );
    engine = new LunrSearchEngine({ logger: mockServices.logger.mock() });
    const indexer = await engine.getIndexer('readiness');
    const closed = new Promise(resolve => indexer.once('close', resolve));
    await pipeline(Readable.from(documents), indexer);
    await closed;
  });

  async function search(term: string): Promise<string[]> {
    const { results } = await engine.query({
      term,
      types: ['readiness'],
      filters: {},
      pageLimit: 100,
    });
    return results.map(r => (r.document as ReadinessDocument).name);
  }

  /** The example entities failing a check, by name. */
  function failing(checkId: string, owner?: string): string[] {
    return exampleOrganisation
      .filter(
        e =>
          e.failing.includes(checkId) &&
          (!owner || e.summary.owner === `group:default/${owner}`),
      )
      .map(e => e.summary.name)
      .sort();
  }

  it.each([
    ['missing runbook', 'runbook.runbook'],
    ['no playbook', 'runbook.runbook'],
    ['without rollback', 'delivery.rollback'],
    ['revert', 'delivery.rollback'],
    ['no pager', 'monitoring.alerts'],
    ['missing on-call alerts', 'monitoring.alerts'],
    ['no postmortems', 'runbook.postmortems'],
    ['missing tracing', 'tracing.instrumented'],
    ['no sentry', 'logging.error-tracking'],
  ])('"%s" ranks the entities failing %s first', async (query, checkId) => {
    // The first results are exactly the entities failing the check.
    const expected = failing(checkId);
    expect(expected.length).toBeGreaterThan(0);
    const names = await search(query);
    expect(names.slice(0, expected.length).sort()).toEqual(expected);
  });

  it('"missing runbook" does not find services that only lack postmortems', async () => {
    const names = await search('missing runbook');
    const onlyPostmortems = exampleOrganisation
      .filter(
        e =>
          e.failing.includes('runbook.postmortems') &&
          !e.failing.includes('runbook.runbook'),
      )
      .map(e => e.summary.name);
    expect(onlyPostmortems.length).toBeGreaterThan(0);
    expect(names.slice(0, failing('runbook.runbook').length)).not.toEqual(
      expect.arrayContaining([onlyPostmortems[0]]),
    );
  });

  it('"payments rollback" puts the payments service lacking a rollback first', async () => {
    const [gap] = failing('delivery.rollback', 'payments');
    expect(gap).toBe('payouts-worker');
    const names = await search('payments rollback');
    expect(names[0]).toBe(gap);
  });
});

describe('ranking against short documents of the same category', () => {
  // As in the running example app: the services without a runbook fail many
  // other checks too (long fields); 30 well-kept ones fail only postmortems
  // (of the runbook category, in very short fields) and passes its runbook
  // on a link (declared evidence only).
  it('"missing runbook" ranks every service without a runbook above those only lacking postmortems', async () => {
    const defaultPack = createCheckPack();
    const pack: CheckPackResponse = {
      levels: defaultPack.levels,
      categories: defaultPack.categories,
      checks: defaultPack.checks.map(toCheckInfo),
    };
    const manyGaps = [
      'runbook.runbook',
      'runbook.postmortems',
      'ownership.system',
      'monitoring.dashboard',
      'monitoring.alerts',
      'logging.error-tracking',
      'tracing.instrumented',
      'delivery.rollback',
      'monitoring.slo',
    ];
    const documents = [
      ...['a', 'b', 'c', 'd', 'e', 'f'].map(name => ({
        name,
        failing: manyGaps,
      })),
      ...Array.from({ length: 30 }, (_, i) => `well-kept-${i}`).map(name => ({
        name,
        failing: ['runbook.postmortems'],
        // Its runbook is a link: passed on declared evidence only.
        declaredOnly: ['runbook.runbook', 'monitoring.dashboard'],
      })),
    ].map(
      ({
        name,
        failing,
        declaredOnly,
      }: {
        name: string;
        failing: string[];
        declaredOnly?: string[];
      }) =>
        buildReadinessDocument({
          entity: {
            entityRef: `component:default/${name}`,
            kind: 'Component',
            namespace: 'default',
            name,
            owner: 'group:default/team',
            score: 50,
            gaps: failing.length,
            evaluatedAt: '2026-12-05T00:00:00.000Z',
          } as EntitySummary,
          failingCheckIds: failing,
          declaredOnlyCheckIds: declaredOnly,
          pack,
          locationTemplate: '/catalog/:namespace/:kind/:name/readiness',
        }),
    );
    const engine = new LunrSearchEngine({ logger: mockServices.logger.mock() });
    const indexer = await engine.getIndexer('readiness');
    const closed = new Promise(resolve => indexer.once('close', resolve));
    await pipeline(Readable.from(documents), indexer);
    await closed;
    const { results } = await engine.query({
      term: 'missing runbook',
      types: ['readiness'],
      filters: {},
      pageLimit: 100,
    });
    const names = results.map(r => (r.document as ReadinessDocument).name);
    expect(names.slice(0, 6).sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });
});
