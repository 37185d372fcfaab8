import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { Knex } from 'knex';
import request from 'supertest';
import {
  describeReplicas,
  replicaTestEntities,
  type ReadinessReplica,
} from './describeReplicas';

jest.setTimeout(60_000);

const userAuth = mockCredentials.user.header('user:default/jane');

/** Replicas of the previous test, to see that the cleanup stopped them. */
let previous: ReadinessReplica[] = [];
let previousPool: Knex | undefined;

describeReplicas('the replica test utility', context => {
  async function startTwo(): Promise<[ReadinessReplica, ReadinessReplica]> {
    const knexA = await context.createDatabase();
    const knexB = context.connectAgain(knexA);
    const start = (knex: Knex) =>
      context.startReplica({
        knex,
        catalog: catalogServiceMock.factory({
          entities: [
            {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'Component',
              metadata: { name: 'ledger', namespace: 'default' },
              spec: { type: 'service', owner: 'team-a' },
            },
          ],
        }),
        scheduler: mockServices.scheduler.factory({
          skipTaskRunOnStartup: true,
        }),
        readiness: {
          schedule: { frequency: { trigger: 'manual' } },
          scoring: { maxSettleRuns: 0 },
        },
      });
    previousPool = knexB;
    return [await start(knexA), await start(knexB)];
  }

  it('starts replicas on one database: a run started on one is read on the other', async () => {
    const [a, b] = await startTwo();
    previous = [a, b];
    const run = await a.startRun();
    const res = await request(b.server)
      .get(`/api/readiness/runs/${run.id}`)
      .set('Authorization', userAuth);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: run.id, trigger: 'manual' });
    // A second POST on the other replica hands back the same running run
    // or, once it ended, starts the next one: never a 5xx.
    expect((await b.startRun()).id).toEqual(expect.any(String));
  });

  it('stopped the previous test’s replicas and closed its pools', async () => {
    expect(previous).toHaveLength(2);
    expect(previous.map(replica => replica.server.listening)).toEqual([
      false,
      false,
    ]);
    await expect(previousPool!.raw('select 1')).rejects.toThrow();
  });

  it('stops a replica once, however often it is stopped', async () => {
    const [a] = await startTwo();
    await a.stop();
    expect(a.server.listening).toBe(false);
    await expect(a.stop()).resolves.toBeUndefined();
  });

  it('gives a second pool with its own connections to the same database', async () => {
    const knexA = await context.createDatabase();
    await knexA.schema.createTable('replica_probe', table => {
      table.string('id');
    });
    await knexA('replica_probe').insert({ id: 'seen' });
    const other = context.connectAgain(knexA, 1);
    expect(other).not.toBe(knexA);
    expect(await other('replica_probe').select('id')).toEqual([{ id: 'seen' }]);
  });
});

describe('replicaTestEntities', () => {
  it('gives the owning team and the services, with runbooks where asked', () => {
    const entities = replicaTestEntities(4, i => i % 2 === 1);
    expect(entities.map(e => `${e.kind}:${e.metadata.name}`)).toEqual([
      'Group:team-a',
      'Component:svc-000',
      'Component:svc-001',
      'Component:svc-002',
      'Component:svc-003',
    ]);
    expect(entities.slice(1).map(e => e.metadata.links?.length ?? 0)).toEqual([
      0, 1, 0, 1,
    ]);
    expect(entities[1].spec).toMatchObject({ owner: 'team-a' });
  });
});
