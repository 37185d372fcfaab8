import type {
  RepositoryDependency,
  RepositoryFacts,
  RepositoryFileKind,
  RepositoryRootFacts,
} from '../types';
import {
  classifyRepositoryFile,
  isRepositoryRootCiFile,
  normalizeRepositoryPath,
} from './classifyRepositoryFile';
import { judgeRootCiFile } from './judgeRootCiFile';
import { parseDependencyManifest } from './parseDependencyManifest';
import { mapWithConcurrency } from '../util/mapWithConcurrency';

/**
 * Input of {@link buildRepositoryFacts}.
 *
 * @public
 */
export interface BuildRepositoryFactsOptions {
  /** Where the files come from (source location URL or local path). */
  location: string;
  /** Paths relative to the repository root (any separator). */
  files: string[];
  /** Whether `files` was cut at a bound. */
  truncated: boolean;
  /**
   * Reads one of `files`; returns `undefined` when it cannot be read. Only
   * dependency manifests and CI files are read. A throw counts as unreadable.
   */
  readFile: (path: string) => Promise<string | undefined>;
  /**
   * The repository root, when `location` is a subdirectory of it: its CI
   * files are judged with {@link judgeRootCiFile} and the ones that concern
   * the subdirectory count for it.
   */
  root?: RepositoryRootSource;
}

/**
 * The root of a repository whose subdirectory is being read: its CI files
 * (see {@link isRepositoryRootCiFile}) and the subdirectory's siblings.
 *
 * @public
 */
export interface RepositoryRootSource {
  /** Where the root is (URL or local path). */
  location: string;
  /** The subdirectory read, relative to the root, `/`-separated. */
  subdirectory: string;
  /** CI files at the root, relative to it; other paths are ignored. */
  files: string[];
  /** Names of the directories beside the subdirectory (other services). */
  siblings: string[];
  /** Reads one of `files`; `undefined` when it cannot be read. */
  readFile: (path: string) => Promise<string | undefined>;
  /** Why the root could not be read; then `files` is empty. */
  unavailable?: string;
}

/** How many files are read at once. */
const READ_CONCURRENCY = 8;
/** Longer files are not scanned (a manifest or a workflow is far smaller). */
const MAX_SCANNED_LENGTH = 1_000_000;

/**
 * Words in a CI definition that show it deploys (and so automates deployment).
 */
const DEPLOY_CONTENT =
  /\b(helm\s+(upgrade|install)|kubectl\s+(apply|set\s+image|rollout\s+restart)|argocd\s+app\s+(sync|set|create)|skaffold\s+(run|deploy)|flux\s+reconcile|kustomize\s+build|terraform\s+apply|serverless\s+deploy|sls\s+deploy|gcloud\s+(app|run|functions)\s+deploy|aws\s+ecs\s+update-service|eb\s+deploy|fly(ctl)?\s+deploy|cdk\s+deploy|spin\s+deploy|k8s-deploy|amazon-ecs-deploy-task-definition|deploy-cloudrun|deploy-appengine|environment:\s*['"]?(production|prod|staging)\b|stage\s*\(\s*['"][^'"]*\bdeploy)/i;
