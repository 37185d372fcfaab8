import { LinkView, linkHost, truncate } from '../FactsView';
import { linkKindNoun, toolNamedByTitle, urlNamesKind } from '../linkHosts';

/**
 * How a link candidate for a kind was judged: `ignored` says why it does not
 * count; otherwise `value` says what made it count.
 *
 * @internal
 */
export interface LinkJudgement {
  value?: string;
  ignored?: string;
}

/** A link matched by a rule's explicit title, url or icon condition. */
export const DECLARED_BY_MATCHER: LinkJudgement = Object.freeze({});

/** Kinds a URL alone may stand for: tools' own pages, not wikis or code. */
const INFERRED_KINDS: ReadonlySet<string> = new Set([
  'dashboard',
  'alerts',
  'logs',
  'errors',
  'traces',
  'slo',
  'synthetics',
  'ci',
]);

/**
 * The first of the wanted kinds the link stands for: by its classification
 * (type, title, icon), else by the tool its URL points at.
 *
 * @internal
 */
export function wantedKind(
  link: LinkView,
  kinds: ReadonlySet<string>,
): string | undefined {
  for (let k = 0; k < link.kinds.length; k++) {
    if (kinds.has(link.kinds[k])) {
      return link.kinds[k];
    }
  }
  // A typed link is what its type says, and a link recognised by its title
  // or icon what they say; an unrecognised one may be what its URL is.
  const host =
    link.url && (link.by === 'none' || link.by === 'url')
      ? linkHost(link)
      : undefined;
  if (host?.specific) {
    for (let k = 0; k < host.kinds.length; k++) {
      if (kinds.has(host.kinds[k]) && INFERRED_KINDS.has(host.kinds[k])) {
        return host.kinds[k];
      }
    }
  }
  return undefined;
}

/**
 * Whether a link earns a kind (issue 10): it needs a URL; a URL of a known
 * tool counts only when the tool serves the kind at that path (Grafana
 * `/d/` for a dashboard, never Jira or Notion); a link of an unknown host
 * counts when its `type` names the kind or its URL does (`runbooks.acme.io`
 * for a runbook); a title or an icon alone is a hint and never counts.
 *
 * @internal
 */
export function judgeLink(link: LinkView, kind: string): LinkJudgement {
  const url = link.url?.trim();
  if (!url) {
    return { ignored: 'it has no URL' };
  }
  const host = linkHost(link);
  const typed = link.by === 'type' && link.kinds.includes(kind);
  if (host) {
    if (host.kinds.includes(kind)) {
      return { value: `${host.tool} (${truncate(host.host)})` };
    }
    // A typed link to another monitoring tool is trusted (an SLO on a
    // Grafana board); to an issue tracker, a wiki or code it is not.
    if (
      typed &&
      (host.typedKinds.includes(kind) ||
        host.kinds.some(served => INFERRED_KINDS.has(served)))
    ) {
      return { value: `type ${truncate(link.type ?? kind)}` };
    }
    return {
      ignored: `${host.tool} is ${host.what}, not ${linkKindNoun(kind)}`,
    };
  }
  if (typed) {
    return { value: `type ${truncate(link.type ?? kind)}` };
  }
  if (urlNamesKind(url, kind)) {
    return { value: `its URL names ${linkKindNoun(kind)}` };
  }
  const named = link.title ? toolNamedByTitle(link.title) : undefined;
  if (named) {
    return {
      ignored: `titled ${named} but its URL is not a ${named} address`,
    };
  }
  return {
    ignored: `only its ${
      link.by === 'none' || link.by === 'type' ? 'type' : link.by
    } says ${linkKindNoun(kind)}; its URL is not a known ${kind} tool`,
  };
}
