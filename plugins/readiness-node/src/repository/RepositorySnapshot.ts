/**
 * The interesting files of one repository, as a reader found them.
 *
 * @public
 */
export interface RepositorySnapshot {
  /** Paths relative to the repository root, `/`-separated. */
  files: string[];
  /** True when the listing stopped at a bound. */
  truncated: boolean;
  /** Reads one of `files`; `undefined` when it cannot be read. */
  readFile(path: string): Promise<string | undefined>;
}

/**
 * Bounds of one repository read.
 *
 * @public
 */
export interface RepositoryReadOptions {
  /** Most interesting files to list. */
  maxFiles: number;
  /** Aborts the read. */
  signal?: AbortSignal;
}

/**
 * Files longer than this are not read (manifests and CI files are far smaller).
 *
 * @public
 */
export const MAX_REPOSITORY_FILE_BYTES = 1_000_000;
