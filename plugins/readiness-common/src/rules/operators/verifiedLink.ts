import type { LinkCheck } from '../../types';
import { isRecord, NS_OK, type FactsView } from '../FactsView';

/**
 * What the `links` namespace (link verification, when enabled) found for a
 * URL; undefined when it was not fetched or verification is off.
 *
 * @internal
 */
export function verifiedLink(
  view: FactsView,
  url: string | undefined,
): LinkCheck | undefined {
  if (url === undefined || view.state('links') !== NS_OK) {
    return undefined;
  }
  const data = view.data('links');
  const checks = isRecord(data) ? data.checks : undefined;
  if (!Array.isArray(checks)) {
    return undefined;
  }
  for (const check of checks) {
    if (
      isRecord(check) &&
      check.url === url &&
      (check.state === 'answered' || check.state === 'dead') &&
      typeof check.reason === 'string'
    ) {
      return check as unknown as LinkCheck;
    }
  }
  return undefined;
}
