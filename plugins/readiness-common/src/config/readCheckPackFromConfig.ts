import type { Config } from '@backstage/config';
import type { CheckDefinition, LevelDefinition } from '../types';
import { compileChecks } from '../engine/compileChecks';
import { invalid } from '../rules/invalid';
import { isRecord } from '../rules/FactsView';
import { CheckPack, createCheckPack, validateLevels } from '../pack/CheckPack';
import { apiChecks } from '../pack/apiChecks';
import { attestedChecks } from '../pack/attestedChecks';
import { defaultChecks } from '../pack/defaultChecks';
import { defaultLevels } from '../pack/defaultLevels';

/**
 * Options of {@link readCheckPackFromConfig}.
 *
 * @public
 */
export interface ReadCheckPackFromConfigOptions {
  /**
   * Checks added in code (e.g. through the `readiness.checks` extension
   * point), added after the default pack; `readiness.checks` may override or
   * disable them like default checks.
   */
  extraChecks?: CheckDefinition[];
}

/** Keys an entry of `readiness.checks` may have. */
const ENTRY_KEYS = [
  'id',
  'enabled',
  'title',
  'description',
  'category',
  'level',
  'weight',
  'appliesTo',
  'requires',
  'optional',
  'rule',
  'warn',
  'attested',
  'messages',
  'remediation',
  'minStrength',
  'advisory',
];

/** Keys that override the same key of an existing check. */
const OVERRIDE_KEYS = [
  'title',
  'description',
  'level',
  'weight',
  'appliesTo',
  'requires',
  'optional',
  'rule',
  'warn',
  'attested',
  'minStrength',
  'advisory',
] as const;

function validateOne(
  check: CheckDefinition,
  levels: LevelDefinition[],
  path: string,
) {
  compileChecks([check], levels, { strict: true, pathOf: () => path });
}

function mergeOverride(
  existing: CheckDefinition,
  entry: Record<string, unknown>,
  path: string,
): CheckDefinition {
  if (entry.category !== undefined && entry.category !== existing.category) {
    invalid(
      `${path}.category`,
      `the category of the existing check "${existing.id}" cannot be changed (it is ${existing.category}); add a new check instead`,
      entry.category,
    );
  }
  const merged: Record<string, unknown> = { ...existing };
  for (const key of OVERRIDE_KEYS) {
    if (entry[key] !== undefined) {
      merged[key] = entry[key];
    }
  }
  if (entry.messages !== undefined) {
    if (!isRecord(entry.messages)) {
      invalid(
        `${path}.messages`,
        'expected { pass?, fail?, warn? }',
        entry.messages,
      );
    }
    merged.messages = { ...existing.messages, ...entry.messages };
  }
  if (entry.remediation !== undefined) {
    if (!isRecord(entry.remediation)) {
      invalid(
        `${path}.remediation`,
        'expected { markdown?, links? }',
        entry.remediation,
      );
    }
    merged.remediation = { ...existing.remediation, ...entry.remediation };
  }
  return merged as unknown as CheckDefinition;
}

function newCheck(
  entry: Record<string, unknown>,
  id: string,
  path: string,
): CheckDefinition {
  for (const key of ['title', 'level', 'rule']) {
    if (entry[key] === undefined && !(key === 'rule' && entry.attested)) {
      invalid(`${path}.${key}`, `required for a new check "${id}"`, undefined);
    }
  }
  const title = entry.title;
  const messages = isRecord(entry.messages) ? entry.messages : {};
  if (entry.messages !== undefined && !isRecord(entry.messages)) {
    invalid(
      `${path}.messages`,
      'expected { pass?, fail?, warn? }',
      entry.messages,
    );
  }
  let remediation = entry.remediation;
  if (remediation === undefined) {
    if (typeof entry.description !== 'string') {
      invalid(
        `${path}.remediation`,
        `required for a new check "${id}" (or give a description)`,
        undefined,
      );
    }
    remediation = { markdown: entry.description };
  }
  const check: Record<string, unknown> = {
    id,
    title,
    category: entry.category ?? id.split('.')[0],
    level: entry.level,
    weight: entry.weight ?? 1,
    requires: entry.requires ?? [],
    rule: entry.rule,
    messages: {
      pass: messages.pass ?? `Satisfied: ${String(title)}`,
      fail: messages.fail ?? `Not satisfied: ${String(title)}`,
      ...(messages.warn !== undefined && { warn: messages.warn }),
    },
    remediation,
  };
  for (const key of [
    'description',
    'appliesTo',
    'optional',
    'warn',
    'attested',
    'minStrength',
    'advisory',
  ]) {
    if (entry[key] !== undefined) {
      check[key] = entry[key];
    }
  }
  return check as unknown as CheckDefinition;
}

