import { InputError } from '@backstage/errors';
import { requireScoredKind } from './requireScoredKind';

const api = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'API',
  metadata: { name: 'payments', namespace: 'default' },
};

describe('requireScoredKind', () => {
  it('accepts every kind when no kinds are configured', () => {
    expect(() => requireScoredKind(api, undefined)).not.toThrow();
  });

  it('accepts a scored kind whatever its case', () => {
    expect(() => requireScoredKind(api, ['Component', 'api'])).not.toThrow();
  });

  it('rejects another kind with an InputError naming the entity and the scored kinds', () => {
    const attempt = () => requireScoredKind(api, ['Component', 'Resource']);
    expect(attempt).toThrow(InputError);
    expect(attempt).toThrow(
      "Invalid entityRef 'api:default/payments': entities of kind API are not scored (scored kinds: Component, Resource)",
    );
  });
});
