import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Entity } from '@backstage/catalog-model';
import { resolveRepositoryDirectory } from './resolveRepositoryDirectory';

function withSourceLocation(location?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'x',
      annotations: location ? { 'backstage.io/source-location': location } : {},
    },
  };
}

describe('resolveRepositoryDirectory', () => {
  let root: string;

  beforeAll(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'readiness-repo-'));
    await fs.mkdir(path.join(root, 'plugins', 'api'), { recursive: true });
  });

  afterAll(async () => {
    await fs.rm(root, { recursive: true, force: true });
  });

  const catalogFile = () => path.join(root, 'catalog', 'all.yaml');

  it.each([
    ['no source location', undefined, ''],
    [
      'a dir: location relative to the catalog file',
      'dir:../services/a/',
      'services/a',
    ],
    [
      'a GitHub tree URL into an existing subdirectory',
      'url:https://github.com/o/r/tree/main/plugins/api',
      'plugins/api',
    ],
    [
      'a GitLab tree URL into an existing subdirectory',
      'url:https://gitlab.com/o/r/-/tree/main/plugins/api/',
      'plugins/api',
    ],
    [
      'a URL into a subdirectory that is not checked out',
      'url:https://github.com/o/r/tree/main/plugins/web',
      '',
    ],
    ['a URL of the repository root', 'url:https://github.com/o/r', ''],
    [
      'a URL escaping the checkout',
      'url:https://github.com/o/r/tree/main/..%2F..%2Fetc',
      '',
    ],
    ['an invalid location', 'not a location', ''],
  ])('resolves %s', (_what, location, expected) => {
    expect(
      resolveRepositoryDirectory(
        withSourceLocation(location),
        catalogFile(),
        root,
      ),
    ).toBe(path.join(root, expected));
  });
});
