import fs from 'node:fs';
import path from 'node:path';

const GOLDEN = path.resolve(__dirname, '../__fixtures__/golden');

/**
 * Compares `actual` with the committed golden file `name` (in
 * `src/__fixtures__/golden/`). With `UPDATE_GOLDEN=1` in the environment it
 * rewrites the file instead; review the diff before committing.
 */
export function expectGolden(name: string, actual: string): void {
  const file = path.join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    fs.mkdirSync(GOLDEN, { recursive: true });
    fs.writeFileSync(file, actual);
    return;
  }
  if (!fs.existsSync(file)) {
    throw new Error(
      `Golden file ${name} is missing: run the test with UPDATE_GOLDEN=1 to create it`,
    );
  }
  expect(actual).toBe(fs.readFileSync(file, 'utf8'));
}
