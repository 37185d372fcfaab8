import { parseFilterPredicate } from '@backstage/filter-predicates';
import type { CheckDefinition, CodeRule, LevelDefinition } from '../types';
import { EVIDENCE_STRENGTHS } from '../types';
import { compileReadinessRule } from '../rules/compileReadinessRule';
import { invalid } from '../rules/invalid';
import type { RuleNode } from '../rules/RuleNode';
import { isRecord } from '../rules/FactsView';
import { isSafeUrl } from '../rules/isSafeUrl';
import { compileFilterPredicate } from '../rules/compileFilterPredicate';
import { ATTESTATIONS_NAMESPACE } from '../types/facts';

/**
 * Days an attestation stays valid unless the check's
 * `attested.expiresAfterDays` says otherwise.
 *
 * @public
 */
export const DEFAULT_ATTESTATION_DAYS = 180;

/** Reads `attested: { expiresAfterDays? }`; returns the days. */
function readAttested(value: unknown, path: string): number {
  if (!isRecord(value)) {
    return invalid(path, 'expected { expiresAfterDays? }', value);
  }
  const days = value.expiresAfterDays ?? DEFAULT_ATTESTATION_DAYS;
  if (
    typeof days !== 'number' ||
    !Number.isInteger(days) ||
    days < 1 ||
    days > 3650
  ) {
    return invalid(
      `${path}.expiresAfterDays`,
      'expected a whole number of days from 1 to 3650',
      days,
    );
  }
  return days;
}

/**
 * A check prepared for fast evaluation.
 *
 * @internal
 */
export interface CompiledCheck {
  id: string;
  category: string;
  categoryIndex: number;
  /** Index in the pack's levels; -1 when the level is not defined. */
  levelIndex: number;
  weight: number;
  /** Index into `CompiledPack.predicates`; -1 = applies to every entity. */
  appliesTo: number;
  requires: readonly string[];
  rule?: RuleNode;
  /** The compiled `observe` rule: what reality must show for a pass. */
  observe?: RuleNode;
  code?: CodeRule;
  /** Set when the check is malformed: its result is always `unknown`. */
  invalid?: string;
  pass: string;
  fail: string;
  /** Reason of a `claimed` result. */
  claimed: string;
  /** The warning band, tried when `rule` fails (declarative rules). */
  warnRule?: RuleNode;
  /** The reason of a result in the warning band. */
  warn?: string;
  /** Set on attested checks: days an attestation stays valid. */
  attestedDays?: number;
  /**
   * The weakest evidence strength a pass may rest on, as an index of
   * `EVIDENCE_STRENGTHS` (0 observed, 1 declared): a pass whose evidence is
   * all weaker is a fail. Hints (2) never carry a pass.
   */
  minStrength: number;
  /** Fact namespaces the rule reads (declarative rules). */
  namespaces: readonly string[];
  /** Advisory: evaluated and shown, left out of levels and the score. */
  advisory: boolean;
}

/**
 * A pack prepared for fast evaluation.
 *
 * @internal
 */
export interface CompiledPack {
  levels: readonly string[];
  categories: readonly string[];
  checks: readonly CompiledCheck[];
  predicates: ReadonlyArray<(entity: unknown) => boolean>;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

const CHECK_ID = /^[a-z0-9][a-z0-9_-]*(\.[a-z0-9][a-z0-9_-]*)+$/i;

function nonEmptyString(value: unknown, path: string, what: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    return invalid(path, `expected ${what}`, value);
  }
  return value;
}

function namespaceList(value: unknown, path: string): string[] {
  if (!Array.isArray(value)) {
    return invalid(path, 'expected a list of fact namespaces', value);
  }
  return value.map((item, i) =>
    nonEmptyString(item, `${path}[${i}]`, 'a fact namespace name'),
  );
}

/**
 * Validates the shape of a check definition. Throws an `InputError` naming
 * `path` and the bad value.
 *
 * @internal
 */
