/*
 * A catalog ingested once and reused by later stack benchmarks
 * (BENCH_KEEP_CATALOG=<name>): the catalog backend's database (PostgreSQL:
 * a database of its own; SQLite: a file) and the YAML file its location
 * points at are kept under a name made of <name>, the database, the entity
 * count and the seed, so a run with another size or seed never reuses it.
 * Every other plugin's database (readiness included) is fresh each run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The seed of the synthetic catalog the stack benchmarks generate. */
export const CATALOG_SEED = 42;

export interface KeptCatalog {
  /** e.g. `main-postgres-50000-s42`. */
  key: string;
  /** Directory of the YAML file (and, on SQLite, of catalog.sqlite). */
  dir: string;
  catalogFile: string;
  /** The catalog's PostgreSQL database. */
  pgDatabase: string;
}

/**
 * The kept catalog BENCH_KEEP_CATALOG asks for, or undefined. Throws on a
 * name that is not 1–20 letters, digits or underscores.
 */
export function keptCatalogFromEnv(
  databaseLabel: string,
  entities: number,
  env: NodeJS.ProcessEnv = process.env,
): KeptCatalog | undefined {
  const name = env.BENCH_KEEP_CATALOG;
  if (!name) {
    return undefined;
  }
  if (!/^[a-z0-9_]{1,20}$/i.test(name)) {
    throw new Error(
      `BENCH_KEEP_CATALOG must be 1–20 letters, digits or underscores, got '${name}'`,
    );
  }
  const key = `${name}-${databaseLabel}-${entities}-s${CATALOG_SEED}`;
  const dir = path.join(
    env.BENCH_KEPT_CATALOG_DIR ??
      path.join(os.tmpdir(), 'readiness-bench-catalogs'),
    key,
  );
  return {
    key,
    dir,
    catalogFile: path.join(dir, 'catalog.yaml'),
    pgDatabase: `perf_keep_${name.toLowerCase()}_${entities}_s${CATALOG_SEED}_catalog`,
  };
}

/** Creates the kept catalog's directory; true when it held a catalog already. */
export function prepareKeptDir(kept: KeptCatalog): boolean {
  const existed = fs.existsSync(kept.catalogFile);
  fs.mkdirSync(kept.dir, { recursive: true });
  return existed;
}
