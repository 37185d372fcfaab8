import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readLocalRepository } from './readLocalRepository';

describe('readLocalRepository', () => {
  let root: string;

  beforeAll(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'readiness-local-'));
    const files: Record<string, string> = {
      '.github/workflows/deploy.yml':
        'jobs:\n  deploy:\n    steps:\n      - run: helm upgrade --install app ./chart\n',
      'docs/runbook.md': '# Runbook\n',
      'package.json': JSON.stringify({
        dependencies: { '@opentelemetry/sdk-node': '^0.50.0' },
      }),
      'node_modules/x/package.json': '{}',
      'src/index.ts': 'export {};\n',
    };
    for (const [file, content] of Object.entries(files)) {
      await fs.mkdir(path.dirname(path.join(root, file)), { recursive: true });
      await fs.writeFile(path.join(root, file), content);
    }
  });

  afterAll(async () => {
    await fs.rm(root, { recursive: true, force: true });
  });

  it('lists the interesting files, reads manifests and CI files, skips ignored folders', async () => {
    const facts = await readLocalRepository(root, { location: 'repo' });

    expect(facts.location).toBe('repo');
    expect(facts.truncated).toBe(false);
    expect(facts.files).toEqual([
      '.github/workflows/deploy.yml',
      'docs/runbook.md',
      'package.json',
    ]);
    expect(facts.filesByKind?.deploy).toEqual(['.github/workflows/deploy.yml']);
    expect(facts.filesByKind?.runbook).toEqual(['docs/runbook.md']);
    expect(facts.dependencies).toEqual([
      {
        ecosystem: 'npm',
        name: '@opentelemetry/sdk-node',
        manifest: 'package.json',
      },
    ]);
  });

  it('stops at the bound and says so', async () => {
    const facts = await readLocalRepository(root, { maxFiles: 1 });

    expect(facts.files).toHaveLength(1);
    expect(facts.truncated).toBe(true);
  });

  it('rejects a path that is not a directory', async () => {
    await expect(
      readLocalRepository(path.join(root, 'package.json')),
    ).rejects.toThrow('is not a directory');
  });
});
