import * as factsView from '../FactsView';
import * as ruleValues from '../RuleNode';
import { RuleNode } from '../RuleNode';

// Local copies of hot imported bindings: tsx and jest read an imported
// binding through getters on every access (see RuleNode.ts).
const { NS_NOT_CONFIGURED, NS_OK } = factsView;
const { ABSENT, UNKNOWN } = ruleValues;

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
