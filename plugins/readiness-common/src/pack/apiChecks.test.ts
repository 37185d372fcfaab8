import {
  createTestFacts,
  testComponent,
} from '../engine/__testUtils__/createTestFacts';
import { compileCheckPack } from '../engine/compileCheckPack';
import { evaluateEntity } from '../engine/evaluateEntity';
import { apiChecks } from './apiChecks';
import { createCheckPack } from './CheckPack';
import { defaultChecks } from './defaultChecks';

const pack = compileCheckPack(
  createCheckPack({ checks: [...defaultChecks, ...apiChecks] }),
);

function stateOf(checkId: string, entity: Record<string, unknown>) {
  const card = evaluateEntity(
    pack,
    createTestFacts({
      entity,
      owner: { resolved: true, kind: 'group', contacts: [], members: [] },
    }),
  );
  return card.results.find(r => r.checkId === checkId)!.state;
}

const api = (overrides: Parameters<typeof testComponent>[0] = {}) =>
  testComponent({ kind: 'API', type: 'openapi', ...overrides });

describe('apiChecks', () => {
  it('apply to APIs only', () => {
    expect(stateOf('api.definition', testComponent())).toBe('not-applicable');
    expect(stateOf('api.definition', api())).toBe('fail');
  });

  it('pass on a definition, TechDocs and a chat link', () => {
    const entity = api({
      spec: { definition: 'openapi: 3.0.0' },
      annotations: { 'backstage.io/techdocs-ref': 'dir:.' },
      links: [{ url: 'https://chat.example.com/c/payments', type: 'chat' }],
    });
    expect(stateOf('api.definition', entity)).toBe('pass');
    expect(stateOf('api.docs', entity)).toBe('pass');
    expect(stateOf('api.consumer-contact', entity)).toBe('pass');
  });

  it('do not take a placeholder definition', () => {
    expect(
      stateOf('api.definition', api({ spec: { definition: 'TODO' } })),
    ).toBe('fail');
  });

  it('still give an API no level: they are not operational', () => {
    const card = evaluateEntity(
      pack,
      createTestFacts({
        entity: api({ spec: { definition: 'openapi: 3.0.0' } }),
        owner: { resolved: true, kind: 'group', contacts: [], members: [] },
      }),
    );
    expect(card.levelApplicable).toBe(false);
    expect(card.levelReason).toContain('only ownership and api checks');
  });
});
