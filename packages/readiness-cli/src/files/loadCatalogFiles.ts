import fs from 'node:fs/promises';
import path from 'node:path';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogProblem, isInternalErrorText } from './CatalogProblem';
import { expandFileArguments } from './expandFileArguments';
import { parseYamlDocuments } from './parseYamlDocuments';
import { resolvePlaceholders } from './resolvePlaceholders';
import { fieldOfValidationMessage, validateEntity } from './validateEntity';

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

/**
 * What {@link loadCatalogFiles} read: the entities, and the problems of
 * what it could not read (or read with a caveat).
 *
 * @public
 */
export interface LoadedCatalogFiles {
  entities: CatalogFileEntity[];
  problems: CatalogProblem[];
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

const URL_TARGET = /^[a-z][a-z0-9+.-]*:/i;

function locationTargets(entity: Entity): { files: string[]; urls: string[] } {
  if (entity.kind.toLocaleLowerCase('en-US') !== 'location') {
    return { files: [], urls: [] };
  }
  const spec = (entity.spec ?? {}) as {
    type?: unknown;
    target?: unknown;
    targets?: unknown;
  };
  const targets: unknown[] = [];
  if (spec.target !== undefined) {
    targets.push(spec.target);
  }
  if (Array.isArray(spec.targets)) {
    targets.push(...spec.targets);
  }
  const strings = targets.filter((t): t is string => typeof t === 'string');
  if (spec.type !== undefined && spec.type !== 'file') {
    return { files: [], urls: strings };
  }
  return {
    files: strings.filter(t => !URL_TARGET.test(t)),
    urls: strings.filter(t => URL_TARGET.test(t)),
  };
}

/** Whether bytes are not UTF-8 text (a NUL byte, or invalid UTF-8). */
function isBinary(bytes: Buffer): boolean {
  if (bytes.subarray(0, 8192).includes(0)) {
    return true;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return false;
  } catch {
    return true;
  }
}

function messageOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return isInternalErrorText(message)
    ? 'it cannot be read as a catalog entity'
    : message;
}

/**
 * Reads catalog files (multi-document YAML), resolves `$text`/`$json`/
 * `$yaml` placeholders, validates every entity with
 * `@backstage/catalog-model` and returns them with their file and line.
 * Nothing stops the batch: every file and document is read, and what cannot
 * be read (a missing or binary file, a YAML syntax error, a cyclic alias, an
 * alias bomb, deep nesting, `kind: List`, an entity failing validation, a
 * missing placeholder file) is a problem of severity `error` naming
 * `file:line:column`. An entity defined twice keeps its first definition
 * (a `warning`), and a Location's URL targets are not fetched (a `warning`).
 *
 * @public
 */
export async function loadCatalogFiles(
  files: string[],
  options: LoadCatalogFilesOptions,
): Promise<LoadedCatalogFiles> {
  const { cwd, followLocations = true } = options;
  const result: CatalogFileEntity[] = [];
  const problems: CatalogProblem[] = [];
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
    const fileProblem = (message: string) =>
      problems.push({ severity: 'error', file, line: 0, column: 0, message });

    let bytes: Buffer;
    try {
      bytes = await fs.readFile(absolutePath);
    } catch (error) {
      const code = (error as { code?: string }).code;
      fileProblem(
        code === 'ENOENT'
          ? 'file not found'
          : `the file cannot be read (${code ?? 'unknown error'})`,
      );
      continue;
    }
    if (isBinary(bytes)) {
      fileProblem(
        'not a text file (binary content): catalog files are UTF-8 YAML',
      );
      continue;
    }

    const parsed = parseYamlDocuments(bytes.toString('utf8'), file);
    problems.push(...parsed.problems);
    for (const document of parsed.documents) {
      const problem = (
        message: string,
        severity: CatalogProblem['severity'] = 'error',
        at: ReadonlyArray<string | number> = [],
      ) => {
        const { line, column } = document.locate(at);
        problems.push({ severity, file, line, column, message });
      };
      let entity: Entity;
      try {
        const data = await resolvePlaceholders(document.data, absolutePath, '');
        entity = await validateEntity(data, '');
      } catch (error) {
        const message = messageOf(error);
        problem(message, 'error', fieldOfValidationMessage(message));
        continue;
      }
      const entityRef = stringifyEntityRef(entity);
      const previous = byRef.get(entityRef);
      if (previous) {
        problem(
          `${entityRef} is already defined at ${previous.file}:${previous.line}; the first definition is kept`,
          'warning',
        );
        continue;
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

      const targets = locationTargets(entity);
      for (const url of targets.urls) {
        problem(
          `${entityRef}: the Location target ${url} is not fetched offline; pass that file as an argument to score it`,
          'warning',
          ['spec'],
        );
      }
      if (followLocations && targets.files.length > 0) {
        const directory = path.dirname(absolutePath);
        for (const target of targets.files) {
          try {
            const expanded = await expandFileArguments([target], directory);
            queue.push(...expanded.map(t => path.resolve(directory, t)));
          } catch (error) {
            problem(
              `${entityRef}: Location target ${target}: ${messageOf(error)}`,
              'error',
              ['spec'],
            );
          }
        }
      }
    }
  }
  return { entities: result, problems };
}