export function validateCheckShape(
  check: unknown,
  levelIds: ReadonlySet<string>,
  path: string,
): asserts check is CheckDefinition {
  if (!isRecord(check)) {
    invalid(path, 'expected a check definition object', check);
  }
  const id = nonEmptyString(check.id, `${path}.id`, 'a check id');
  if (!CHECK_ID.test(id)) {
    invalid(
      `${path}.id`,
      'expected an id of the form <category>.<name>, e.g. delivery.rollback',
      id,
    );
  }
  nonEmptyString(check.title, `${path}.title`, 'a title');
  nonEmptyString(check.category, `${path}.category`, 'a category');
  if (check.description !== undefined) {
    nonEmptyString(check.description, `${path}.description`, 'a description');
  }
  const level = nonEmptyString(check.level, `${path}.level`, 'a level id');
  if (!levelIds.has(level)) {
    invalid(
      `${path}.level`,
      `unknown level; the levels are ${[...levelIds].join(', ')}`,
      level,
    );
  }
  if (
    typeof check.weight !== 'number' ||
    !Number.isFinite(check.weight) ||
    check.weight < 0
  ) {
    invalid(`${path}.weight`, 'expected a number ≥ 0', check.weight);
  }
  namespaceList(check.requires, `${path}.requires`);
  if (check.optional !== undefined) {
    namespaceList(check.optional, `${path}.optional`);
  }
  if (!isRecord(check.messages)) {
    invalid(`${path}.messages`, 'expected { pass, fail }', check.messages);
  }
  nonEmptyString(check.messages.pass, `${path}.messages.pass`, 'a message');
  nonEmptyString(check.messages.fail, `${path}.messages.fail`, 'a message');
  if (check.messages.claimed !== undefined) {
    nonEmptyString(
      check.messages.claimed,
      `${path}.messages.claimed`,
      'a message',
    );
  }
  if (check.messages.warn !== undefined) {
    nonEmptyString(check.messages.warn, `${path}.messages.warn`, 'a message');
  }
  if (check.advisory !== undefined && typeof check.advisory !== 'boolean') {
    invalid(`${path}.advisory`, 'expected true or false', check.advisory);
  }
  if (!isRecord(check.remediation)) {
    invalid(
      `${path}.remediation`,
      'expected { markdown, links? }',
      check.remediation,
    );
  }
  nonEmptyString(
    check.remediation.markdown,
    `${path}.remediation.markdown`,
    'markdown text',
  );
  const links = check.remediation.links;
  if (links !== undefined) {
    if (!Array.isArray(links)) {
      invalid(`${path}.remediation.links`, 'expected a list of links', links);
    }
    links.forEach((link, i) => {
      const at = `${path}.remediation.links[${i}]`;
      if (!isRecord(link)) {
        invalid(at, 'expected { title, url }', link);
      }
      nonEmptyString(link.title, `${at}.title`, 'a title');
      const url = nonEmptyString(link.url, `${at}.url`, 'a URL');
      // Remediation links are shown to every team: never a script link.
      if (!isSafeUrl(url)) {
        invalid(
          `${at}.url`,
          'expected an http(s) URL (unsafe link scheme)',
          url,
        );
      }
    });
  }
}

/**
 * Validates and compiles `appliesTo`; returns its cache key and function.
 *
 * @internal
 */
export function compileAppliesTo(
  appliesTo: unknown,
  path: string,
): { key: string; test: (entity: unknown) => boolean } {
  try {
    const predicate = parseFilterPredicate(appliesTo);
    return {
      key: JSON.stringify(predicate),
      test: compileFilterPredicate(predicate),
    };
  } catch (error) {
    const message = String((error as Error).message ?? error).slice(0, 300);
    return invalid(
      path,
      `not a valid filter predicate (${message.replace(/\s+/g, ' ')})`,
      appliesTo,
    );
  }
}

/**
 * Validates and compiles a list of checks against levels. With `strict`,
 * the first invalid check throws an `InputError` naming `pathOf(index)`;
 * otherwise invalid checks compile to `unknown` results.
 *
 * @internal
 */
