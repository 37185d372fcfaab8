import { InputError } from '@backstage/errors';
import type { Evidence, RepositoryFileKind } from '../types';
import { normalizeTier } from '../entity/readEntityTier';
import {
  FactsView,
  isRecord,
  NS_NOT_CONFIGURED,
  NS_OK,
  truncate,
  valueEvidence,
  evidenceValue,
} from './FactsView';
import { compileFilterPredicate } from './compileFilterPredicate';
import { compileGlobSet, GlobSet, hasWildcard } from './glob';
import { linkKindsOfType } from './linkKinds';
import { isSafeUrl, isUnsafeLink } from './isSafeUrl';

/**
 * The note left when a candidate link is not counted for its scheme.
 *
 * @internal
 */
export function unsafeLinkNote(what: string): string {
  return `unsafe link scheme: ${what} is not counted`;
}

/** The rule does not hold. */
export const FAIL = 0;
/** The rule holds. */
export const PASS = 1;
/** Undecided: a namespace it needs is unavailable. */
export const UNKNOWN = 2;
/** Undecided: a namespace it needs is not configured (treated as no evidence). */
export const ABSENT = 3;

/** @internal */
export type RuleValue = 0 | 1 | 2 | 3;

/**
 * Where a rule writes what it found while being evaluated.
 *
 * @internal
 */
export interface RuleScratch {
  evidence: Evidence[];
  /** Namespaces that left a branch undecided. */
  unknown: string[];
  /**
   * Candidates that were not counted and why (e.g. `unsafe link scheme:
   * link "Runbook"`), told in the reason when the check fails.
   */
  notes: string[];
}

/** @internal */
export type RuleNode = (view: FactsView, scratch: RuleScratch) => RuleValue;

/**
 * A rule compiled into closures.
 *
 * @internal
 */
export interface CompiledReadinessRule {
  evaluate: RuleNode;
  /** The fact namespaces the rule reads. */
  namespaces: string[];
}

const MAILTO = { mailto: true };

/** Evidence items kept per rule leaf (e.g. at most 3 matching files). */
const MAX_LEAF_EVIDENCE = 3;

const VALUE_KEYS = ['exists', 'equals', 'in', 'matches', 'gte', 'lte'];

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

const OWNER_CONTACT_TYPES: ReadonlySet<string> = new Set([
  'email',
  'chat',
  'oncall',
  'url',
  'member-email',
]);

const SIGNALS: ReadonlySet<string> = new Set([
  'latency',
  'traffic',
  'errors',
  'saturation',
]);

const METRICS_LISTS: Record<string, string> = {
  alertRules: 'alert rule',
  probes: 'probe',
  slos: 'SLO series',
};

/**
 * The operators of the rule language and the extra keys each accepts.
 *
 * @internal
 */
export const RULE_OPERATORS: Readonly<Record<string, readonly string[]>> = {
  allOf: [],
  anyOf: [],
  not: [],
  annotation: VALUE_KEYS,
  link: [],
  label: VALUE_KEYS,
  tag: [],
  tier: [],
  field: VALUE_KEYS,
  filter: [],
  file: [],
  dependency: [],
  owner: [],
  ownerContact: [],
  signal: [],
  metrics: ['matches'],
  fact: VALUE_KEYS,
};

function preview(value: unknown): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    text = undefined;
  }
  if (text === undefined) {
    text = String(value);
  }
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
}

/**
 * Throws an `InputError` naming the path and the bad value.
 *
 * @internal
 */
export function invalid(path: string, message: string, value: unknown): never {
  throw new InputError(`${path}: ${message}, got ${preview(value)}`);
}

function stringList(value: unknown, path: string, what: string): string[] {
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || list.length === 0) {
    return invalid(path, `expected ${what} or a non-empty list of them`, value);
  }
  list.forEach((item, i) => {
    if (typeof item !== 'string' || item.trim() === '') {
      invalid(
        Array.isArray(value) ? `${path}[${i}]` : path,
        `expected ${what}`,
        item,
      );
    }
  });
  return list as string[];
}

