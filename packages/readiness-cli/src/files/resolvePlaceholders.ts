import fs from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '@backstage/errors';
import { parse as parseYaml } from 'yaml';

const PLACEHOLDERS = ['$text', '$json', '$yaml'] as const;

type Placeholder = (typeof PLACEHOLDERS)[number];

function placeholderOf(
  value: unknown,
): { kind: Placeholder; target: string } | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return undefined;
  }
  const keys = Object.keys(value);
  if (keys.length !== 1) {
    return undefined;
  }
  const kind = PLACEHOLDERS.find(p => p === keys[0]);
  const target = (value as Record<string, unknown>)[keys[0]];
  if (!kind || typeof target !== 'string') {
    return undefined;
  }
  return { kind, target };
}

/**
 * Resolves the catalog's placeholders (`$text`, `$json`, `$yaml`) in a
 * parsed entity, as the catalog does before validating it: a relative or
 * absolute path is read from disk, relative to the catalog file. A URL is
 * not fetched offline: it is replaced by a string saying so (`$text`) or an
 * empty object (`$json`, `$yaml`), which is enough to validate and score.
 *
 * @param data - the parsed document
 * @param catalogFile - absolute path of the file it was read from
 * @param where - the path of `data` in the entity (e.g. `spec.definition`), for error messages
 * @throws InputError when a placeholder's file is missing or unparsable
 * @public
 */
export async function resolvePlaceholders(
  data: unknown,
  catalogFile: string,
  where: string,
): Promise<unknown> {
  const placeholder = placeholderOf(data);
  if (placeholder) {
    const { kind, target } = placeholder;
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target)) {
      return kind === '$text' ? `(${target}: not read offline)` : {};
    }
    const file = path.resolve(path.dirname(catalogFile), target);
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch {
      throw new InputError(
        `${kind} file not found for ${
          where || 'the document'
        }: ${target} (relative to the catalog file)`,
      );
    }
    try {
      if (kind === '$json') {
        return JSON.parse(text);
      }
      if (kind === '$yaml') {
        return parseYaml(text);
      }
      return text;
    } catch (error) {
      throw new InputError(
        `${kind} file ${target} for ${
          where || 'the document'
        } cannot be parsed: ${(error as Error).message.split('\n')[0]}`,
      );
    }
  }
  if (Array.isArray(data)) {
    return Promise.all(
      data.map((item, i) =>
        resolvePlaceholders(item, catalogFile, `${where}[${i}]`),
      ),
    );
  }
  if (typeof data === 'object' && data !== null) {
    const entries = await Promise.all(
      Object.entries(data).map(
        async ([key, value]) =>
          [
            key,
            await resolvePlaceholders(
              value,
              catalogFile,
              where ? `${where}.${key}` : key,
            ),
          ] as const,
      ),
    );
    return Object.fromEntries(entries);
  }
  return data;
}
