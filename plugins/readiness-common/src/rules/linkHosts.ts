import { LINK_HOSTS, type LinkHostDefinition } from './LINK_HOSTS';

const NO_KINDS: readonly string[] = [];

/**
 * What a link's URL was recognised as.
 *
 * @public
 */
export interface LinkHostMatch {
  tool: string;
  what: string;
  /** The kinds the tool serves at that path. */
  kinds: readonly string[];
  host: string;
  /**
   * Whether the URL alone says what the link is for (a path shape matched,
   * or the tool serves one kind), so that an untitled link counts.
   */
  specific: boolean;
  /** Kinds a link to the tool counts for only when its `type` says so. */
  typedKinds: readonly string[];
}

const BY_DOMAIN = new Map<string, LinkHostDefinition>();
const BY_LABEL = new Map<string, LinkHostDefinition>();
for (const def of LINK_HOSTS) {
  for (const domain of def.domains) BY_DOMAIN.set(domain, def);
  for (const label of def.labels) BY_LABEL.set(label, def);
}

/** Where the host of an absolute URL ends (at `/`, `?` or `#`). */
function hostEnd(url: string, start: number): number {
  let end = start;
  while (end < url.length) {
    const c = url.charCodeAt(end);
    if (c === 47 || c === 63 || c === 35) break; // / ? #
    end++;
  }
  return end;
}

/** The lower-cased host of an absolute URL, without user or port. */
function hostOf(url: string, start: number, end: number): string {
  let host = url.slice(start, end).toLowerCase();
  const at = host.lastIndexOf('@');
  if (at >= 0) host = host.slice(at + 1);
  const colon = host.indexOf(':');
  return colon >= 0 ? host.slice(0, colon) : host;
}

/** Host → its definition (null: none), for the hosts that recur. */
const HOST_MEMO = new Map<string, LinkHostDefinition | null>();

function definitionOf(host: string): LinkHostDefinition | undefined {
  let def = HOST_MEMO.get(host);
  if (def === undefined) {
    def = findDefinition(host) ?? null;
    if (host.length <= 100) {
      if (HOST_MEMO.size >= 5000) HOST_MEMO.clear();
      HOST_MEMO.set(host, def);
    }
  }
  return def ?? undefined;
}

function findDefinition(host: string): LinkHostDefinition | undefined {
  for (let dot = -1; ; ) {
    const def = BY_DOMAIN.get(host.slice(dot + 1));
    if (def) return def;
    dot = host.indexOf('.', dot + 1);
    if (dot < 0) break;
  }
  const first = host.split('.')[0];
  return BY_LABEL.get(first) ?? BY_LABEL.get(first.split('-')[0]);
}

/**
 * Recognises the tool a link's URL points at (see {@link LINK_HOSTS}), with
 * the kinds it serves at that path; `undefined` for an unknown host or a
 * value that is not an absolute URL.
 *
 * @public
 */
export function classifyLinkUrl(url: string): LinkHostMatch | undefined {
  const scheme = url.indexOf('://');
  if (scheme < 0) return undefined;
  const end = hostEnd(url, scheme + 3);
  const host = hostOf(url, scheme + 3, end);
  const def = host ? definitionOf(host) : undefined;
  if (!def) return undefined;
  let kinds = def.kinds;
  let tool = def.tool;
  let what = def.what;
  let specific = def.kinds.length === 1;
  const rest = def.paths.length > 0 ? url.slice(end).toLowerCase() : '';
  // A `#` route (Kibana's `/app/…#/view`) is read as the path.
  let path = rest;
  if (rest.startsWith('/#')) path = rest.slice(2);
  else if (rest.startsWith('#')) path = rest.slice(1);
  for (const shape of def.paths) {
    const hit = shape.prefix.startsWith('*')
      ? path.includes(shape.prefix.slice(1))
      : path.startsWith(shape.prefix);
    if (hit) {
      kinds = shape.kinds;
      tool = shape.tool ?? tool;
      what = shape.what ?? what;
      specific = true;
      break;
    }
  }
  return {
    tool,
    what,
    kinds,
    host,
    specific,
    typedKinds: def.typedKinds ?? NO_KINDS,
  };
}

/**
 * Words that, as a label of the host or a segment of the path, mark a URL
 * as the page of a kind whatever the tool (`runbooks.acme.io`,
 * `/docs/runbook`), for the kinds where no tool is needed.
 */
const GENERIC_URL_WORDS: Readonly<Record<string, readonly string[]>> = {
  runbook: ['runbook', 'runbooks', 'playbook', 'playbooks'],
  logs: ['logs', 'log', 'logging'],
  postmortems: ['postmortem', 'postmortems', 'incidents', 'post-mortems'],
  rollback: ['rollback', 'rollbacks'],
  slo: ['slo', 'slos'],
  synthetics: ['synthetics', 'probes', 'uptime'],
  traces: ['traces', 'tracing'],
  chat: [],
  email: [],
};

/**
 * Whether an unknown host's URL names the kind in a host label or a path
 * segment (`https://runbooks.acme.io/x`, `https://wiki.acme.io/runbooks/x`).
 * Never true for tool kinds such as `dashboard` or `alerts`: a page at
 * `/dashboard` or `/alerts` of any site is not a monitoring tool.
 *
 * @public
 */
export function urlNamesKind(url: string, kind: string): boolean {
  const words = GENERIC_URL_WORDS[kind];
  if (!words || words.length === 0) return false;
  const lower = url.toLowerCase();
  const scheme = lower.indexOf('://');
  const body = scheme >= 0 ? lower.slice(scheme + 3) : lower;
  const segments = body.split(/[/.?#&=]+/);
  return segments.some(segment => words.includes(segment));
}

const GENERIC_TOOLS = new Set(['Status page', 'Package registry']);

/** How reasons name a kind: "Jira is an issue tracker, not a dashboard". */
const KIND_NOUNS: Readonly<Record<string, string>> = {
  dashboard: 'a dashboard',
  alerts: 'alerting',
  logs: 'a log search',
  errors: 'an error tracker',
  traces: 'tracing',
  runbook: 'a runbook',
  slo: 'an SLO',
  synthetics: 'a probe',
  ci: 'CI',
  deploy: 'a deployment',
  rollback: 'a rollback',
  postmortems: 'postmortems',
};

/**
 * A kind as reasons name it, e.g. `a dashboard`.
 *
 * @public
 */
export function linkKindNoun(kind: string): string {
  return KIND_NOUNS[kind] ?? kind;
}

/**
 * The tool a link's title names when its URL is not that tool, e.g.
 * `Datadog` for a link titled "Datadog" to `datadoghg.com`.
 *
 * @public
 */
export function toolNamedByTitle(title: string): string | undefined {
  const lower = title.toLowerCase();
  for (const def of LINK_HOSTS) {
    if (
      !GENERIC_TOOLS.has(def.tool) &&
      lower.includes(def.tool.toLowerCase())
    ) {
      return def.tool;
    }
  }
  return undefined;
}
