export { readLocalRepository, isInside } from './readLocalRepository';
export { MAX_REPOSITORY_FILE_BYTES } from './RepositorySnapshot';
export type {
  RepositorySnapshot,
  RepositoryReadOptions,
} from './RepositorySnapshot';
export * from './readRepositoryRoot';
