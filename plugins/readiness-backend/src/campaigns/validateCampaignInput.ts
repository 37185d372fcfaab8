import { InputError } from '@backstage/errors';
import {
  isRecord,
  normalizeTier,
  type CampaignGoal,
  type CampaignInput,
  type CampaignScope,
} from '@prodready/plugin-readiness-common';
import {
  describeInputValue,
  hasControlCharacters,
} from '../lib/describeInputValue';
import { parseEntityRefParam } from '../lib/parseEntityRefParam';
import type { PackIndex } from '../pack/PackIndex';

/**
 * Options of {@link validateCampaignInput}.
 *
 * @internal
 */
export interface ValidateCampaignInputOptions {
  pack: PackIndex;
  /** The ISO day a campaign without `startsAt` starts. */
  today: string;
  /**
   * How a field is named in errors: the API names `goal.checkIds`, config
   * `readiness.campaigns[0].goal.checks`. Default: as the API names it.
   */
  fieldName?: (field: string) => string;
}

const MAX_TITLE = 200;
const MAX_DESCRIPTION = 20_000;
const MAX_LIST = 200;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const SCOPE_KEYS: ReadonlyArray<keyof CampaignScope> = [
  'owners',
  'systems',
  'kinds',
  'tiers',
  'lifecycles',
];

function shown(value: unknown): string {
  return describeInputValue(
    typeof value === 'string' ? value : JSON.stringify(value) ?? 'undefined',
  );
}

/**
 * Checks what a caller (the API, an action, or app-config.yaml) says a
 * campaign is and returns it normalised: full entity refs, lower-case kinds,
 * tiers as the pack reads them (`tier-1`), `startsAt` defaulted to today.
 * Anything wrong is an InputError naming the field and the value: unknown
 * check ids or level, malformed refs, dates that are not days, a deadline
 * before the start.
 *
 * @internal
 */
export function validateCampaignInput(
  input: unknown,
  options: ValidateCampaignInputOptions,
): CampaignInput {
  const name = options.fieldName ?? ((field: string) => field);
  const fail = (field: string, value: unknown, why: string): never => {
    throw new InputError(`Invalid ${name(field)} '${shown(value)}': ${why}`);
  };
  if (!isRecord(input)) {
    return fail('campaign', input, 'expected an object');
  }

  const text = (field: string, max: number, multiline = false) => {
    const value = input[field];
    if (typeof value !== 'string' || value.trim() === '') {
      return fail(field, value, 'expected a non-empty string');
    }
    if (value.length > max) {
      return fail(field, value, `longer than ${max} characters`);
    }
    if (hasControlCharacters(value, { allowLineBreaks: multiline })) {
      return fail(field, value, 'contains control characters');
    }
    return value.trim();
  };

  const day = (field: string, value: unknown): string => {
    if (typeof value !== 'string' || !ISO_DAY.test(value)) {
      return fail(field, value, 'expected a day as YYYY-MM-DD');
    }
    const parsed = new Date(`${value}T00:00:00.000Z`);
    if (
      Number.isNaN(parsed.getTime()) ||
      parsed.toISOString().slice(0, 10) !== value
    ) {
      return fail(field, value, 'not a calendar day');
    }
    return value;
  };

  const startsAt =
    input.startsAt === undefined
      ? options.today
      : day('startsAt', input.startsAt);
  const deadline = day('deadline', input.deadline);
  if (deadline < startsAt) {
    fail('deadline', deadline, `before startsAt '${startsAt}'`);
  }

  const owner = parseEntityRefParam(name('owner'), text('owner', 500), {
    defaultKind: 'group',
    defaultNamespace: 'default',
  });
  if (!owner.startsWith('group:') && !owner.startsWith('user:')) {
    fail('owner', owner, 'expected a group or user entity ref');
  }

  return {
    title: text('title', MAX_TITLE),
    ...(input.description !== undefined &&
      input.description !== '' && {
        description: text('description', MAX_DESCRIPTION, true),
      }),
    owner,
    goal: validateGoal(input.goal, options.pack, fail),
    scope: validateScope(input.scope, fail, name),
    startsAt,
    deadline,
  };
}

type Fail = (field: string, value: unknown, why: string) => never;

function validateGoal(
  goal: unknown,
  pack: PackIndex,
  fail: Fail,
): CampaignGoal {
  if (!isRecord(goal)) {
    return fail(
      'goal',
      goal,
      'expected { type: checks, checkIds } or { type: level, level }',
    );
  }
  if (goal.type === 'checks') {
    const ids = goal.checkIds;
    if (!Array.isArray(ids) || ids.length === 0 || ids.length > MAX_LIST) {
      return fail('goal.checkIds', ids, `expected 1 to ${MAX_LIST} check ids`);
    }
    for (const id of ids) {
      if (typeof id !== 'string' || !pack.hasCheck(id)) {
        fail('goal.checkIds', id, 'not a check of the check pack');
      }
    }
    return { type: 'checks', checkIds: [...new Set(ids as string[])] };
  }
  if (goal.type === 'level') {
    const level = goal.level;
    if (typeof level !== 'string' || pack.levelRank(level) === 0) {
      return fail(
        'goal.level',
        level,
        `not a level of the check pack (${pack.pack.levels
          .map(l => l.id)
          .join(', ')})`,
      );
    }
    return { type: 'level', level };
  }
  return fail('goal.type', goal.type, 'expected checks or level');
}

function validateScope(
  scope: unknown,
  fail: Fail,
  name: (field: string) => string,
): CampaignScope {
  if (scope === undefined) {
    return {};
  }
  if (!isRecord(scope)) {
    return fail('scope', scope, 'expected an object');
  }
  for (const key of Object.keys(scope)) {
    if (!(SCOPE_KEYS as string[]).includes(key)) {
      fail(
        `scope.${key}`,
        scope[key],
        `unknown scope key (${SCOPE_KEYS.join(', ')})`,
      );
    }
  }
  const list = (key: keyof CampaignScope): string[] | undefined => {
    const values = scope[key];
    if (values === undefined) {
      return undefined;
    }
    if (!Array.isArray(values) || values.length > MAX_LIST) {
      return fail(
        `scope.${key}`,
        values,
        `expected a list of at most ${MAX_LIST} strings`,
      );
    }
    return values.map(value => {
      if (
        typeof value !== 'string' ||
        value.trim() === '' ||
        value.length > 500
      ) {
        return fail(`scope.${key}`, value, 'expected a non-empty string');
      }
      return value.trim();
    });
  };
  const out: CampaignScope = {};
  const owners = list('owners');
  if (owners?.length) {
    out.owners = owners.map(ref =>
      parseEntityRefParam(name('scope.owners'), ref, {
        defaultKind: 'group',
        defaultNamespace: 'default',
      }),
    );
  }
  const systems = list('systems');
  if (systems?.length) {
    out.systems = systems.map(ref =>
      parseEntityRefParam(name('scope.systems'), ref, {
        defaultKind: 'system',
        defaultNamespace: 'default',
      }),
    );
  }
  const kinds = list('kinds');
  if (kinds?.length) {
    out.kinds = kinds.map(kind => kind.toLocaleLowerCase('en-US'));
  }
  const tiers = list('tiers');
  if (tiers?.length) {
    out.tiers = tiers.map(
      tier =>
        normalizeTier(tier) ??
        fail('scope.tiers', tier, 'not a tier (e.g. tier-1, 1, critical)'),
    );
  }
  const lifecycles = list('lifecycles');
  if (lifecycles?.length) {
    out.lifecycles = lifecycles;
  }
  return out;
}
