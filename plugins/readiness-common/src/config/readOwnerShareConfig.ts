import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  DEFAULT_OWNER_SHARE_THRESHOLDS,
  type OwnerShareThresholds,
} from '../facts/judgeOwnerShare';

/**
 * Reads `readiness.ownership.maxOwnerShare` and
 * `readiness.ownership.minOwnedEntities` (see config.d.ts), with the
 * defaults of `DEFAULT_OWNER_SHARE_THRESHOLDS`. Throws an `InputError`
 * naming the key and the value when one is out of range.
 *
 * @public
 */
export function readOwnerShareConfig(config: Config): OwnerShareThresholds {
  const share = config.getOptional('readiness.ownership.maxOwnerShare');
  const min = config.getOptional('readiness.ownership.minOwnedEntities');
  if (
    share !== undefined &&
    (typeof share !== 'number' || !(share > 0 && share <= 1))
  ) {
    throw new InputError(
      `readiness.ownership.maxOwnerShare must be a number above 0 and at most 1, got ${JSON.stringify(
        share,
      )}`,
    );
  }
  if (
    min !== undefined &&
    (typeof min !== 'number' || !Number.isInteger(min) || min < 1)
  ) {
    throw new InputError(
      `readiness.ownership.minOwnedEntities must be a whole number of at least 1, got ${JSON.stringify(
        min,
      )}`,
    );
  }
  return {
    maxOwnerShare: share ?? DEFAULT_OWNER_SHARE_THRESHOLDS.maxOwnerShare,
    minOwnedEntities: min ?? DEFAULT_OWNER_SHARE_THRESHOLDS.minOwnedEntities,
  };
}