export function compileChecks(
  checks: readonly CheckDefinition[],
  levels: readonly LevelDefinition[],
  options: {
    strict: boolean;
    pathOf: (index: number) => string;
    /** Category order to start from (e.g. the pack's `categories`). */
    categories?: readonly string[];
  },
): CompiledPack {
  const levelIds = levels.map(level => level.id);
  const levelSet = new Set(levelIds);
  const categories: string[] = Array.isArray(options.categories)
    ? options.categories.filter(c => typeof c === 'string')
    : [];
  const predicates: Array<(entity: unknown) => boolean> = [];
  const predicateKeys = new Map<string, number>();
  const seen = new Set<string>();
  const compiled: CompiledCheck[] = [];

  checks.forEach((check, index) => {
    const path = options.pathOf(index);
    const raw = check as unknown as Record<string, unknown>;
    const id =
      isRecord(raw) && typeof raw.id === 'string' ? raw.id : `#${index}`;
    const category =
      isRecord(raw) && typeof raw.category === 'string' && raw.category
        ? raw.category
        : id.split('.')[0];
    try {
      validateCheckShape(check, levelSet, path);
      if (seen.has(check.id)) {
        invalid(`${path}.id`, 'duplicate check id', check.id);
      }
      let appliesTo = -1;
      if (check.appliesTo !== undefined) {
        const { key, test } = compileAppliesTo(
          check.appliesTo,
          `${path}.appliesTo`,
        );
        const known = predicateKeys.get(key);
        if (known === undefined) {
          appliesTo = predicates.length;
          predicateKeys.set(key, appliesTo);
          predicates.push(test);
        } else {
          appliesTo = known;
        }
      }
      let rule: RuleNode | undefined;
      let code: CodeRule | undefined;
      let namespaces: readonly string[] = [];
      let warnRule: RuleNode | undefined;
      let attestedDays: number | undefined;
      let requires = check.requires;
      if (check.attested !== undefined) {
        attestedDays = readAttested(check.attested, `${path}.attested`);
        namespaces = [ATTESTATIONS_NAMESPACE];
        requires = [...new Set([...requires, ATTESTATIONS_NAMESPACE])];
      } else if (typeof check.rule === 'function') {
        code = check.rule as CodeRule;
      } else {
        const result = compileReadinessRule(check.rule, `${path}.rule`);
        rule = result.evaluate;
        namespaces = result.namespaces;
      }
      let observe: RuleNode | undefined;
      if (check.observe !== undefined) {
        const result = compileReadinessRule(check.observe, `${path}.observe`);
        observe = result.evaluate;
        namespaces = [...new Set([...namespaces, ...result.namespaces])];
      }
      if (check.warn !== undefined) {
        if (code || attestedDays !== undefined) {
          invalid(
            `${path}.warn`,
            'a warning band needs a declarative rule',
            check.warn,
          );
        }
        const band = compileReadinessRule(check.warn, `${path}.warn`);
        warnRule = band.evaluate;
        namespaces = [...new Set([...namespaces, ...band.namespaces])];
      }
      if (!categories.includes(check.category)) {
        categories.push(check.category);
      }
      seen.add(check.id);
      compiled.push({
        id: check.id,
        category: check.category,
        categoryIndex: categories.indexOf(check.category),
        levelIndex: levelIds.indexOf(check.level),
        weight: check.weight,
        appliesTo,
        requires,
        rule,
        observe,
        code,
        pass: check.messages.pass,
        fail: check.messages.fail,
        claimed:
          check.messages.claimed ??
          `Claimed, not observed: ${lowerFirst(check.messages.fail)}`,
        warnRule,
        warn: check.messages.warn,
        attestedDays,
        minStrength: readMinStrength(check.minStrength, `${path}.minStrength`),
        namespaces,
        advisory: check.advisory === true,
      });
    } catch (error) {
      if (options.strict) {
        throw error;
      }
      if (!categories.includes(category)) {
        categories.push(category);
      }
      seen.add(id);
      compiled.push({
        id,
        category,
        categoryIndex: categories.indexOf(category),
        levelIndex:
          isRecord(raw) && typeof raw.level === 'string'
            ? levelIds.indexOf(raw.level)
            : -1,
        weight:
          isRecord(raw) &&
          typeof raw.weight === 'number' &&
          Number.isFinite(raw.weight) &&
          raw.weight >= 0
            ? raw.weight
            : 1,
        appliesTo: -1,
        requires: [],
        invalid: `The check is invalid: ${String(
          (error as Error)?.message ?? error,
        ).slice(0, 300)}`,
        pass: '',
        fail: '',
        claimed: '',
        minStrength: 1,
        namespaces: [],
        advisory: isRecord(raw) && raw.advisory === true,
      });
    }
  });

  return {
    levels: levelIds,
    categories,
    checks: compiled,
    predicates,
  };
}

/**
 * `minStrength` of a check as an index of `EVIDENCE_STRENGTHS`; absent is
 * `declared`. `hint` is refused: a hint alone never passes a check.
 */
function readMinStrength(value: unknown, path: string): number {
  if (value === undefined) {
    return 1;
  }
  if (value === 'observed' || value === 'declared') {
    return EVIDENCE_STRENGTHS.indexOf(value);
  }
  return invalid(
    path,
    "expected 'observed' or 'declared' (a hint alone never passes a check)",
    value,
  );
}
