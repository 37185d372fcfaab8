import fs from 'node:fs/promises';
import path from 'node:path';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { expandFileArguments } from './expandFileArguments';
import { parseYamlDocuments } from './parseYamlDocuments';
import { resolvePlaceholders } from './resolvePlaceholders';
import { validateEntity } from './validateEntity';

/**
 * An entity read from a catalog file, with where it was written.
 *
 * @public
 */
export interface CatalogFileEntity {
  entity: Entity;
  /** The entity's ref, e.g. `component:default/payments-api`. */
  entityRef: string;
  /** The file, relative to the working directory, `/`-separated. */
  file: string;
  /** The file's absolute path. */
  absolutePath: string;
  /** 1-based line and column where the entity's document starts. */
  line: number;
  column: number;
}

/**
 * Options of {@link loadCatalogFiles}.
 *
 * @public
 */
export interface LoadCatalogFilesOptions {
  /** Directory relative paths are resolved against. */
  cwd: string;
  /**
   * Whether to also load the local files that `Location` entities point to
   * (`spec.target` / `spec.targets` of type `file`, relative to the file),
   * like the catalog does. Default true.
   */
  followLocations?: boolean;
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

function locationTargets(entity: Entity): string[] {
  if (entity.kind.toLocaleLowerCase('en-US') !== 'location') {
    return [];
  }
  const spec = (entity.spec ?? {}) as {
    type?: unknown;
    target?: unknown;
    targets?: unknown;
  };
  if (spec.type !== undefined && spec.type !== 'file') {
    return [];
  }
  const targets: unknown[] = [];
  if (spec.target !== undefined) {
    targets.push(spec.target);
  }
  if (Array.isArray(spec.targets)) {
    targets.push(...spec.targets);
  }
  return targets.filter(
    (t): t is string =>
      typeof t === 'string' && !/^[a-z][a-z0-9+.-]*:/i.test(t),
  );
}

/**
 * Reads catalog files (multi-document YAML), resolves `$text`/`$json`/
 * `$yaml` placeholders, validates every entity with
 * `@backstage/catalog-model` and returns them with their file and line.
 *
 * @throws InputError for a missing file, a YAML syntax error (with line and
 * column), an entity failing validation (with the field), or the same entity
 * defined twice
 * @public
 */
export async function loadCatalogFiles(
  files: string[],
  options: LoadCatalogFilesOptions,
): Promise<CatalogFileEntity[]> {
  const { cwd, followLocations = true } = options;
  const result: CatalogFileEntity[] = [];
  const byRef = new Map<string, CatalogFileEntity>();
  const loaded = new Set<string>();
  const queue = files.map(file => path.resolve(cwd, file));

  while (queue.length > 0) {
    const absolutePath = queue.shift()!;
    if (loaded.has(absolutePath)) {
      continue;
    }
    loaded.add(absolutePath);
    const file = toPosix(path.relative(cwd, absolutePath)) || absolutePath;

    let text: string;
    try {
      text = await fs.readFile(absolutePath, 'utf8');
    } catch (error) {
      const code = (error as { code?: string }).code;
      throw new InputError(
        code === 'ENOENT'
          ? `File not found: ${file}`
          : `Cannot read ${file}: ${(error as Error).message}`,
      );
    }

    for (const document of parseYamlDocuments(text, file)) {
      const where = `${file}:${document.line}`;
      const data = await resolvePlaceholders(
        document.data,
        absolutePath,
        where,
      );
      const entity = await validateEntity(data, where);
      const entityRef = stringifyEntityRef(entity);
      const previous = byRef.get(entityRef);
      if (previous) {
        throw new InputError(
          `${where}: ${entityRef} is already defined at ${previous.file}:${previous.line}`,
        );
      }
      const item: CatalogFileEntity = {
        entity,
        entityRef,
        file,
        absolutePath,
        line: document.line,
        column: document.column,
      };
      byRef.set(entityRef, item);
      result.push(item);

      if (followLocations) {
        const targets = locationTargets(entity);
        if (targets.length > 0) {
          const directory = path.dirname(absolutePath);
          try {
            const expanded = await expandFileArguments(targets, directory);
            queue.push(...expanded.map(t => path.resolve(directory, t)));
          } catch (error) {
            throw new InputError(
              `${where}: ${entityRef}: ${(error as Error).message}`,
            );
          }
        }
      }
    }
  }
  return result;
}