function globs(value: unknown, path: string, paths: boolean): GlobSet {
  const patterns = stringList(value, path, 'a glob pattern');
  try {
    return compileGlobSet(patterns, paths);
  } catch (error) {
    return invalid(path, (error as Error).message, value);
  }
}

function isPrimitive(value: unknown): value is string | number | boolean {
  return (
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}

function isNonEmpty(value: unknown): boolean {
  if (typeof value === 'string') {
    return /\S/.test(value);
  }
  if (typeof value === 'number') {
    return !Number.isNaN(value);
  }
  if (typeof value === 'boolean') {
    return value;
  }
  if (Array.isArray(value)) {
    return value.length > 0;
  }
  if (isRecord(value)) {
    for (const key in value) {
      if (Object.prototype.hasOwnProperty.call(value, key)) {
        return true;
      }
    }
  }
  return false;
}

type ValuePredicate = (value: unknown) => boolean;

function compileEquals(expected: string | number | boolean): ValuePredicate {
  const lower = String(expected).toLowerCase();
  return value =>
    (typeof value === 'string' ||
      typeof value === 'number' ||
      typeof value === 'boolean') &&
    String(value).toLowerCase() === lower;
}

function compileValueCondition(
  rule: Record<string, unknown>,
  path: string,
  presence: boolean,
): ValuePredicate {
  const given = VALUE_KEYS.filter(key => rule[key] !== undefined);
  const bounds = given.filter(key => key === 'gte' || key === 'lte');
  if (given.length > 1 && bounds.length !== given.length) {
    return invalid(
      path,
      `at most one of exists, equals, in, matches (or gte/lte) may be given`,
      rule,
    );
  }
  if (given.length === 0) {
    return isNonEmpty;
  }
  const key = given[0];
  const value = rule[key];
  const at = `${path}.${key}`;
  switch (key) {
    case 'exists':
      if (typeof value !== 'boolean') {
        return invalid(at, 'expected true or false', value);
      }
      if (presence && !value) {
        return invalid(
          at,
          'exists: false cannot match a key that is present; wrap the rule in "not" instead',
          value,
        );
      }
      return value
        ? v => v !== undefined && v !== null
        : v => v === undefined || v === null;
    case 'equals':
      if (!isPrimitive(value)) {
        return invalid(at, 'expected a string, number or boolean', value);
      }
      return compileEquals(value);
    case 'in': {
      if (!Array.isArray(value) || value.length === 0) {
        return invalid(at, 'expected a non-empty list of values', value);
      }
      const tests = value.map((item, i) =>
        isPrimitive(item)
          ? compileEquals(item)
          : invalid(
              `${at}[${i}]`,
              'expected a string, number or boolean',
              item,
            ),
      );
      return v => tests.some(test => test(v));
    }
    case 'matches': {
      const set = globs(value, at, false);
      return v => typeof v === 'string' && set.test(v);
    }
    default: {
      const min = rule.gte;
      const max = rule.lte;
      if (min !== undefined && (typeof min !== 'number' || !isFinite(min))) {
        return invalid(`${path}.gte`, 'expected a number', min);
      }
      if (max !== undefined && (typeof max !== 'number' || !isFinite(max))) {
        return invalid(`${path}.lte`, 'expected a number', max);
      }
      return v =>
        typeof v === 'number' &&
        (min === undefined || v >= (min as number)) &&
        (max === undefined || v <= (max as number));
    }
  }
}

/**
 * Looks a dot-separated path up in a value; keys containing dots (such as
 * annotation keys) are found too. Does not throw.
 */
function lookupPath(
  value: unknown,
  segments: readonly string[],
  from: number,
): unknown {
  let current = value;
  for (let i = from; i < segments.length; i++) {
    if (typeof current !== 'object' || current === null) {
      return undefined;
    }
    const record = current as Record<string, unknown>;
    const next = Object.prototype.hasOwnProperty.call(record, segments[i])
      ? record[segments[i]]
      : undefined;
    if (next === undefined) {
      let key = segments[i];
      for (let j = i + 1; j < segments.length; j++) {
        key = `${key}.${segments[j]}`;
        if (Object.prototype.hasOwnProperty.call(record, key)) {
          const found = lookupPath(record[key], segments, j + 1);
          if (found !== undefined) {
            return found;
          }
        }
      }
      return undefined;
    }
    current = next;
  }
  return current;
}

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
    const evidence: Evidence = { kind: 'file', label: truncate(file) };
    if (kind) {
      evidence.value = `${kind} file`;
    }
    const url = view.fileUrl(file);
    if (isSafeUrl(url)) {
      evidence.url = url;
    }
    scratch.evidence.push(evidence);
    found += 1;
  }
  return found;
}

