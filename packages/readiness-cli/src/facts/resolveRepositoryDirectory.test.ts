import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Entity } from '@backstage/catalog-model';
import {
  findGitWorkTree,
  resolveRepositoryDirectory,
} from './resolveRepositoryDirectory';

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
    await fs.mkdir(path.join(root, 'services', 'a'), { recursive: true });
    await fs.mkdir(path.join(root, 'catalog'), { recursive: true });
    await fs.mkdir(path.join(root, '.git'));
  });

  afterAll(async () => {
    await fs.rm(root, { recursive: true, force: true });
  });

  const catalogFile = () => path.join(root, 'catalog', 'all.yaml');

  it('finds the git work tree of a directory, and none outside one', () => {
    expect(findGitWorkTree(path.join(root, 'plugins', 'api'))).toBe(root);
    expect(findGitWorkTree(path.parse(root).root)).toBeUndefined();
  });

  it.each([
    ['no source location', undefined, 'catalog'],
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
      'catalog',
    ],
    ['a URL of the repository root', 'url:https://github.com/o/r', ''],
    [
      'a URL escaping the checkout',
      'url:https://github.com/o/r/tree/main/..%2F..%2Fetc',
      'catalog',
    ],
    ['a dir: location outside the work tree', 'dir:../../..', 'catalog'],
    ['an invalid location', 'not a location', 'catalog'],
  ])('by default, resolves %s', (_what, location, expected) => {
    expect(
      resolveRepositoryDirectory(withSourceLocation(location), catalogFile(), {
        gitWorkTree: root,
      }).directory,
    ).toBe(path.join(root, expected));
  });

  it('reads nothing for a catalog file outside a git work tree, saying why', () => {
    expect(
      resolveRepositoryDirectory(withSourceLocation(), catalogFile(), {}),
    ).toEqual({
      reason:
        'the catalog file is not inside a git work tree; pass --repo DIR to read a checkout',
    });
  });

  it('reads nothing for a URL into another repository, saying why', () => {
    const scope = resolveRepositoryDirectory(
      withSourceLocation('url:https://github.com/other/repo/tree/main/api'),
      catalogFile(),
      { gitWorkTree: root, originUrl: 'https://github.com/o/r.git' },
    );
    expect(scope.directory).toBeUndefined();
    expect(scope.reason).toMatch(/another repository/);
  });

  it('narrows to a URL subdirectory when the URL is the origin repository', () => {
    expect(
      resolveRepositoryDirectory(
        withSourceLocation('url:https://github.com/O/r/tree/main/plugins/api'),
        catalogFile(),
        { gitWorkTree: root, originUrl: 'git@github.com:o/r.git' },
      ).directory,
    ).toBe(path.join(root, 'plugins', 'api'));
  });

  it('names the work tree as the root of a subdirectory, so that its CI files are judged', () => {
    expect(
      resolveRepositoryDirectory(
        withSourceLocation('url:https://github.com/o/r/tree/main/services/a/'),
        catalogFile(),
        { gitWorkTree: root },
      ),
    ).toEqual({
      directory: path.join(root, 'services', 'a'),
      reason:
        'backstage.io/source-location url:https://github.com/o/r/tree/main/services/a/',
      root,
    });
    expect(
      resolveRepositoryDirectory(
        withSourceLocation('url:https://github.com/o/r'),
        catalogFile(),
        { gitWorkTree: root },
      ).root,
    ).toBeUndefined();
  });

  it('takes --repo instead of the work tree, narrowed by the source location', () => {
    const repo = path.join(root, 'plugins');
    expect(
      resolveRepositoryDirectory(withSourceLocation(), catalogFile(), { repo }),
    ).toEqual({ directory: repo, reason: '--repo' });
    expect(
      resolveRepositoryDirectory(withSourceLocation(), catalogFile(), { repo })
        .root,
    ).toBeUndefined();
    expect(
      resolveRepositoryDirectory(
        withSourceLocation('url:https://github.com/other/repo/tree/main/api'),
        catalogFile(),
        { repo, gitWorkTree: root, originUrl: 'https://github.com/o/r' },
      ).directory,
    ).toBe(path.join(repo, 'api'));
  });
});
