import type { Entity } from '@backstage/catalog-model';
import { resolveSourceLocation } from './resolveSourceLocation';

function component(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'payments-api', annotations },
    spec: { type: 'service', owner: 'payments', lifecycle: 'production' },
  };
}

const MANAGED_BY_FILE =
  'file:/srv/app/examples/catalog/components-commerce.yaml';

describe('resolveSourceLocation', () => {
  it('reads a url: source location', () => {
    expect(
      resolveSourceLocation(
        component({
          'backstage.io/source-location':
            'url:https://github.com/example/payments/tree/main/',
        }),
      ),
    ).toEqual({
      kind: 'url',
      url: 'https://github.com/example/payments/tree/main/',
    });
  });

  it('resolves a relative dir: against the file: catalog location', () => {
    expect(
      resolveSourceLocation(
        component({
          'backstage.io/source-location': 'dir:../repos/payments-api/',
          'backstage.io/managed-by-location': MANAGED_BY_FILE,
        }),
      ),
    ).toEqual({ kind: 'local', path: '/srv/app/examples/repos/payments-api' });
  });

  it('resolves a relative dir: against a url: catalog location', () => {
    expect(
      resolveSourceLocation(
        component({
          'backstage.io/source-location': 'dir:../payments',
          'backstage.io/managed-by-location':
            'url:https://github.com/example/catalog/blob/main/teams/all.yaml',
        }),
      ),
    ).toEqual({
      kind: 'url',
      url: 'https://github.com/example/catalog/blob/main/payments/',
      root: {
        root: 'https://github.com/example/catalog/blob/main/',
        subdirectory: 'payments',
      },
    });
  });

  it('gives the repository root of a monorepo service’s url: location', () => {
    expect(
      resolveSourceLocation(
        component({
          'backstage.io/source-location':
            'url:https://github.com/org/repo/tree/main/services/cart/',
        }),
      ),
    ).toEqual({
      kind: 'url',
      url: 'https://github.com/org/repo/tree/main/services/cart/',
      root: {
        root: 'https://github.com/org/repo/tree/main/',
        subdirectory: 'services/cart',
      },
    });
  });

  it('accepts absolute dir:, file: and file:// locations', () => {
    expect(
      resolveSourceLocation(
        component({ 'backstage.io/source-location': 'dir:/repos/payments' }),
      ),
    ).toEqual({ kind: 'local', path: '/repos/payments' });
    expect(
      resolveSourceLocation(
        component({ 'backstage.io/source-location': 'file:/repos/payments/' }),
      ),
    ).toEqual({ kind: 'local', path: '/repos/payments' });
    expect(
      resolveSourceLocation(
        component({
          'backstage.io/source-location': 'url:file:///repos/payments',
        }),
      ),
    ).toEqual({ kind: 'local', path: '/repos/payments' });
  });

  it('falls back to the directory of a url: managed-by location', () => {
    expect(
      resolveSourceLocation(
        component({
          'backstage.io/managed-by-location':
            'url:https://github.com/example/payments/blob/main/catalog-info.yaml',
        }),
      ),
    ).toEqual({
      kind: 'url',
      url: 'https://github.com/example/payments/blob/main/',
    });
  });

  it('falls back to a file: catalog-info.yaml directory, not to an aggregate catalog file', () => {
    expect(
      resolveSourceLocation(
        component({
          'backstage.io/managed-by-location':
            'file:/srv/app/services/payments/catalog-info.yaml',
        }),
      ),
    ).toEqual({ kind: 'local', path: '/srv/app/services/payments' });
    const aggregate = resolveSourceLocation(
      component({ 'backstage.io/managed-by-location': MANAGED_BY_FILE }),
    );
    expect(aggregate).toEqual({
      kind: 'none',
      reason: 'the entity has no backstage.io/source-location annotation',
    });
  });

  it('says why when there is no usable location', () => {
    expect(resolveSourceLocation(component({}))).toEqual({
      kind: 'none',
      reason: 'the entity has no backstage.io/source-location annotation',
    });
    expect(
      resolveSourceLocation(
        component({ 'backstage.io/source-location': 'no-colon-here' }),
      ),
    ).toMatchObject({
      kind: 'none',
      reason: expect.stringContaining(
        "invalid backstage.io/source-location 'no-colon-here'",
      ),
    });
    expect(
      resolveSourceLocation(
        component({ 'backstage.io/source-location': 'github:example/x' }),
      ),
    ).toMatchObject({
      kind: 'none',
      reason: expect.stringContaining("unsupported location type 'github'"),
    });
    expect(
      resolveSourceLocation(
        component({ 'backstage.io/source-location': 'url:not a url' }),
      ),
    ).toMatchObject({
      kind: 'none',
      reason: expect.stringContaining('invalid URL'),
    });
    expect(
      resolveSourceLocation(
        component({ 'backstage.io/source-location': 'dir:./relative' }),
      ),
    ).toMatchObject({
      kind: 'none',
      reason: expect.stringContaining(
        "source location 'dir:./relative' is relative",
      ),
    });
  });
});
