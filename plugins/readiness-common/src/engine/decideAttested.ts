import type { CheckResult } from '../types';
import { ATTESTATIONS_NAMESPACE } from '../types/facts';
import { isRecord, truncate, type FactsView } from '../rules/FactsView';
import { isSafeUrl } from '../rules/isSafeUrl';
import type { CompiledCheck } from './compileChecks';

/**
 * Decides an attested check from the `attestations` namespace (keyed by
 * check id): `pass` while the latest attestation has not expired at `now`,
 * with its evidence link; `fail` with "attestation expired on …" after, or
 * when none was recorded.
 *
 * @internal
 */
export function decideAttested(
  check: CompiledCheck,
  view: FactsView,
  now: number,
): CheckResult {
  const data = view.data(ATTESTATIONS_NAMESPACE);
  const attestation =
    isRecord(data) && Object.hasOwn(data, check.id)
      ? data[check.id]
      : undefined;
  if (
    !isRecord(attestation) ||
    typeof attestation.expiresAt !== 'string' ||
    Number.isNaN(Date.parse(attestation.expiresAt))
  ) {
    return {
      checkId: check.id,
      state: 'fail',
      reason: `${check.fail} (no attestation recorded)`,
      evidence: [],
    };
  }
  const expiresAt = attestation.expiresAt;
  const author =
    typeof attestation.author === 'string' ? attestation.author : 'unknown';
  const createdAt =
    typeof attestation.createdAt === 'string'
      ? attestation.createdAt.slice(0, 10)
      : 'an unknown date';
  const url = attestation.evidenceUrl;
  const evidence = [
    {
      kind: 'link' as const,
      label: truncate(`attestation by ${author} on ${createdAt}`),
      ...(typeof url === 'string' && { value: truncate(url) }),
      ...(isSafeUrl(url) && { url }),
      strength: 'declared' as const,
    },
  ];
  if (Date.parse(expiresAt) <= now) {
    return {
      checkId: check.id,
      state: 'fail',
      reason: `${check.fail} (attestation expired on ${expiresAt.slice(
        0,
        10,
      )})`,
      evidence,
    };
  }
  return {
    checkId: check.id,
    state: 'pass',
    reason: `${
      check.pass
    } (attested by ${author} on ${createdAt}, until ${expiresAt.slice(0, 10)})`,
    evidence,
  };
}
