import {
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { readRepositoryRoot } from './readRepositoryRoot';

function write(root: string, files: Record<string, string>) {
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
}

describe('readRepositoryRoot', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'readiness-root-'));
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('lists the root CI files and the siblings of the subdirectory, not the services’ own files', async () => {
    write(root, {
      '.github/workflows/cart.yml': 'on: push',
      '.gitlab/ci/jobs/build.yml': 'build: {}',
      Jenkinsfile: 'pipeline {}',
      'README.md': '# shop',
      'services/cart/Jenkinsfile': 'pipeline {}',
      'services/payments/package.json': '{}',
      'services/node_modules/x/package.json': '{}',
      'services/.cache/x': '',
      'docs/runbook.md': '# runbook',
    });
    const snapshot = await readRepositoryRoot(root, 'services/cart/');
    expect(snapshot.files.sort()).toEqual([
      '.github/workflows/cart.yml',
      '.gitlab/ci/jobs/build.yml',
      'Jenkinsfile',
    ]);
    expect(snapshot.siblings).toEqual(['cart', 'payments']);
    await expect(snapshot.readFile('Jenkinsfile')).resolves.toBe('pipeline {}');
    await expect(snapshot.readFile('README.md')).resolves.toBeUndefined();
    await expect(
      snapshot.readFile('../../etc/passwd'),
    ).resolves.toBeUndefined();
  });

  it('lists the top-level directories as siblings of a top-level subdirectory', async () => {
    write(root, {
      'cart/a': '',
      'search/b': '',
      '.github/workflows/x.yml': '',
    });
    const snapshot = await readRepositoryRoot(root, 'cart');
    expect(snapshot.siblings).toEqual(['cart', 'search']);
  });

  it('does not follow a symbolic link out of the repository', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'readiness-outside-'));
    try {
      write(outside, { 'workflows/evil.yml': 'on: push' });
      mkdirSync(join(root, '.github'));
      symlinkSync(join(outside, 'workflows'), join(root, '.github/workflows'));
      const snapshot = await readRepositoryRoot(root, 'svc');
      expect(snapshot.files).toEqual([]);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
