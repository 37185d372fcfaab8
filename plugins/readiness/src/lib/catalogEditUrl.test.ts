/* eslint-disable no-script-url -- hostile URLs are the test data here */
import type { Entity } from '@backstage/catalog-model';
import { catalogEditUrl } from './catalogEditUrl';

function entity(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'orders', annotations },
  };
}

describe('catalogEditUrl', () => {
  it('uses backstage.io/edit-url when it is a web address', () => {
    expect(
      catalogEditUrl(
        entity({ 'backstage.io/edit-url': 'https://scm.example.com/edit/x' }),
      ),
    ).toBe('https://scm.example.com/edit/x');
  });

  it('refuses other schemes', () => {
    expect(
      catalogEditUrl(
        entity({
          'backstage.io/edit-url': 'javascript:alert(1)',
          'backstage.io/source-location': 'dir:../repos/orders/',
        }),
      ),
    ).toBeUndefined();
  });

  it('derives the edit page from the managed-by location on GitHub and GitLab', () => {
    expect(
      catalogEditUrl(
        entity({
          'backstage.io/managed-by-location':
            'url:https://github.com/acme/orders/blob/main/catalog-info.yaml',
        }),
      ),
    ).toBe('https://github.com/acme/orders/edit/main/catalog-info.yaml');
    expect(
      catalogEditUrl(
        entity({
          'backstage.io/managed-by-location':
            'url:https://gitlab.com/acme/orders/-/blob/main/catalog-info.yaml',
        }),
      ),
    ).toBe('https://gitlab.com/acme/orders/-/edit/main/catalog-info.yaml');
  });

  it('derives it from a source location folder', () => {
    expect(
      catalogEditUrl(
        entity({
          'backstage.io/source-location':
            'url:https://github.com/acme/orders/tree/main/',
        }),
      ),
    ).toBe('https://github.com/acme/orders/edit/main/catalog-info.yaml');
  });

  it('has none for files on disk', () => {
    expect(
      catalogEditUrl(
        entity({
          'backstage.io/managed-by-location': 'file:/srv/catalog/orders.yaml',
        }),
      ),
    ).toBeUndefined();
  });
});