function inNamespace(namespace: string, body: RuleNode): RuleNode {
  return (view, scratch) => {
    const state = view.state(namespace);
    if (state === NS_OK) {
      return body(view, scratch);
    }
    scratch.unknown.push(namespace);
    return state === NS_NOT_CONFIGURED ? ABSENT : UNKNOWN;
  };
}

class RuleCompiler {
  readonly namespaces = new Set<string>();

  compile(value: unknown, path: string): RuleNode {
    if (!isRecord(value)) {
      return invalid(
        path,
        'expected a rule object such as { anyOf: [...] }',
        value,
      );
    }
    const keys = Object.keys(value);
    const operators = keys.filter(key =>
      Object.prototype.hasOwnProperty.call(RULE_OPERATORS, key),
    );
    if (operators.length !== 1) {
      return invalid(
        path,
        operators.length === 0
          ? `unknown rule; expected exactly one of ${Object.keys(
              RULE_OPERATORS,
            ).join(', ')}`
          : `a rule has exactly one operator but this one has ${operators.join(
              ', ',
            )}; combine them with allOf`,
        value,
      );
    }
    const operator = operators[0];
    const allowed = RULE_OPERATORS[operator];
    for (const key of keys) {
      if (key !== operator && !allowed.includes(key)) {
        invalid(
          `${path}.${key}`,
          `unknown key for a "${operator}" rule${
            allowed.length ? `; allowed: ${allowed.join(', ')}` : ''
          }`,
          value[key],
        );
      }
    }
    const at = `${path}.${operator}`;
    const operand = value[operator];
    switch (operator) {
      case 'allOf':
        return this.allOf(this.children(operand, at));
      case 'anyOf':
        return this.anyOf(this.children(operand, at));
      case 'not':
        return this.not(this.compile(operand, at));
      case 'annotation':
        return this.keyed('annotation', operand, value, at, path);
      case 'label':
        return this.keyed('label', operand, value, at, path);
      case 'link':
        return this.link(operand, at);
      case 'tag':
        return this.tag(operand, at);
      case 'tier':
        return this.tier(operand, at);
      case 'field':
        return this.field(operand, value, at, path);
      case 'filter':
        return this.filter(operand, at);
      case 'file':
        return this.file(operand, at);
      case 'dependency':
        return this.dependency(operand, at);
      case 'owner':
        return this.owner(operand, at);
      case 'ownerContact':
        return this.ownerContact(operand, at);
      case 'signal':
        return this.signal(operand, at);
      case 'metrics':
        return this.metricsList(operand, value.matches, at, path);
      default:
        return this.fact(operand, value, at, path);
    }
  }

  private uses(namespace: string) {
    this.namespaces.add(namespace);
  }

  private children(operand: unknown, path: string): RuleNode[] {
    if (!Array.isArray(operand) || operand.length === 0) {
      return invalid(path, 'expected a non-empty list of rules', operand);
    }
    return operand.map((child, i) => this.compile(child, `${path}[${i}]`));
  }

