import { NS_NOT_CONFIGURED, NS_OK } from '../FactsView';
import { ABSENT, RuleNode, UNKNOWN } from '../RuleNode';

/**
 * Runs `body` only when the namespace is `ok`; otherwise the leaf is
 * undecided ({@link UNKNOWN} when unavailable, {@link ABSENT} when not
 * configured) and the namespace is noted.
 *
 * @internal
 */
export function inNamespace(namespace: string, body: RuleNode): RuleNode {
  return (view, scratch) => {
    const state = view.state(namespace);
    if (state === NS_OK) {
      return body(view, scratch);
    }
    scratch.unknown.push(namespace);
    return state === NS_NOT_CONFIGURED ? ABSENT : UNKNOWN;
  };
}
