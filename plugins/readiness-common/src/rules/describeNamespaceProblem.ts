// Imported for use at call time only: FactsView imports this module too.
import { NS_NOT_CONFIGURED, truncate } from './FactsView';

/**
 * Texts of namespace problems already built, reused between evaluations:
 * state → namespace → reason → [full text, brief text].
 *
 * @internal
 */
export type NamespaceProblemCache = Map<
  number,
  Map<string, Map<string, [string, string]>>
>;

function problemTexts(
  namespace: string,
  state: number,
  reason: string | undefined,
): [string, string] {
  const detail = reason ? truncate(reason) : undefined;
  if (state === NS_NOT_CONFIGURED && !detail) {
    // No provider fills the namespace: a fact of the installation, said once
    // per page by the setup notice (GET /checks `setup`), not per check.
    const text =
      namespace === 'metrics'
        ? 'metrics are not collected in this installation'
        : `${namespace} facts are not collected in this installation`;
    return [text, text];
  }
  if (state === NS_NOT_CONFIGURED) {
    const text = `${namespace} facts not configured${
      detail ? `: ${detail}` : ''
    }`;
    return [text, text];
  }
  const text = `${namespace} facts unavailable: ${detail ?? 'no reason given'}`;
  return [text, text];
}

/**
 * The one-line explanation of why a namespace cannot be used. The `brief`
 * form is used as a note on a failing result ("not checked: …"). With a
 * cache, texts are built once per state, namespace and reason.
 *
 * @internal
 */
export function describeNamespaceProblem(
  namespace: string,
  state: number,
  reason: string | undefined,
  brief = false,
  cache?: NamespaceProblemCache,
): string {
  if (!cache) {
    return problemTexts(namespace, state, reason)[brief ? 1 : 0];
  }
  let byNamespace = cache.get(state);
  if (!byNamespace) {
    byNamespace = new Map();
    cache.set(state, byNamespace);
  }
  let byReason = byNamespace.get(namespace);
  if (!byReason) {
    if (byNamespace.size >= 100) byNamespace.clear();
    byReason = new Map();
    byNamespace.set(namespace, byReason);
  }
  const key = reason ?? '';
  let texts = byReason.get(key);
  if (!texts) {
    texts = problemTexts(namespace, state, reason);
    if (byReason.size >= 1000) byReason.clear();
    byReason.set(key, texts);
  }
  return brief ? texts[1] : texts[0];
}