  private allOf(children: RuleNode[]): RuleNode {
    return (view, scratch) => {
      const evidenceMark = scratch.evidence.length;
      const unknownMark = scratch.unknown.length;
      let hard = false;
      let soft = false;
      for (let i = 0; i < children.length; i++) {
        const result = children[i](view, scratch);
        if (result === FAIL) {
          if (scratch.evidence.length !== evidenceMark) {
            scratch.evidence.length = evidenceMark;
          }
          if (scratch.unknown.length !== unknownMark) {
            scratch.unknown.length = unknownMark;
          }
          return FAIL;
        }
        if (result === UNKNOWN) {
          hard = true;
        } else if (result === ABSENT) {
          soft = true;
        }
      }
      if (hard || soft) {
        if (scratch.evidence.length !== evidenceMark) {
          scratch.evidence.length = evidenceMark;
        }
        return hard ? UNKNOWN : ABSENT;
      }
      return PASS;
    };
  }

  private anyOf(children: RuleNode[]): RuleNode {
    return (view, scratch) => {
      const unknownMark = scratch.unknown.length;
      let passed = false;
      let hard = false;
      let soft = false;
      for (let i = 0; i < children.length; i++) {
        const result = children[i](view, scratch);
        if (result === PASS) {
          passed = true;
        } else if (result === UNKNOWN) {
          hard = true;
        } else if (result === ABSENT) {
          soft = true;
        }
      }
      if (passed) {
        if (scratch.unknown.length !== unknownMark) {
          scratch.unknown.length = unknownMark;
        }
        return PASS;
      }
      if (hard) {
        return UNKNOWN;
      }
      return soft ? ABSENT : FAIL;
    };
  }

  private not(child: RuleNode): RuleNode {
    return (view, scratch) => {
      const evidenceMark = scratch.evidence.length;
      const unknownMark = scratch.unknown.length;
      const result = child(view, scratch);
      if (scratch.evidence.length !== evidenceMark) {
        scratch.evidence.length = evidenceMark;
      }
      if (result === PASS) {
        if (scratch.unknown.length !== unknownMark) {
          scratch.unknown.length = unknownMark;
        }
        return FAIL;
      }
      return result === FAIL ? PASS : result;
    };
  }

  private keyed(
    kind: 'annotation' | 'label',
    operand: unknown,
    rule: Record<string, unknown>,
    at: string,
    path: string,
  ): RuleNode {
    const keys = stringList(operand, at, `an ${kind} key`);
    const set = compileGlobSet(keys, false);
    const exact = new Set(keys.filter(key => !hasWildcard(key)));
    const wildcards = set.hasWildcards;
    const condition = compileValueCondition(rule, path, true);
    this.uses('entity');
    // Walk the entity's keys (a handful) rather than look every pattern up.
    return inNamespace('entity', (view, scratch) => {
      const map = kind === 'annotation' ? view.annotations() : view.labels();
      if (!map) {
        return FAIL;
      }
      const mapKeys =
        kind === 'annotation' ? view.annotationKeys() : Object.keys(map);
      let found = 0;
      for (let i = 0; i < mapKeys.length; i++) {
        const key = mapKeys[i];
        if (!exact.has(key) && !(wildcards && set.test(key))) {
          continue;
        }
        const value = map[key];
        if (condition(value)) {
          if (isUnsafeLink(value)) {
            scratch.notes.push(unsafeLinkNote(`${kind} ${truncate(key)}`));
            continue;
          }
          scratch.evidence.push(valueEvidence(kind, key, value));
          found += 1;
          if (found >= MAX_LEAF_EVIDENCE) {
            break;
          }
        }
      }
      return found > 0 ? PASS : FAIL;
    });
  }

