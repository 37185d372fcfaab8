import { mockCredentials } from '@backstage/backend-test-utils';
import { SEARCH_FILTERS } from '@prodready/plugin-readiness-common';
import request from 'supertest';
import { HIDDEN_REF, RESTRICTED_USER } from '../__testUtils__/catalogFixtures';
import {
  startReadinessTestBackend,
  type ReadinessTestBackend,
} from '../__testUtils__/startReadinessTestBackend';

jest.setTimeout(60_000);

const userAuth = mockCredentials.user.header('user:default/jane');
const restrictedAuth = mockCredentials.user.header(RESTRICTED_USER);
const actions = '/api/readiness/.backstage/actions/v1/actions';

let backend: ReadinessTestBackend;

beforeAll(async () => {
  backend = await startReadinessTestBackend();
});

afterAll(async () => {
  await backend.stop();
});

const invoke = (id: string, input: unknown, auth = userAuth) =>
  request(backend.server)
    .post(`${actions}/${id}/invoke`)
    .set('Authorization', auth)
    .send(input as object);

describe('readiness actions', () => {
  it('are listed in the actions registry with their schemas (search takes the filters of common)', async () => {
    const res = await request(backend.server)
      .get(actions)
      .set('Authorization', userAuth);
    expect(res.status).toBe(200);
    const listed = res.body.actions as Array<{
      id: string;
      attributes: { readOnly: boolean };
      schema: { input: { properties: Record<string, unknown> } };
    }>;
    const reads = listed.filter(a =>
      [
        'readiness:get-entity-readiness',
        'readiness:search-readiness-gaps',
      ].includes(a.id),
    );
    expect(reads).toHaveLength(2);
    for (const action of reads) {
      expect(action.attributes.readOnly).toBe(true);
    }
    expect(
      Object.keys(
        listed.find(a => a.id === 'readiness:search-readiness-gaps')!.schema
          .input.properties,
      ),
    ).toEqual([...SEARCH_FILTERS, 'limit']);
  });

  it("gives an entity's gaps with remediation and whom to ask", async () => {
    const res = await invoke('readiness:get-entity-readiness', {
      entityRef: 'checkout-web',
    });
    expect(res.status).toBe(200);
    const { output } = res.body;
    expect(output.entity).toMatchObject({
      entityRef: 'component:default/checkout-web',
      owner: 'group:default/team-b',
    });
    expect(output.ownerContacts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'email', label: 'team-b@example.com' }),
      ]),
    );
    const runbook = output.gaps.find(
      (g: { checkId: string }) => g.checkId === 'runbook.runbook',
    );
    expect(runbook).toMatchObject({
      title: expect.any(String),
      category: 'runbook',
      reason: expect.any(String),
      remediation: expect.stringMatching(/runbook/i),
    });
    expect(runbook.learnFrom[0]).toMatchObject({
      entityRef: 'component:default/payments-api',
      owner: 'group:default/team-a',
      contacts: expect.arrayContaining([
        expect.objectContaining({ label: 'team-a@example.com' }),
      ]),
    });
  });

  it('finds entities by gap, as the caller sees the catalog', async () => {
    const asUser = await invoke('readiness:search-readiness-gaps', {
      failing: ['logging.logs'],
    });
    expect(asUser.status).toBe(200);
    const refs = (r: request.Response) =>
      r.body.output.items.map((i: { entityRef: string }) => i.entityRef);
    expect(refs(asUser)).toContain(HIDDEN_REF);
    expect(refs(asUser)).not.toContain('component:default/payments-api');
    expect(asUser.body.output.totalCount).toBe(refs(asUser).length);

    const asRestricted = await invoke(
      'readiness:search-readiness-gaps',
      { failing: ['logging.logs'] },
      restrictedAuth,
    );
    expect(asRestricted.status).toBe(200);
    expect(refs(asRestricted)).not.toContain(HIDDEN_REF);
    expect(refs(asRestricted).length).toBe(refs(asUser).length - 1);
  });

  it('does not reveal an entity the caller may not read', async () => {
    const res = await invoke(
      'readiness:get-entity-readiness',
      { entityRef: HIDDEN_REF },
      restrictedAuth,
    );
    expect(res.status).toBe(404);
  });

  it('answers 400 naming the bad input', async () => {
    const badRef = await invoke('readiness:get-entity-readiness', {
      entityRef: 'component:',
    });
    expect(badRef.status).toBe(400);
    expect(badRef.body.error.message).toMatch(/entityRef.*component:/);

    const badCheck = await invoke('readiness:search-readiness-gaps', {
      failing: ['no.such-check'],
    });
    expect(badCheck.status).toBe(400);
    expect(badCheck.body.error.message).toMatch(/no\.such-check/);

    const nul = await invoke('readiness:search-readiness-gaps', {
      text: 'pay\u0000ments',
    });
    expect(nul.status).toBe(400);
    expect(nul.body.error.message).toMatch(/text/);

    const dotted = await invoke('readiness:get-entity-readiness', {
      entityRef: 'component:../locations',
    });
    expect(dotted.status).toBe(400);
    expect(dotted.body.error.message).toMatch(/Invalid namespace '\.\.'/);

    const anonymous = await request(backend.server)
      .post(`${actions}/readiness:search-readiness-gaps/invoke`)
      .send({});
    expect(anonymous.status).toBe(401);
  });
});
