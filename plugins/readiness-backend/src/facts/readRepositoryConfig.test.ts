import { ConfigReader } from '@backstage/config';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  findAppRepositoryRoot,
  readRepositoryConfig,
} from './readRepositoryConfig';

function read(repository: unknown, cwd = '/srv/app') {
  return readRepositoryConfig(
    new ConfigReader({ readiness: { repository } } as never),
    { cwd },
  );
}

describe('readRepositoryConfig', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'readiness-config-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('applies the defaults when nothing is configured', () => {
    mkdirSync(join(dir, 'app', 'examples'), { recursive: true });
    mkdirSync(join(dir, 'app', 'packages', 'backend'), { recursive: true });
    const config = readRepositoryConfig(new ConfigReader({}), {
      cwd: join(dir, 'app', 'packages', 'backend'),
    });
    expect(config).toEqual({
      maxFiles: 2000,
      timeoutMs: 10_000,
      cacheTtlMs: 3_600_000,
      failureCacheTtlMs: 300_000,
      cacheSize: 5000,
      allowLocalPaths: false,
      localRoots: [join(dir, 'app')],
    });
  });

  it('reads durations as milliseconds, strings or objects', () => {
    const config = read({
      maxFiles: 500,
      timeout: 2500,
      cacheTtl: '30m',
      failureCacheTtl: { seconds: 45 },
      cacheSize: 10,
      allowLocalPaths: true,
      localRoots: ['../../examples', '/abs/repos'],
    });
    expect(config).toEqual({
      maxFiles: 500,
      timeoutMs: 2500,
      cacheTtlMs: 1_800_000,
      failureCacheTtlMs: 45_000,
      cacheSize: 10,
      allowLocalPaths: true,
      localRoots: ['/examples', '/abs/repos'],
    });
    expect(read({ timeout: 'PT5S' }).timeoutMs).toBe(5000);
  });

  it.each([
    [{ maxFiles: 0 }, 'readiness.repository.maxFiles: 0'],
    [{ maxFiles: 'many' }, 'readiness.repository.maxFiles: "many"'],
    [{ maxFiles: 1.5 }, 'readiness.repository.maxFiles: 1.5'],
    [{ timeout: 'soon' }, 'readiness.repository.timeout: "soon"'],
    [{ timeout: -1 }, 'readiness.repository.timeout: -1'],
    [{ cacheTtl: { fortnights: 2 } }, 'readiness.repository.cacheTtl'],
    [{ allowLocalPaths: 'yes' }, 'readiness.repository.allowLocalPaths: "yes"'],
    [{ localRoots: '/one' }, 'readiness.repository.localRoots: "/one"'],
    [{ localRoots: [''] }, 'readiness.repository.localRoots: [""]'],
    [{ cacheSize: -3 }, 'readiness.repository.cacheSize: -3'],
  ])('rejects %j naming the path and value', (repository, message) => {
    expect(() => read(repository)).toThrow(message);
  });

  it('rejects a non-object readiness.repository', () => {
    expect(() => read('everything')).toThrow(
      'Invalid value at readiness.repository: "everything"',
    );
  });
});

describe('findAppRepositoryRoot', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'readiness-root-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds the nearest directory with examples/', () => {
    mkdirSync(join(dir, 'examples'));
    mkdirSync(join(dir, 'packages', 'backend'), { recursive: true });
    expect(findAppRepositoryRoot(join(dir, 'packages', 'backend'))).toBe(dir);
  });

  it('falls back to the workspace root, then to the start directory', () => {
    mkdirSync(join(dir, 'packages', 'backend'), { recursive: true });
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({ workspaces: ['packages/*'] }),
    );
    writeFileSync(
      join(dir, 'packages', 'backend', 'package.json'),
      JSON.stringify({ name: 'backend' }),
    );
    expect(findAppRepositoryRoot(join(dir, 'packages', 'backend'))).toBe(dir);
    const lonely = join(dir, 'lonely');
    rmSync(join(dir, 'package.json'));
    mkdirSync(lonely);
    expect(findAppRepositoryRoot(lonely)).toBe(lonely);
  });
});