  private link(operand: unknown, at: string): RuleNode {
    let matcher: Record<string, unknown>;
    if (typeof operand === 'string' || Array.isArray(operand)) {
      matcher = { type: operand };
    } else if (isRecord(operand)) {
      matcher = operand;
    } else {
      return invalid(
        at,
        'expected a link type, a list of types, or { type, title, url, icon }',
        operand,
      );
    }
    for (const key of Object.keys(matcher)) {
      if (!['type', 'title', 'url', 'icon'].includes(key)) {
        invalid(
          `${at}.${key}`,
          'unknown link condition; allowed: type, title, url, icon',
          matcher[key],
        );
      }
    }
    const typePath =
      typeof operand === 'string' || Array.isArray(operand) ? at : `${at}.type`;
    const kinds =
      matcher.type === undefined
        ? undefined
        : new Set(
            stringList(matcher.type, typePath, 'a link type').flatMap(type =>
              linkKindsOfType(type),
            ),
          );
    const titles =
      matcher.title === undefined
        ? undefined
        : globs(matcher.title, `${at}.title`, false);
    const urls =
      matcher.url === undefined
        ? undefined
        : globs(matcher.url, `${at}.url`, false);
    const icons =
      matcher.icon === undefined
        ? undefined
        : new Set(
            stringList(matcher.icon, `${at}.icon`, 'an icon id').map(icon =>
              icon.toLowerCase(),
            ),
          );
    if (!kinds && !titles && !urls && !icons) {
      return invalid(
        at,
        'expected at least one of type, title, url, icon',
        operand,
      );
    }
    this.uses('entity');
    return inNamespace('entity', (view, scratch) => {
      const links = view.links();
      let found = 0;
      for (let i = 0; i < links.length && found < MAX_LEAF_EVIDENCE; i++) {
        const link = links[i];
        let kind: string | undefined;
        if (kinds) {
          for (let k = 0; k < link.kinds.length; k++) {
            if (kinds.has(link.kinds[k])) {
              kind = link.kinds[k];
              break;
            }
          }
          if (!kind) {
            continue;
          }
        }
        if (titles && !(link.title !== undefined && titles.test(link.title))) {
          continue;
        }
        if (urls && !(link.url !== undefined && urls.test(link.url))) {
          continue;
        }
        if (
          icons &&
          !(link.icon !== undefined && icons.has(link.icon.toLowerCase()))
        ) {
          continue;
        }
        if (!link.safe) {
          scratch.notes.push(
            unsafeLinkNote(
              link.title
                ? `link "${truncate(link.title)}"`
                : 'an untitled link',
            ),
          );
          continue;
        }
        const name = truncate(link.title || link.url || 'untitled');
        const evidence: Evidence = {
          kind: 'link',
          label: kind ? `${kind} link "${name}"` : `link "${name}"`,
          value:
            link.by === 'type' || link.by === 'none'
              ? link.type && `type ${truncate(link.type)}`
              : `recognised by its ${link.by}`,
        };
        if (evidence.value === undefined) {
          delete evidence.value;
        }
        if (link.url !== undefined) {
          evidence.url = link.url;
        }
        scratch.evidence.push(evidence);
        found += 1;
      }
      return found > 0 ? PASS : FAIL;
    });
  }

  private tag(operand: unknown, at: string): RuleNode {
    const set = globs(operand, at, false);
    this.uses('entity');
    return inNamespace('entity', (view, scratch) => {
      const tags = view.tags();
      let found = 0;
      for (let i = 0; i < tags.length && found < MAX_LEAF_EVIDENCE; i++) {
        const tag = tags[i];
        if (typeof tag === 'string' && set.test(tag)) {
          scratch.evidence.push({ kind: 'tag', label: truncate(tag) });
          found += 1;
        }
      }
      return found > 0 ? PASS : FAIL;
    });
  }

  private tier(operand: unknown, at: string): RuleNode {
    let accepted: Set<string> | undefined;
    if (operand !== true) {
      const list = stringList(operand, at, 'true or a tier such as tier-1');
      accepted = new Set(list.map(tier => normalizeTier(tier) ?? tier));
    }
    this.uses('entity');
    return inNamespace('entity', (view, scratch) => {
      const found = view.tier();
      if (!found || (accepted && !accepted.has(found.tier))) {
        return FAIL;
      }
      scratch.evidence.push({ ...found.evidence });
      return PASS;
    });
  }