/**
 * Builds the check pack from app-config: the default pack plus
 * `extraChecks`, changed by `readiness.checks` and `readiness.levels` (see
 * `config.d.ts` and the package README).
 *
 * - An entry of `readiness.checks` with the id of an existing check overrides
 *   the keys it gives (`title`, `description`, `level`, `weight`,
 *   `appliesTo`, `requires`, `optional`, `rule`, `messages`, `remediation`)
 *   or removes it with `enabled: false`.
 * - An entry with the id of an attested check (`attestedChecks`) or of an
 *   API check (`apiChecks`: `api.definition`, `api.docs`,
 *   `api.consumer-contact`), off by default, turns it on, with its
 *   overrides (`- id: api.definition` is enough).
 * - An entry with a new id adds a declarative check (`title`, `level` and
 *   `rule` required; `category` defaults to the id's prefix).
 * - `readiness.levels` replaces the levels (lowest first); every check's
 *   level must be one of them.
 *
 * Throws an `InputError` whose message starts with the config path of the
 * offending value, e.g. `readiness.checks[2].rule.anyOf[0]: unknown rule; …`.
 *
 * @public
 */
export function readCheckPackFromConfig(
  config: Config,
  options?: ReadCheckPackFromConfigOptions,
): CheckPack {
  const rawLevels = config.getOptional('readiness.levels');
  const levels =
    rawLevels === undefined
      ? defaultLevels
      : validateLevels(rawLevels, 'readiness.levels');

  const checks: Array<CheckDefinition | undefined> = [...defaultChecks];
  const origins: string[] = defaultChecks.map(
    check => `the default check "${check.id}"`,
  );
  const index = new Map<string, number>();
  defaultChecks.forEach((check, i) => index.set(check.id, i));
  (options?.extraChecks ?? []).forEach((check, i) => {
    const id = isRecord(check) ? check.id : undefined;
    if (typeof id === 'string' && index.has(id)) {
      invalid(
        `extraChecks[${i}].id`,
        'a check with this id already exists',
        id,
      );
    }
    if (typeof id === 'string') {
      index.set(id, checks.length);
    }
    checks.push(check);
    origins.push(`the check "${String(id)}" added in code`);
  });

  const rawChecks = config.getOptional('readiness.checks');
  if (rawChecks !== undefined && !Array.isArray(rawChecks)) {
    invalid('readiness.checks', 'expected a list of checks', rawChecks);
  }
  const configured = new Set<string>();
  (rawChecks ?? []).forEach((entry: unknown, i: number) => {
    const path = `readiness.checks[${i}]`;
    if (!isRecord(entry)) {
      invalid(path, 'expected a check object with an id', entry);
    }
    const id = entry.id;
    if (typeof id !== 'string' || !id.trim()) {
      invalid(
        `${path}.id`,
        'expected a check id such as delivery.rollback',
        id,
      );
    }
    if (configured.has(id)) {
      invalid(`${path}.id`, 'this check is configured twice', id);
    }
    configured.add(id);
    for (const key of Object.keys(entry)) {
      if (!ENTRY_KEYS.includes(key)) {
        invalid(
          `${path}.${key}`,
          `unknown key; allowed: ${ENTRY_KEYS.join(', ')}`,
          entry[key],
        );
      }
    }
    if (entry.enabled !== undefined && typeof entry.enabled !== 'boolean') {
      invalid(`${path}.enabled`, 'expected true or false', entry.enabled);
    }
    const at = index.get(id);
    // Attested and API checks of the default pack are off unless configured.
    const attested = [...attestedChecks, ...apiChecks].find(
      check => check.id === id,
    );
    if (at === undefined && attested) {
      if (entry.enabled !== false) {
        const merged = mergeOverride(attested, entry, path);
        validateOne(merged, levels, path);
        index.set(id, checks.length);
        checks.push(merged);
        origins.push(path);
      }
      return;
    }
    if (at !== undefined) {
      if (entry.enabled === false) {
        checks[at] = undefined;
        return;
      }
      const merged = mergeOverride(checks[at]!, entry, path);
      validateOne(merged, levels, path);
      checks[at] = merged;
      origins[at] = path;
      return;
    }
    if (entry.enabled === false) {
      invalid(`${path}.id`, 'there is no check with this id to disable', id);
    }
    const added = newCheck(entry, id, path);
    validateOne(added, levels, path);
    index.set(id, checks.length);
    checks.push(added);
    origins.push(path);
  });

  const levelIds = new Set(levels.map(level => level.id));
  checks.forEach((check, i) => {
    if (check && !levelIds.has(check.level)) {
      invalid(
        'readiness.levels',
        `level "${check.level}" of ${origins[i]} is not defined; define it, or set the check's level (or enabled: false) in readiness.checks`,
        rawLevels,
      );
    }
  });

  return createCheckPack({
    levels,
    checks: checks.filter((check): check is CheckDefinition => !!check),
  });
}
