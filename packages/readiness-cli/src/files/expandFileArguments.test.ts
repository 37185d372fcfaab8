import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expandFileArguments, globToRegExp } from './expandFileArguments';

describe('globToRegExp', () => {
  it.each([
    ['*.yaml', 'catalog-info.yaml', true],
    ['*.yaml', 'a/catalog-info.yaml', false],
    ['**/*.yaml', 'catalog-info.yaml', true],
    ['**/*.yaml', 'a/b/c.yaml', true],
    ['a/**', 'a/b/c.yaml', true],
    ['*.{yaml,yml}', 'x.yml', true],
    ['*.{yaml,yml}', 'x.json', false],
    ['file-?.yaml', 'file-1.yaml', true],
    ['file-[ab].yaml', 'file-b.yaml', true],
    ['file-[!ab].yaml', 'file-b.yaml', false],
    ['a.b', 'axb', false],
  ])('%s matches %s: %s', (pattern, file, expected) => {
    expect(globToRegExp(pattern).test(file)).toBe(expected);
  });

  it('rejects an unclosed brace', () => {
    expect(() => globToRegExp('*.{yaml')).toThrow(
      'Invalid glob "*.{yaml": unclosed "{"',
    );
  });
});

describe('expandFileArguments', () => {
  let root: string;

  beforeAll(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'readiness-glob-'));
    for (const file of [
      'catalog-info.yaml',
      'services/a/catalog-info.yaml',
      'services/b/catalog-info.yml',
      'services/b/node_modules/x/catalog-info.yaml',
      'services/readme.md',
    ]) {
      await fs.mkdir(path.dirname(path.join(root, file)), { recursive: true });
      await fs.writeFile(path.join(root, file), '');
    }
  });

  afterAll(async () => {
    await fs.rm(root, { recursive: true, force: true });
  });

  it('expands globs in order, skips node_modules and drops duplicates', async () => {
    expect(
      await expandFileArguments(
        [
          'services/**/catalog-info.{yaml,yml}',
          'catalog-info.yaml',
          './catalog-info.yaml',
        ],
        root,
      ),
    ).toEqual([
      'services/a/catalog-info.yaml',
      'services/b/catalog-info.yml',
      'catalog-info.yaml',
    ]);
  });

  it('rejects a missing file, a directory and a glob without match', async () => {
    await expect(expandFileArguments(['nope.yaml'], root)).rejects.toThrow(
      'File not found: nope.yaml',
    );
    await expect(expandFileArguments(['services'], root)).rejects.toThrow(
      'Not a file: services',
    );
    await expect(expandFileArguments(['**/*.json'], root)).rejects.toThrow(
      'No file matches "**/*.json"',
    );
  });
});
