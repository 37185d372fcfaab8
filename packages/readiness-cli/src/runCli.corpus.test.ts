import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { badInputCorpus } from './__fixtures__/badInputCorpus';
import { fixturePack } from './__fixtures__/fixturePack';
import { isInternalErrorText } from './files/CatalogProblem';
import { runCliForTest } from './__testUtils__/runCliForTest';

const INTERNAL_TEXTS = [
  'Cannot read properties',
  'Maximum call stack',
  'TypeError',
  'ReferenceError',
  '    at ',
];

/**
 * The bad-input corpus: every case is reported as `file:line:column: error:`
 * with a human sentence (never an internal error text), with exit code 2,
 * and what else could be read is still scored.
 */
describe('readiness on the bad-input corpus', () => {
  const corpus = badInputCorpus();
  let root: string;

  beforeAll(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'readiness-corpus-'));
    for (const item of corpus) {
      const directory = path.join(root, item.name);
      await fs.mkdir(directory);
      await fs.writeFile(path.join(directory, 'catalog.yaml'), item.content);
      for (const [file, content] of Object.entries(item.extraFiles ?? {})) {
        await fs.writeFile(path.join(directory, file), content);
      }
    }
  });

  afterAll(async () => {
    await fs.rm(root, { recursive: true, force: true });
  });

  it('holds at least 100 bad inputs', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(100);
    expect(new Set(corpus.map(c => c.name)).size).toBe(corpus.length);
  });

  it.each(corpus.map(c => [c.name, c] as const))(
    'reports %s with a named message',
    async (_name, item) => {
      const file = `${item.name}/catalog.yaml`;
      const { code, stdout, stderr } = await runCliForTest(
        ['score', file, '--no-repo', '--format', 'json'],
        { cwd: root, pack: fixturePack },
      );

      expect(code).toBe(2);
      const problemLines = stderr
        .split('\n')
        .filter(line => line.includes(': error: '));
      expect(problemLines.length).toBeGreaterThan(0);
      expect(problemLines.join('\n')).toMatch(item.expected);
      for (const line of problemLines) {
        expect(line).toMatch(
          new RegExp(
            `^${file.replace(
              /[.*+?^${}()|[\]\\]/g,
              '\\$&',
            )}(:\\d+:\\d+)?: error: `,
          ),
        );
      }
      for (const text of INTERNAL_TEXTS) {
        expect(stderr).not.toContain(text);
      }
      expect(isInternalErrorText(stderr)).toBe(false);
      expect(stderr.length).toBeLessThan(2000);
      // The good document before a bad one is still scored.
      const scored = stdout
        ? JSON.parse(stdout).entities.map(
            (e: { entityRef: string }) => e.entityRef,
          )
        : [];
      expect(scored).toEqual(
        item.name.startsWith('after-good-')
          ? ['component:default/good-one']
          : [],
      );
    },
  );
});
