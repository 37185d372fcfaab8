import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const FIXTURES = path.resolve(__dirname, '../__fixtures__/catalog');

/**
 * Files of the fixture repository besides its catalog files. They are
 * written to a temporary directory by the tests rather than committed, so
 * that scoring this project's own repository does not find them.
 */
const REPOSITORY_FILES: Record<string, string> = {
  '.github/workflows/ci.yml':
    'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n',
  'docs/runbook.md': '# Runbook\n\nRestart the pods.\n',
  'package.json':
    '{ "name": "shop", "dependencies": { "express": "^4.0.0" } }\n',
  'services/ledger/package.json': '{ "name": "ledger" }\n',
};

/**
 * Creates a temporary repository (a git work tree: it has a `.git`
 * directory) with the fixture catalog files at its root and a CI workflow,
 * a runbook and manifests; returns its path.
 */
export async function createFixtureRepository(): Promise<string> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'readiness-cli-'));
  for (const name of await fs.readdir(FIXTURES)) {
    await fs.copyFile(path.join(FIXTURES, name), path.join(root, name));
  }
  for (const [file, content] of Object.entries(REPOSITORY_FILES)) {
    await fs.mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await fs.writeFile(path.join(root, file), content);
  }
  await fs.mkdir(path.join(root, '.git'));
  return root;
}

/** Writes a file into the fixture repository. */
export async function writeFixtureFile(
  root: string,
  file: string,
  content: string,
): Promise<void> {
  await fs.mkdir(path.dirname(path.join(root, file)), { recursive: true });
  await fs.writeFile(path.join(root, file), content);
}
