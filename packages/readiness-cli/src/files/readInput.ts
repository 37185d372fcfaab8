import { CatalogProblem } from './CatalogProblem';
import { expandFileArguments } from './expandFileArguments';
import { CatalogFileEntity, loadCatalogFiles } from './loadCatalogFiles';

/**
 * The catalog files of one `readiness score` run, read.
 *
 * @public
 */
export interface ScoreInput {
  /** The files given (globs expanded), relative to the working directory. */
  paths: string[];
  /** The entities of those files (and the files their Locations point to). */
  entities: CatalogFileEntity[];
  /** The entities of the `--context` files that are not also scored. */
  contextEntities: CatalogFileEntity[];
  /** Every problem found, in the order found. */
  problems: CatalogProblem[];
}

async function expandEach(
  args: string[],
  cwd: string,
  problems: CatalogProblem[],
): Promise<string[]> {
  const paths: string[] = [];
  for (const arg of args) {
    try {
      paths.push(...(await expandFileArguments([arg], cwd)));
    } catch (error) {
      problems.push({
        severity: 'error',
        file: arg,
        line: 0,
        column: 0,
        message: (error as Error).message
          .replace(`: ${arg}`, '')
          .replace(/^File/, 'file'),
      });
    }
  }
  return [...new Set(paths)];
}

/**
 * Reads the files and `--context` files of `readiness score`; never throws
 * for bad input: every problem is collected.
 *
 * @param files - the file arguments (default `catalog-info.yaml`)
 * @param options - `context` files and whether to follow Locations
 * @param cwd - the working directory
 * @public
 */
export async function readInput(
  files: string[],
  options: { context: string[]; followLocations: boolean },
  cwd: string,
): Promise<ScoreInput> {
  const problems: CatalogProblem[] = [];
  const paths = await expandEach(
    files.length > 0 ? files : ['catalog-info.yaml'],
    cwd,
    problems,
  );
  const loaded = await loadCatalogFiles(paths, {
    cwd,
    followLocations: options.followLocations,
  });
  problems.push(...loaded.problems);
  const scoredRefs = new Set(loaded.entities.map(e => e.entityRef));
  let contextEntities: CatalogFileEntity[] = [];
  if (options.context.length > 0) {
    const contextPaths = await expandEach(options.context, cwd, problems);
    const context = await loadCatalogFiles(contextPaths, {
      cwd,
      followLocations: options.followLocations,
    });
    problems.push(...context.problems);
    contextEntities = context.entities.filter(
      e => !scoredRefs.has(e.entityRef),
    );
  }
  return { paths, entities: loaded.entities, contextEntities, problems };
}
