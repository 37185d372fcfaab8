/*
 * The three states of claimed-vs-observed on three services of the example
 * organisation while the observed phase runs: readiness-backend's checks are
 * observed (Prometheus scrapes it), payments-api's claims are not (its
 * dashboard, on-call and SLO are in the catalog, no series or alert rule of
 * it is in Prometheus), and once Prometheus is down ledger-service's live
 * checks are unknown.
 */
import type { CheckResult } from '@prodready/plugin-readiness-common';
import type { ReadinessTestApi } from './readinessApi';
import { waitFor } from './stack';

/** A service of the example catalog whose claims Prometheus does not show. */
export const CLAIMING_SERVICE = 'payments-api';
/** A service scored again once Prometheus is down. */
export const UNKNOWN_SERVICE = 'ledger-service';

/** The checks whose catalog claims are held against what Prometheus shows. */
const CLAIM_CHECKS = [
  'monitoring.dashboard',
  'monitoring.alerts',
  'monitoring.slo',
];
const GOLDEN_SIGNALS = ['latency', 'traffic', 'errors', 'saturation'].map(
  s => `monitoring.${s}`,
);

/**
 * Rescores `ref` until its `checkIds` are in `state` (`every`), or until at
 * least one is and none passes (`some`); the results of those checks.
 */
async function waitForStates(
  api: ReadinessTestApi,
  ref: string,
  checkIds: string[],
  state: CheckResult['state'],
  what: string,
  mode: 'every' | 'some' = 'every',
): Promise<CheckResult[]> {
  let results: CheckResult[] = [];
  const matching = () => results.filter(r => checkIds.includes(r.checkId));
  await waitFor(
    what,
    async () => {
      results = (await api.refreshEntity(ref)).results;
      const found = matching();
      if (mode === 'some') {
        return (
          found.some(r => r.state === state) &&
          !found.some(r => r.state === 'pass')
        );
      }
      return found.length > 0 && found.every(r => r.state === state);
    },
    60_000,
    3000,
  ).catch(error => {
    const seen = matching().map(r => `${r.checkId}: ${r.state} (${r.reason})`);
    throw new Error(`${(error as Error).message}; ${seen.join('; ')}`);
  });
  return matching();
}

/**
 * payments-api's dashboard, alerts and SLO claims are `claimed`, not
 * observed (at least one; none passes).
 */
export async function assertClaimedService(
  api: ReadinessTestApi,
): Promise<string> {
  const results = await waitForStates(
    api,
    `component:default/${CLAIMING_SERVICE}`,
    CLAIM_CHECKS,
    'claimed',
    `${CLAIMING_SERVICE}'s claims to be claimed, not observed`,
    'some',
  );
  return results.map(r => `${r.checkId} ${r.state}: ${r.reason}`).join('; ');
}

/** With Prometheus down, ledger-service's golden signals are `unknown`. */
export async function assertUnknownService(
  api: ReadinessTestApi,
): Promise<string> {
  const results = await waitForStates(
    api,
    `component:default/${UNKNOWN_SERVICE}`,
    GOLDEN_SIGNALS,
    'unknown',
    `${UNKNOWN_SERVICE}'s golden signals to be unknown with Prometheus down`,
  );
  return results[0].reason;
}
