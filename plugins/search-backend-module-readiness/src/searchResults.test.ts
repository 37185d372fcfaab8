import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { mockServices } from '@backstage/backend-test-utils';
import { LunrSearchEngine } from '@backstage/plugin-search-backend-node';
import { collateWithFakeBackend } from './__testUtils__/collateWithFakeBackend';
import type { ReadinessDocument } from './collator/ReadinessDocument';

/**
 * End to end: documents collated from the (fake) readiness backend, indexed
 * into the in-memory Lunr engine the app uses by default, and queried the
 * way the search page queries them.
 */
describe('readiness search results', () => {
  let engine: LunrSearchEngine;

  beforeAll(async () => {
    const { documents } = await collateWithFakeBackend({
      supportsIncludeFailing: true,
    });
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
    });
    return results.map(r => (r.document as ReadinessDocument).name);
  }

  it('finds the payments service missing a runbook first for "payments missing runbook"', async () => {
    const names = await search('payments missing runbook');

    expect(names[0]).toBe('payments-api');
    // Of the services of other teams, the one missing a runbook comes first.
    expect(names.indexOf('ledger')).toBeLessThan(names.indexOf('search-api'));
  });

  it('finds exactly the services without rollback first for "no rollback"', async () => {
    const names = await search('no rollback');

    expect(names.slice(0, 2).sort()).toEqual(['payments-api', 'search-api']);
    const others = names.slice(2);
    expect(others).not.toContain('payments-api');
    expect(others).not.toContain('search-api');
  });

  it('does not find a service for a gap it has closed', async () => {
    const names = await search('rollback');

    expect(names.sort()).toEqual(['payments-api', 'search-api']);
  });
});
