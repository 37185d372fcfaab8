import type { Exemption } from '@prodready/plugin-readiness-common';

/** Days before its expiry from which an exemption counts as expiring soon. */
export const EXPIRING_SOON_DAYS = 14;

/** Where an exemption stands on a given day. */
export type ExemptionStatus = 'active' | 'expiring' | 'expired';

/** `expired` past its expiry, `expiring` within 14 days of it, else `active`. */
export function exemptionStatus(
  exemption: Exemption,
  now: Date,
): ExemptionStatus {
  if (!exemption.expiresAt) return 'active';
  const left = Date.parse(exemption.expiresAt) - now.getTime();
  if (left <= 0) return 'expired';
  return left <= EXPIRING_SOON_DAYS * 86_400_000 ? 'expiring' : 'active';
}