/** A job or stage called deploy/release in a CI definition. */
const DEPLOY_JOB =
  /^\s*-?\s*(stage:\s*)?['"]?(deploy|release)[\w-]*['"]?\s*:?\s*$/im;
/** Words in a CI definition that show it can roll back. */
const ROLLBACK_CONTENT =
  /\b(helm\s+rollback|kubectl\s+rollout\s+undo|argocd\s+app\s+rollback|roll-?back)\b/i;

/**
 * Builds the `repository` facts from a repository's interesting files (see
 * {@link isInterestingRepositoryFile}): groups the files by kind, parses the
 * dependency manifests and reads CI definitions for deploy and rollback
 * steps. Malformed or unreadable files are skipped; this never throws.
 *
 * Shared by the backend's repository provider and the offline CLI.
 *
 * @public
 */
export async function buildRepositoryFacts(
  options: BuildRepositoryFactsOptions,
): Promise<RepositoryFacts> {
  const files = Array.from(
    new Set(options.files.map(normalizeRepositoryPath).filter(Boolean)),
  ).sort();

  const filesByKind: Partial<Record<RepositoryFileKind, string[]>> = {};
  const addKind = (kind: RepositoryFileKind, path: string) => {
    const list = (filesByKind[kind] ??= []);
    if (!list.includes(path)) {
      list.push(path);
    }
  };

  const toRead: Array<{ path: string; kinds: RepositoryFileKind[] }> = [];
  for (const path of files) {
    const kinds = classifyRepositoryFile(path);
    for (const kind of kinds) {
      addKind(kind, path);
    }
    if (kinds.includes('manifest') || kinds.includes('ci')) {
      toRead.push({ path, kinds });
    }
  }

  const dependencies: RepositoryDependency[] = [];
  await mapWithConcurrency(
    toRead,
    READ_CONCURRENCY,
    async ({ path, kinds }) => {
      const content = await safeRead(options.readFile, path);
      if (content === undefined) {
        return;
      }
      if (kinds.includes('manifest')) {
        dependencies.push(...(parseDependencyManifest(path, content) ?? []));
      }
      if (kinds.includes('ci')) {
        if (DEPLOY_CONTENT.test(content) || DEPLOY_JOB.test(content)) {
          addKind('deploy', path);
        }
        if (ROLLBACK_CONTENT.test(content)) {
          addKind('rollback', path);
        }
      }
    },
  );

  for (const list of Object.values(filesByKind)) {
    list?.sort();
  }
  dependencies.sort(
    (a, b) =>
      a.manifest.localeCompare(b.manifest) ||
      a.ecosystem.localeCompare(b.ecosystem) ||
      a.name.localeCompare(b.name),
  );

  const facts: RepositoryFacts = {
    location: options.location,
    files,
    truncated: options.truncated,
    dependencies,
    filesByKind,
  };
  if (options.root) {
    facts.root = await judgeRootFiles(options.root);
  }
  return facts;
}

/** Most root files listed as ignored (a monorepo may have hundreds). */
const MAX_IGNORED_ROOT_FILES = 20;

async function judgeRootFiles(
  source: RepositoryRootSource,
): Promise<RepositoryRootFacts> {
  const subdirectory = normalizeRepositoryPath(source.subdirectory).replace(
    /\/+$/,
    '',
  );
  const candidates = Array.from(
    new Set(source.files.map(normalizeRepositoryPath)),
  )
    .filter(isRepositoryRootCiFile)
    .sort();
  const root: RepositoryRootFacts = {
    location: source.location,
    subdirectory,
    files: [],
    ignored: [],
  };
  if (source.unavailable) {
    root.unavailable = source.unavailable;
  }
  const judged = await mapWithConcurrency(
    candidates,
    READ_CONCURRENCY,
    async path => {
      const content = await safeRead(source.readFile, path);
      if (content === undefined) {
        const none: RepositoryFileKind[] = [];
        return {
          path,
          kinds: none,
          counts: false,
          reason: 'it could not be read',
        };
      }
      const judgement = judgeRootCiFile({
        path,
        content,
        subdirectory,
        siblings: source.siblings,
      });
      const kinds: RepositoryFileKind[] = ['ci'];
      if (DEPLOY_CONTENT.test(content) || DEPLOY_JOB.test(content)) {
        kinds.push('deploy');
      }
      if (ROLLBACK_CONTENT.test(content)) {
        kinds.push('rollback');
      }
      return { path, kinds, ...judgement };
    },
  );
  for (const { path, counts, reason, kinds } of judged) {
    if (counts) {
      root.files.push({ path, kinds, reason });
    } else if (root.ignored.length < MAX_IGNORED_ROOT_FILES) {
      root.ignored.push({ path, reason });
    }
  }
  return root;
}

async function safeRead(
  readFile: (path: string) => Promise<string | undefined>,
  path: string,
): Promise<string | undefined> {
  try {
    const content = await readFile(path);
    if (typeof content !== 'string' || content.length > MAX_SCANNED_LENGTH) {
      return undefined;
    }
    return content;
  } catch {
    return undefined;
  }
}
