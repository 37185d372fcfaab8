import { mockServices } from '@backstage/backend-test-utils';
import {
  createCheckPack,
  defaultChecks,
} from '@prodready/plugin-readiness-common';
import { DatabaseReadinessStore } from '../../database/DatabaseReadinessStore';
import { PackIndex } from '../../pack/PackIndex';
import { createTestDatabases } from '../../__testUtils__/createTestDatabases';
import { T0, T1, entity, result } from '../../__testUtils__/storeFixtures';
import { SearchModel } from './SearchModel';
import { ScoresVersionWatch } from '../../lib/ScoresVersionWatch';

jest.setTimeout(120_000);

const databases = createTestDatabases();
const pack = new PackIndex(createCheckPack({ checks: defaultChecks }));

async function read(body: AsyncIterable<Buffer>): Promise<string> {
  let text = '';
  for await (const chunk of body) {
    text += chunk.toString('utf8');
  }
  return text;
}

describe.each(databases.eachSupportedId())('SearchModel on %p', id => {
  async function setUp() {
    const knex = await databases.init(id);
    const store = await DatabaseReadinessStore.create({
      database: mockServices.database({ knex }),
    });
    const failing = [result('runbook.runbook', 'fail')];
    await store.writeScores(
      [entity('a', { results: failing }), entity('b', { results: failing })],
      T0,
    );
    // Counts and pages kept an hour: only a write of scores renews them.
    const model = new SearchModel({
      store,
      pack,
      scoresVersion: new ScoresVersionWatch({
        read: () => store.getScoresVersion(),
        intervalMs: 0,
      }),
      cacheTtlMs: 3_600_000,
    });
    return { store, model, failing };
  }

  it('answers a repeated search from memory until scores are written, by any writer', async () => {
    const { store, model } = await setUp();
    const query = { failing: ['runbook.runbook'] };
    const first = await model.search(query, undefined);
    expect(first.items.map(i => i.name)).toEqual(['a', 'b']);
    expect(await model.search(query, undefined)).toBe(first);

    // Another replica's write: this model is not told, the version moves.
    await store.writeScores(
      [entity('b', { results: [result('runbook.runbook', 'pass')] })],
      T1,
    );
    const after = await model.search(query, undefined);
    expect(after.items.map(i => i.name)).toEqual(['a']);
    // Another visibility is another page.
    const narrow = await model.search(query, ['component:default/b']);
    expect(narrow.items).toEqual([]);
  });

  it('sends a repeated export from memory until scores are written', async () => {
    const { store, model, failing } = await setUp();
    const csv = await read(await model.exportBody({}, 'csv', undefined));
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(3);
    expect(await read(await model.exportBody({}, 'csv', undefined))).toBe(csv);
    const json = JSON.parse(
      await read(await model.exportBody({}, 'json', undefined)),
    );
    expect(json.map((i: { name: string }) => i.name)).toEqual(['a', 'b']);

    // A rescore that changes nothing still moves the evaluation time.
    await store.writeScores(
      [entity('a', { results: failing }), entity('b', { results: failing })],
      T1,
    );
    const renewed = await read(await model.exportBody({}, 'csv', undefined));
    expect(renewed).not.toBe(csv);
    expect(renewed).toContain(T1.toISOString());
    expect(renewed).not.toContain(T0.toISOString());
  });
});
