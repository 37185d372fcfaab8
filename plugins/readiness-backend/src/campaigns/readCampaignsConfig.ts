import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { isRecord } from '@prodready/plugin-readiness-common';
import { describeInputValue } from '../lib/describeInputValue';
import type { PackIndex } from '../pack/PackIndex';
import type { StoredCampaign } from './CampaignsStore';
import { validateCampaignInput } from './validateCampaignInput';

const KEY = 'readiness.campaigns';
/** Config ids are slugs: they appear in URLs and never change. */
const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

function fail(key: string, value: unknown, why: string): never {
  throw new InputError(
    `Invalid ${key} '${describeInputValue(
      typeof value === 'string' ? value : JSON.stringify(value) ?? 'undefined',
    )}': ${why}`,
  );
}

/** Config says `goal: { checks: [...] }` or `goal: { level }`; the API has a `type`. */
function toApiGoal(key: string, goal: unknown): unknown {
  if (!isRecord(goal)) {
    return goal;
  }
  const hasChecks = goal.checks !== undefined;
  const hasLevel = goal.level !== undefined;
  if (hasChecks === hasLevel) {
    return fail(
      `${key}.goal`,
      goal,
      'expected exactly one of checks (a list of check ids) or level',
    );
  }
  return hasChecks
    ? { type: 'checks', checkIds: goal.checks }
    : { type: 'level', level: goal.level };
}

/**
 * Reads the campaigns declared in `readiness.campaigns` (kept as code in
 * app-config.yaml; read-only through the API). Each is validated as the
 * API validates input, with errors naming the config key and the value;
 * ids must be unique slugs, and `startsAt` is required (a config campaign
 * must not start anew at every restart).
 *
 * @internal
 */
export function readCampaignsConfig(
  config: Config,
  pack: PackIndex,
): StoredCampaign[] {
  const list = config.getOptional(KEY);
  if (list === undefined) {
    return [];
  }
  if (!Array.isArray(list)) {
    return fail(KEY, list, 'expected a list of campaigns');
  }
  const seen = new Set<string>();
  return list.map((item, i) => {
    const key = `${KEY}[${i}]`;
    if (!isRecord(item)) {
      return fail(key, item, 'expected a campaign object');
    }
    const id = item.id;
    if (typeof id !== 'string' || !ID_PATTERN.test(id)) {
      return fail(
        `${key}.id`,
        id,
        'expected a slug of lower-case letters, digits and -',
      );
    }
    if (seen.has(id)) {
      fail(`${key}.id`, id, 'declared twice');
    }
    seen.add(id);
    if (item.startsAt === undefined) {
      fail(`${key}.startsAt`, item.startsAt, 'required for config campaigns');
    }
    const { id: _id, goal, ...rest } = item;
    const input = validateCampaignInput(
      { ...rest, goal: toApiGoal(key, goal) },
      {
        pack,
        today: '',
        fieldName: field =>
          `${key}.${field === 'goal.checkIds' ? 'goal.checks' : field}`,
      },
    );
    const at = `${input.startsAt}T00:00:00.000Z`;
    return {
      ...input,
      id,
      startsAt: input.startsAt!,
      source: 'config',
      createdAt: at,
      updatedAt: at,
    };
  });
}