  private field(
    operand: unknown,
    rule: Record<string, unknown>,
    at: string,
    path: string,
  ): RuleNode {
    if (typeof operand !== 'string' || !operand.trim()) {
      return invalid(
        at,
        'expected a dot-separated field path such as spec.system',
        operand,
      );
    }
    const segments = operand.split('.');
    const condition = compileValueCondition(rule, path, false);
    this.uses('entity');
    return inNamespace('entity', (view, scratch) => {
      const value = lookupPath(view.entity(), segments, 0);
      if (!condition(value)) {
        return FAIL;
      }
      if (isUnsafeLink(value)) {
        scratch.notes.push(unsafeLinkNote(`field ${operand}`));
        return FAIL;
      }
      if (value !== undefined && value !== null) {
        scratch.evidence.push(valueEvidence('field', operand, value));
      }
      return PASS;
    });
  }

  private filter(operand: unknown, at: string): RuleNode {
    let test: (value: unknown) => boolean;
    try {
      test = compileFilterPredicate(operand);
    } catch (error) {
      return invalid(
        at,
        `not a valid filter predicate (${truncate(
          String((error as Error).message),
        )})`,
        operand,
      );
    }
    const label = truncate(preview(operand));
    this.uses('entity');
    return inNamespace('entity', (view, scratch) => {
      if (!test(view.entity())) {
        return FAIL;
      }
      scratch.evidence.push({
        kind: 'field',
        label: 'entity matches',
        value: label,
      });
      return PASS;
    });
  }

