import type { Evidence, RepositoryFileKind } from '../../types';
import * as factsView from '../FactsView';
import { FactsView } from '../FactsView';
import type { GlobSet } from '../glob';
import { invalid } from '../invalid';
import * as ruleValues from '../RuleNode';
import { RuleNode, RuleScratch } from '../RuleNode';
import { inNamespace } from './inNamespace';
import { readGlobSet, readStringList } from './readStringList';
import * as ruleOperator from './RuleOperator';
import { RuleOperator } from './RuleOperator';

// Local copies of hot imported bindings: tsx and jest read an imported
// binding through getters on every access (see RuleNode.ts).
const { isRecord, truncate } = factsView;
const { FAIL, PASS, UNKNOWN } = ruleValues;
const { MAX_LEAF_EVIDENCE } = ruleOperator;

const REPOSITORY_FILE_KINDS: ReadonlySet<string> = new Set([
  'ci',
  'deploy',
  'rollback',
  'runbook',
  'postmortem',
  'manifest',
  'observability',
  'container',
  'catalog',
]);

/** Kinds a repository root CI file can give a subdirectory. */
const ROOT_CI_KINDS: ReadonlySet<string> = new Set([
  'ci',
  'deploy',
  'rollback',
]);

/** Adds evidence for matching files; returns the new count found. */
function collectFiles(
  view: FactsView,
  scratch: RuleScratch,
  files: readonly string[],
  paths: GlobSet | undefined,
  kind: string | undefined,
  foundBefore: number,
): number {
  let found = foundBefore;
  for (let i = 0; i < files.length && found < MAX_LEAF_EVIDENCE; i++) {
    const file = files[i];
    if (paths && !paths.test(file)) {
      continue;
    }
    const evidence: Evidence = {
      kind: 'file',
      label: truncate(file),
      strength: 'observed',
    };
    if (kind) {
      evidence.value = `${kind} file`;
    }
    const url = view.fileUrl(file);
    if (url !== undefined) {
      evidence.url = url;
    }
    scratch.evidence.push(evidence);
    found += 1;
  }
  return found;
}

/**
 * Adds evidence for root CI files of a kind that concern the subdirectory
 * (see `judgeRootCiFile`); returns the new count found.
 */
function collectRootFiles(
  view: FactsView,
  scratch: RuleScratch,
  kind: RepositoryFileKind,
  paths: GlobSet | undefined,
  foundBefore: number,
): number {
  let found = foundBefore;
  for (const file of view.rootFiles().files) {
    if (found >= MAX_LEAF_EVIDENCE) {
      break;
    }
    if (!file.kinds.includes(kind) || (paths && !paths.test(file.path))) {
      continue;
    }
    const evidence: Evidence = {
      kind: 'file',
      label: truncate(file.path),
      strength: 'observed',
      value: truncate(`${kind} file at the repository root: ${file.reason}`),
    };
    if (file.url !== undefined) {
      evidence.url = file.url;
    }
    scratch.evidence.push(evidence);
    found += 1;
  }
  return found;
}

/**
 * `file: globs | { kind, path }`: the repository has a matching file (at most
 * three are given as evidence, linked when the location is a web URL). With
 * `kind`, CI files at the repository root count for a subdirectory when they
 * concern it (`repository.root.files`, reason given in the evidence).
 *
 * @internal
 */
export const fileOperator: RuleOperator = {
  extraKeys: [],
  compile(operand, context): RuleNode {
    const { at } = context;
    let kinds: RepositoryFileKind[] | undefined;
    let paths: GlobSet | undefined;
    if (isRecord(operand)) {
      for (const key of Object.keys(operand)) {
        if (key !== 'kind' && key !== 'path') {
          invalid(
            `${at}.${key}`,
            'unknown file condition; allowed: kind, path',
            operand[key],
          );
        }
      }
      if (operand.kind !== undefined) {
        kinds = readStringList(
          operand.kind,
          `${at}.kind`,
          'a repository file kind',
        ).map((kind, i) =>
          REPOSITORY_FILE_KINDS.has(kind)
            ? (kind as RepositoryFileKind)
            : invalid(
                Array.isArray(operand.kind) ? `${at}.kind[${i}]` : `${at}.kind`,
                `unknown repository file kind; expected one of ${[
                  ...REPOSITORY_FILE_KINDS,
                ].join(', ')}`,
                kind,
              ),
        );
      }
      if (operand.path !== undefined) {
        paths = readGlobSet(operand.path, `${at}.path`, true);
      }
      if (!kinds && !paths) {
        return invalid(at, 'expected kind or path', operand);
      }
    } else {
      paths = readGlobSet(operand, at, true);
    }
    context.uses('repository');
    return inNamespace('repository', (view, scratch) => {
      let found = 0;
      if (kinds) {
        for (const kind of kinds) {
          found = collectFiles(
            view,
            scratch,
            view.filesOfKind(kind),
            paths,
            kind,
            found,
          );
        }
        // CI files at a monorepo's root, judged to concern this subdirectory
        for (const kind of kinds) {
          found = collectRootFiles(view, scratch, kind, paths, found);
        }
        const root = view.rootFiles();
        if (
          found === 0 &&
          root.unavailable !== undefined &&
          kinds.some(kind => ROOT_CI_KINDS.has(kind))
        ) {
          // the root's CI files could count; without them nothing is decided
          scratch.notes.push(
            truncate(
              `the repository root's CI files are not known: ${root.unavailable}`,
            ),
          );
          return UNKNOWN;
        }
        if (found === 0) {
          for (const { path, reason } of root.ignored.slice(
            0,
            MAX_LEAF_EVIDENCE,
          )) {
            scratch.notes.push(
              truncate(`root CI file ${path} not counted: ${reason}`),
            );
          }
        }
      } else {
        found = collectFiles(
          view,
          scratch,
          view.files(),
          paths,
          undefined,
          found,
        );
      }
      return found > 0 ? PASS : FAIL;
    });
  },
};
