import {
  KubernetesValidatorFunctions,
  parseEntityRef,
} from '@backstage/catalog-model';
import type {
  CampaignInput,
  CheckPackResponse,
} from '@prodready/plugin-readiness-common';

/**
 * What the campaign form holds: the scope's lists as the comma-separated
 * text the user typed.
 */
export interface CampaignFormValues {
  title: string;
  description: string;
  owner: string;
  goalType: 'checks' | 'level';
  checkIds: string[];
  level: string;
  owners: string;
  systems: string;
  kinds: string;
  tiers: string;
  lifecycles: string;
  startsAt: string;
  deadline: string;
}

/** The fields of the form that can be wrong, with what is wrong. */
export type CampaignFormErrors = Partial<
  Record<keyof CampaignFormValues, string>
>;

/** The longest title the server accepts. */
export const MAX_TITLE_LENGTH = 200;

/** The longest description the server accepts. */
export const MAX_DESCRIPTION_LENGTH = 20_000;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The values of a comma-separated list, trimmed, without empties. */
export function splitList(text: string): string[] {
  return text
    .split(',')
    .map(value => value.trim())
    .filter(value => value.length > 0);
}

function isIsoDay(value: string): boolean {
  if (!ISO_DAY.test(value)) {
    return false;
  }
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/**
 * The kind of an entity ref, read as the server reads it (a bare name is a
 * `defaultKind` in the default namespace), or `undefined` when it is no ref.
 */
function refKind(ref: string, defaultKind: string): string | undefined {
  if (!ref) {
    return undefined;
  }
  try {
    const parsed = parseEntityRef(ref, {
      defaultKind,
      defaultNamespace: 'default',
    });
    // The catalog's own rules for each part, as the server checks them.
    const valid =
      KubernetesValidatorFunctions.isValidKind(parsed.kind) &&
      KubernetesValidatorFunctions.isValidNamespace(
        parsed.namespace.toLocaleLowerCase('en-US'),
      ) &&
      KubernetesValidatorFunctions.isValidObjectName(parsed.name);
    return valid ? parsed.kind.toLocaleLowerCase('en-US') : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Checks the form as the server would, so that most mistakes show beside
 * their field before a request, with the server's rules: a title of at most
 * 200 characters, an owner that is a group or user (a bare name is a
 * group), a goal the check pack knows, refs in the owner and system scopes,
 * and real days with the deadline not before the start. The server stays
 * the judge (e.g. of tiers): its 400 is shown too.
 */
export function validateCampaignForm(
  values: CampaignFormValues,
  checkPack?: CheckPackResponse,
): CampaignFormErrors {
  const errors: CampaignFormErrors = {};
  const title = values.title.trim();
  if (!title) {
    errors.title = 'A campaign needs a title.';
  } else if (title.length > MAX_TITLE_LENGTH) {
    errors.title = `At most ${MAX_TITLE_LENGTH} characters (this one has ${title.length}).`;
  }
  const ownerKind = refKind(values.owner.trim(), 'group');
  if (ownerKind !== 'group' && ownerKind !== 'user') {
    errors.owner = `"${values.owner.trim()}" is not a group or user, such as group:default/web-experience.`;
  }
  if (values.description.length > MAX_DESCRIPTION_LENGTH) {
    errors.description = `At most ${MAX_DESCRIPTION_LENGTH} characters (this one has ${values.description.length}).`;
  }
  if (values.goalType === 'checks') {
    const known = new Set(checkPack?.checks.map(c => c.id));
    const unknown = values.checkIds.filter(id => checkPack && !known.has(id));
    if (values.checkIds.length === 0) {
      errors.checkIds = 'Choose at least one check.';
    } else if (unknown.length > 0) {
      errors.checkIds = `Unknown ${
        unknown.length === 1 ? 'check' : 'checks'
      }: ${unknown.join(', ')}.`;
    }
  } else if (!values.level) {
    errors.level = 'Choose a level.';
  } else if (checkPack && !checkPack.levels.some(l => l.id === values.level)) {
    errors.level = `Unknown level "${values.level}".`;
  }
  const badOwners = splitList(values.owners).filter(
    ref => !refKind(ref, 'group'),
  );
  if (badOwners.length > 0) {
    errors.owners = `Not entity refs: ${badOwners.join(', ')}.`;
  }
  const badSystems = splitList(values.systems).filter(
    ref => !refKind(ref, 'system'),
  );
  if (badSystems.length > 0) {
    errors.systems = `Not entity refs: ${badSystems.join(', ')}.`;
  }
  if (values.startsAt && !isIsoDay(values.startsAt)) {
    errors.startsAt = `"${values.startsAt}" is not a day (yyyy-mm-dd).`;
  }
  if (!values.deadline) {
    errors.deadline = 'A campaign needs a deadline.';
  } else if (!isIsoDay(values.deadline)) {
    errors.deadline = `"${values.deadline}" is not a day (yyyy-mm-dd).`;
  } else if (
    values.startsAt &&
    isIsoDay(values.startsAt) &&
    values.deadline < values.startsAt
  ) {
    errors.deadline = `The deadline ${values.deadline} is before the start ${values.startsAt}.`;
  }
  return errors;
}

/** The request body for the form's values (valid ones). */
export function campaignInputFromForm(
  values: CampaignFormValues,
): CampaignInput {
  const scope: CampaignInput['scope'] = {};
  const lists = {
    owners: splitList(values.owners),
    systems: splitList(values.systems),
    kinds: splitList(values.kinds).map(k => k.toLocaleLowerCase('en-US')),
    tiers: splitList(values.tiers),
    lifecycles: splitList(values.lifecycles),
  };
  for (const [key, list] of Object.entries(lists)) {
    if (list.length > 0) {
      scope[key as keyof typeof lists] = list;
    }
  }
  return {
    title: values.title.trim(),
    description: values.description.trim() || undefined,
    owner: values.owner.trim(),
    goal:
      values.goalType === 'checks'
        ? { type: 'checks', checkIds: values.checkIds }
        : { type: 'level', level: values.level },
    scope,
    startsAt: values.startsAt || undefined,
    deadline: values.deadline,
  };
}

/** The form's values for a campaign (to edit) or empty ones (to create). */
export function campaignFormValues(
  campaign?: CampaignInput,
): CampaignFormValues {
  return {
    title: campaign?.title ?? '',
    description: campaign?.description ?? '',
    owner: campaign?.owner ?? '',
    goalType: campaign?.goal.type ?? 'checks',
    checkIds: campaign?.goal.type === 'checks' ? campaign.goal.checkIds : [],
    level: campaign?.goal.type === 'level' ? campaign.goal.level : '',
    owners: campaign?.scope.owners?.join(', ') ?? '',
    systems: campaign?.scope.systems?.join(', ') ?? '',
    kinds: campaign?.scope.kinds?.join(', ') ?? '',
    tiers: campaign?.scope.tiers?.join(', ') ?? '',
    lifecycles: campaign?.scope.lifecycles?.join(', ') ?? '',
    startsAt: campaign?.startsAt?.slice(0, 10) ?? '',
    deadline: campaign?.deadline?.slice(0, 10) ?? '',
  };
}
