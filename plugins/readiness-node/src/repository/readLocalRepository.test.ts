import {
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { readLocalRepository } from './readLocalRepository';

function write(root: string, files: Record<string, string>) {
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
}

describe('readLocalRepository', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'readiness-repo-'));
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('lists only interesting files and skips ignored directories', async () => {
    write(root, {
      '.github/workflows/ci.yml': 'on: push',
      'docs/runbook.md': '# Runbook',
      'docs/architecture.md': '# Architecture',
      'src/index.ts': 'export {}',
      'package.json': '{"dependencies":{"pino":"9"}}',
      'node_modules/pino/package.json': '{}',
      '.git/config': '[core]',
    });
    const snapshot = await readLocalRepository(root, { maxFiles: 100 });
    expect(snapshot.files.sort()).toEqual([
      '.github/workflows/ci.yml',
      'docs/runbook.md',
      'package.json',
    ]);
    expect(snapshot.truncated).toBe(false);
    await expect(snapshot.readFile('package.json')).resolves.toBe(
      '{"dependencies":{"pino":"9"}}',
    );
    // Files it did not list are not read, whatever the path says.
    await expect(snapshot.readFile('src/index.ts')).resolves.toBeUndefined();
    await expect(
      snapshot.readFile('../../etc/passwd'),
    ).resolves.toBeUndefined();
  });

  it('stops at maxFiles and marks the listing truncated', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 12; i++) {
      files[`services/s${String(i).padStart(2, '0')}/package.json`] = '{}';
    }
    write(root, files);
    const snapshot = await readLocalRepository(root, { maxFiles: 5 });
    expect(snapshot.files).toHaveLength(5);
    expect(snapshot.truncated).toBe(true);
  });

  it('does not follow symbolic links out of the repository', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'readiness-outside-'));
    try {
      write(outside, { 'RUNBOOK.md': 'secret runbook' });
      write(root, { 'package.json': '{}' });
      symlinkSync(outside, join(root, 'docs'));
      symlinkSync(join(outside, 'RUNBOOK.md'), join(root, 'RUNBOOK.md'));
      const snapshot = await readLocalRepository(root, { maxFiles: 10 });
      expect(snapshot.files).toEqual(['package.json']);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('rejects a missing directory with a clear message', async () => {
    await expect(
      readLocalRepository(join(root, 'missing'), { maxFiles: 10 }),
    ).rejects.toThrow(`directory ${resolve(root, 'missing')} does not exist`);
  });

  it('stops when its signal aborts', async () => {
    write(root, { 'package.json': '{}' });
    const controller = new AbortController();
    controller.abort(new Error('enough'));
    await expect(
      readLocalRepository(root, { maxFiles: 10, signal: controller.signal }),
    ).rejects.toThrow('enough');
  });

  it('reads the example payments-api repository', async () => {
    const examples = resolve(__dirname, '../../../../examples/repos');
    const snapshot = await readLocalRepository(join(examples, 'payments-api'), {
      maxFiles: 100,
    });
    expect(snapshot.files).toEqual(
      expect.arrayContaining(['.github/workflows/ci.yml', 'pom.xml']),
    );
    expect(snapshot.files).not.toContain(
      'src/main/java/com/example/payments/PaymentsApplication.java',
    );
  });
});