  private file(operand: unknown, at: string): RuleNode {
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
        kinds = stringList(
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
        paths = globs(operand.path, `${at}.path`, true);
      }
      if (!kinds && !paths) {
        return invalid(at, 'expected kind or path', operand);
      }
    } else {
      paths = globs(operand, at, true);
    }
    this.uses('repository');
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
  }

  private dependency(operand: unknown, at: string): RuleNode {
    let names: GlobSet;
    let ecosystems: Set<string> | undefined;
    if (isRecord(operand)) {
      for (const key of Object.keys(operand)) {
        if (key !== 'name' && key !== 'ecosystem') {
          invalid(
            `${at}.${key}`,
            'unknown dependency condition; allowed: name, ecosystem',
            operand[key],
          );
        }
      }
      names = globs(operand.name, `${at}.name`, false);
      if (operand.ecosystem !== undefined) {
        ecosystems = new Set(
          stringList(operand.ecosystem, `${at}.ecosystem`, 'an ecosystem').map(
            e => e.toLowerCase(),
          ),
        );
      }
    } else {
      names = globs(operand, at, false);
    }
    this.uses('repository');
    return inNamespace('repository', (view, scratch) => {
      const dependencies = view.dependencies();
      let found = 0;
      for (
        let i = 0;
        i < dependencies.length && found < MAX_LEAF_EVIDENCE;
        i++
      ) {
        const dep = dependencies[i];
        if (ecosystems && !ecosystems.has(dep.ecosystem.toLowerCase())) {
          continue;
        }
        if (!names.test(dep.name)) {
          continue;
        }
        const evidence: Evidence = {
          kind: 'dependency',
          label: truncate(dep.name),
          value: dep.manifest
            ? `${dep.ecosystem} (${truncate(dep.manifest)})`
            : dep.ecosystem,
        };
        const url = dep.manifest ? view.fileUrl(dep.manifest) : undefined;
        if (isSafeUrl(url)) {
          evidence.url = url;
        }
        scratch.evidence.push(evidence);
        found += 1;
      }
      return found > 0 ? PASS : FAIL;
    });
  }

  private owner(operand: unknown, at: string): RuleNode {
    if (!isRecord(operand)) {
      return invalid(at, 'expected { resolved?, kind? }', operand);
    }
    for (const key of Object.keys(operand)) {
      if (key !== 'resolved' && key !== 'kind') {
        invalid(
          `${at}.${key}`,
          'unknown owner condition; allowed: resolved, kind',
          operand[key],
        );
      }
    }
    if (
      operand.resolved !== undefined &&
      typeof operand.resolved !== 'boolean'
    ) {
      return invalid(
        `${at}.resolved`,
        'expected true or false',
        operand.resolved,
      );
    }
    const resolved = operand.resolved ?? true;
    const kinds =
      operand.kind === undefined
        ? undefined
        : new Set(
            stringList(operand.kind, `${at}.kind`, 'an entity kind').map(k =>
              k.toLowerCase(),
            ),
          );
    this.uses('owner');
    return inNamespace('owner', (view, scratch) => {
      const owner = view.owner();
      if (!owner || (owner.resolved === true) !== resolved) {
        return FAIL;
      }
      if (
        kinds &&
        !(typeof owner.kind === 'string' && kinds.has(owner.kind.toLowerCase()))
      ) {
        return FAIL;
      }
      const ref = evidenceValue(owner.ownerRef);
      const evidence: Evidence = { kind: 'relation', label: 'owner' };
      if (ref !== undefined) {
        evidence.value =
          typeof owner.kind === 'string'
            ? `${ref} (${truncate(owner.kind)})`
            : ref;
      }
      scratch.evidence.push(evidence);
      return PASS;
    });
  }

  private ownerContact(operand: unknown, at: string): RuleNode {
    const types = new Set(
      stringList(operand, at, 'a contact type').map((type, i) =>
        OWNER_CONTACT_TYPES.has(type)
          ? type
          : invalid(
              Array.isArray(operand) ? `${at}[${i}]` : at,
              `unknown contact type; expected one of ${[
                ...OWNER_CONTACT_TYPES,
              ].join(', ')}`,
              type,
            ),
      ),
    );
    this.uses('owner');
    return inNamespace('owner', (view, scratch) => {
      const owner = view.owner();
      if (!owner) {
        return FAIL;
      }
      let found = 0;
      const contacts = owner.contacts;
      if (Array.isArray(contacts)) {
        for (let i = 0; i < contacts.length && found < MAX_LEAF_EVIDENCE; i++) {
          const contact = contacts[i];
          if (
            !isRecord(contact) ||
            typeof contact.type !== 'string' ||
            !types.has(contact.type) ||
            typeof contact.label !== 'string' ||
            !contact.label
          ) {
            continue;
          }
          if (contact.url !== undefined && !isSafeUrl(contact.url, MAILTO)) {
            scratch.notes.push(
              unsafeLinkNote(
                `owner ${contact.type} "${truncate(contact.label)}"`,
              ),
            );
            continue;
          }
          const evidence: Evidence = {
            kind: 'relation',
            label: `owner ${contact.type}`,
            value: truncate(contact.label),
          };
          if (contact.url !== undefined) {
            evidence.url = contact.url;
          }
          scratch.evidence.push(evidence);
          found += 1;
        }
      }
      if (
        found === 0 &&
        types.has('email') &&
        typeof owner.email === 'string' &&
        /\S/.test(owner.email)
      ) {
        const evidence: Evidence = {
          kind: 'relation',
          label: 'owner email',
          value: truncate(owner.email),
        };
        const url = `mailto:${owner.email}`;
        if (isSafeUrl(url, MAILTO)) {
          evidence.url = url;
        }
        scratch.evidence.push(evidence);
        found += 1;
      }
      const members = owner.members;
      if (found === 0 && types.has('member-email') && Array.isArray(members)) {
        for (let i = 0; i < members.length && found < MAX_LEAF_EVIDENCE; i++) {
          const member = members[i];
          if (
            isRecord(member) &&
            typeof member.email === 'string' &&
            /\S/.test(member.email)
          ) {
            let name = 'member';
            if (typeof member.displayName === 'string') {
              name = member.displayName;
            } else if (typeof member.ref === 'string') {
              name = member.ref;
            }
            const evidence: Evidence = {
              kind: 'relation',
              label: `owner member ${truncate(name)}`,
              value: truncate(member.email),
            };
            const url = `mailto:${member.email}`;
            if (isSafeUrl(url, MAILTO)) {
              evidence.url = url;
            }
            scratch.evidence.push(evidence);
            found += 1;
          }
        }
      }
      return found > 0 ? PASS : FAIL;
    });
  }

  private signal(operand: unknown, at: string): RuleNode {
    const signals = stringList(operand, at, 'a golden signal').map(
      (signal, i) =>
        SIGNALS.has(signal)
          ? signal
          : invalid(
              Array.isArray(operand) ? `${at}[${i}]` : at,
              `unknown signal; expected one of ${[...SIGNALS].join(', ')}`,
              signal,
            ),
    );
    this.uses('metrics');
    return inNamespace('metrics', (view, scratch) => {
      const metrics = view.metrics();
      const all = metrics?.signals;
      if (!isRecord(all)) {
        return FAIL;
      }
      let found = 0;
      for (const signal of signals) {
        const evidence = all[signal];
        if (!isRecord(evidence) || evidence.present !== true) {
          continue;
        }
        const query =
          typeof evidence.query === 'string'
            ? truncate(evidence.query)
            : undefined;
        const sample =
          typeof evidence.sample === 'string'
            ? truncate(evidence.sample)
            : undefined;
        const source =
          typeof metrics?.source === 'string'
            ? ` (${truncate(metrics.source)})`
            : '';
        const item: Evidence = { kind: 'series', label: `${signal}${source}` };
        if (query || sample) {
          item.value =
            query && sample ? `${query} = ${sample}` : query ?? sample;
        }
        scratch.evidence.push(item);
        found += 1;
      }
      return found > 0 ? PASS : FAIL;
    });
  }

  private metricsList(
    operand: unknown,
    matches: unknown,
    at: string,
    path: string,
  ): RuleNode {
    if (typeof operand !== 'string' || !(operand in METRICS_LISTS)) {
      return invalid(
        at,
        `expected one of ${Object.keys(METRICS_LISTS).join(', ')}`,
        operand,
      );
    }
    const label = METRICS_LISTS[operand];
    const set =
      matches === undefined
        ? undefined
        : globs(matches, `${path}.matches`, false);
    this.uses('metrics');
    return inNamespace('metrics', (view, scratch) => {
      const list = view.metrics()?.[operand];
      if (!Array.isArray(list)) {
        return FAIL;
      }
      let found = 0;
      for (let i = 0; i < list.length && found < MAX_LEAF_EVIDENCE; i++) {
        const entry = list[i];
        if (typeof entry !== 'string' || (set && !set.test(entry))) {
          continue;
        }
        scratch.evidence.push({
          kind: 'series',
          label,
          value: truncate(entry),
        });
        found += 1;
      }
      return found > 0 ? PASS : FAIL;
    });
  }

  private fact(
    operand: unknown,
    rule: Record<string, unknown>,
    at: string,
    path: string,
  ): RuleNode {
    if (typeof operand !== 'string' || !/^[^.\s]+(\.[^.]+)*$/.test(operand)) {
      return invalid(
        at,
        'expected <namespace>.<path>, e.g. owner.resolved',
        operand,
      );
    }
    const segments = operand.split('.');
    const namespace = segments[0];
    const condition = compileValueCondition(rule, path, false);
    this.uses(namespace);
    return inNamespace(namespace, (view, scratch) => {
      const value = lookupPath(view.data(namespace), segments, 1);
      if (!condition(value)) {
        return FAIL;
      }
      if (isUnsafeLink(value)) {
        scratch.notes.push(unsafeLinkNote(`fact ${operand}`));
        return FAIL;
      }
      if (value !== undefined && value !== null) {
        scratch.evidence.push(valueEvidence('field', operand, value));
      }
      return PASS;
    });
  }
}

/**
 * Validates a declarative rule and compiles it into closures. Throws an
 * `InputError` whose message starts with the path of the offending part,
 * e.g. `readiness.checks[2].rule.anyOf[0]: unknown rule; …, got {…}`.
 *
 * @internal
 */
export function compileReadinessRule(
  rule: unknown,
  path: string,
): CompiledReadinessRule {
  const compiler = new RuleCompiler();
  const evaluate = compiler.compile(rule, path);
  return { evaluate, namespaces: [...compiler.namespaces] };
}
