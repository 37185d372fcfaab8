import { memoizeBounded } from '../util/memoizeBounded';

/**
 * How a kind of link is recognised on an entity.
 *
 * @public
 */
export interface LinkKindDefinition {
  /** `metadata.links[].type` values (case-insensitive; spaces and `_` read as `-`). */
  types: readonly string[];
  /**
   * Words or phrases of a link title that mark the kind when the link has no
   * known type, matched on whole words, case-insensitively (`on-call` and
   * `on call` are the same phrase).
   */
  titleKeywords: readonly string[];
  /** Backstage icon ids that mark the kind when the link has no known type. */
  icons: readonly string[];
  /** URL host fragments that mark the kind when the link has no known type. */
  urlHints: readonly string[];
}

/**
 * The link kinds the rule language recognises, keyed by kind. A `link` rule's
 * `type` names one of these kinds (or any other literal type).
 *
 * @public
 */
export const LINK_KINDS: Readonly<Record<string, LinkKindDefinition>> = {
  dashboard: {
    types: ['dashboard', 'dashboards', 'grafana', 'metrics', 'monitoring'],
    titleKeywords: [
      'dashboard',
      'dashboards',
      'grafana',
      'datadog',
      'new relic',
      'newrelic',
      'dynatrace',
      'metrics',
    ],
    icons: ['dashboard'],
    urlHints: [],
  },
  logs: {
    types: ['logs', 'log', 'logging'],
    titleKeywords: [
      'logs',
      'log',
      'logging',
      'kibana',
      'splunk',
      'loki',
      'papertrail',
      'graylog',
      'sumo logic',
      'sumologic',
      'logz',
      'log explorer',
    ],
    icons: [],
    urlHints: ['papertrailapp.com', 'logz.io'],
  },
  errors: {
    types: [
      'errors',
      'error',
      'error-tracking',
      'error-tracker',
      'exceptions',
      'sentry',
      'rollbar',
      'bugsnag',
    ],
    titleKeywords: [
      'sentry',
      'rollbar',
      'bugsnag',
      'airbrake',
      'honeybadger',
      'raygun',
      'crashlytics',
      'errors',
      'error tracking',
      'error tracker',
      'exceptions',
    ],
    icons: [],
    urlHints: ['sentry.io', 'rollbar.com', 'bugsnag.com', 'airbrake.io'],
  },
  traces: {
    types: ['traces', 'trace', 'tracing', 'apm'],
    titleKeywords: [
      'traces',
      'trace',
      'tracing',
      'jaeger',
      'zipkin',
      'tempo',
      'lightstep',
      'honeycomb',
      'apm',
      'x ray',
      'xray',
    ],
    icons: [],
    urlHints: ['lightstep.com', 'honeycomb.io'],
  },
  runbook: {
    types: ['runbook', 'runbooks', 'playbook', 'playbooks'],
    titleKeywords: [
      'runbook',
      'runbooks',
      'run book',
      'playbook',
      'playbooks',
      'operations manual',
      'ops manual',
      'operations guide',
    ],
    icons: [],
    urlHints: [],
  },
  alerts: {
    types: [
      'alerts',
      'alert',
      'alerting',
      'oncall',
      'on-call',
      'pagerduty',
      'opsgenie',
      'paging',
    ],
    titleKeywords: [
      'alerts',
      'alerting',
      'pagerduty',
      'pager duty',
      'opsgenie',
      'victorops',
      'splunk on call',
      'on call rotation',
      'on call schedule',
      'oncall rotation',
      'oncall schedule',
      'escalation policy',
    ],
    icons: [],
    urlHints: ['pagerduty.com', 'opsgenie.com', 'victorops.com'],
  },
  slo: {
    types: ['slo', 'slos', 'sli', 'slis', 'error-budget'],
    titleKeywords: [
      'slo',
      'slos',
      'sli',
      'slis',
      'service level objective',
      'service level objectives',
      'error budget',
      'error budgets',
      'nobl9',
    ],
    icons: [],
    urlHints: ['nobl9.com'],
  },
  synthetics: {
    types: ['synthetics', 'synthetic', 'probe', 'probes', 'uptime'],
    titleKeywords: [
      'synthetic',
      'synthetics',
      'probe',
      'probes',
      'uptime',
      'pingdom',
      'checkly',
      'blackbox',
      'health check',
      'healthcheck',
    ],
    icons: [],
    urlHints: ['pingdom.com', 'checklyhq.com', 'uptimerobot.com'],
  },
  ci: {
    types: ['ci', 'build', 'builds', 'pipeline', 'ci-cd', 'ci/cd'],
    titleKeywords: [
      'ci',
      'build',
      'builds',
      'jenkins',
      'circleci',
      'buildkite',
      'github actions',
      'gitlab ci',
      'travis',
      'teamcity',
    ],
    icons: [],
    urlHints: ['circleci.com', 'buildkite.com', 'travis-ci.com'],
  },
  deploy: {
    types: [
      'deploy',
      'deployment',
      'deployments',
      'cd',
      'ci-cd',
      'ci/cd',
      'argocd',
      'spinnaker',
    ],
    titleKeywords: [
      'deploy',
      'deploys',
      'deployment',
      'deployments',
      'cd',
      'argo cd',
      'argocd',
      'spinnaker',
      'harness',
    ],
    icons: [],
    urlHints: [],
  },
  rollback: {
    types: ['rollback', 'rollbacks', 'revert'],
    titleKeywords: ['rollback', 'rollbacks', 'roll back', 'revert'],
    icons: [],
    urlHints: [],
  },
  postmortems: {
    types: [
      'postmortems',
      'postmortem',
      'post-mortem',
      'post-mortems',
      'incidents',
      'incident',
      'incident-history',
    ],
    titleKeywords: [
      'postmortem',
      'postmortems',
      'post mortem',
      'post mortems',
      'incident history',
      'incidents',
      'incident review',
      'incident reviews',
      'retrospectives',
    ],
    icons: [],
    urlHints: [],
  },
  chat: {
    types: ['chat', 'slack', 'teams', 'discord', 'mattermost'],
    titleKeywords: ['slack', 'chat', 'discord', 'mattermost'],
    icons: ['chat'],
    urlHints: ['slack.com'],
  },
  email: {
    types: ['email', 'mail', 'mailing-list'],
    titleKeywords: ['email', 'mailing list'],
    icons: ['email'],
    urlHints: ['mailto:'],
  },
};

const WORD_SPLIT = /[^a-z0-9]+/;

/**
 * Normalises a link type for lookup: lower case, trimmed, spaces and `_` as `-`.
 *
 * @public
 */
export function normalizeLinkType(type: string): string {
  return type
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
}

/** type → kinds */
const TYPE_INDEX = new Map<string, string[]>();
/** icon → kinds */
const ICON_INDEX = new Map<string, string[]>();
/** first word → phrases starting with it */
const KEYWORD_INDEX = new Map<
  string,
  Array<{ rest: string[]; kind: string }>
>();
const URL_HINTS: Array<{ hint: string; kind: string }> = [];

function addTo<K>(map: Map<K, string[]>, key: K, kind: string) {
  const list = map.get(key);
  if (!list) {
    map.set(key, [kind]);
  } else if (!list.includes(kind)) {
    list.push(kind);
  }
}

for (const [kind, def] of Object.entries(LINK_KINDS)) {
  addTo(TYPE_INDEX, kind, kind);
  for (const type of def.types) {
    addTo(TYPE_INDEX, normalizeLinkType(type), kind);
  }
  for (const icon of def.icons) {
    addTo(ICON_INDEX, icon.toLowerCase(), kind);
  }
  for (const keyword of def.titleKeywords) {
    const words = keyword.toLowerCase().split(WORD_SPLIT).filter(Boolean);
    if (words.length === 0) {
      continue;
    }
    const entries = KEYWORD_INDEX.get(words[0]) ?? [];
    entries.push({ rest: words.slice(1), kind });
    KEYWORD_INDEX.set(words[0], entries);
  }
  for (const hint of def.urlHints) {
    URL_HINTS.push({ hint, kind });
  }
}

// The kinds lists are shared (and memoised below): never mutate them.
for (const list of TYPE_INDEX.values()) Object.freeze(list);
for (const list of ICON_INDEX.values()) Object.freeze(list);

/**
 * The canonical kinds a link type stands for (e.g. `oncall` → `alerts`;
 * an unknown type stands for itself, normalised).
 *
 * @public
 */
export function linkKindsOfType(type: string): string[] {
  const normalized = normalizeLinkType(type);
  return [...(TYPE_INDEX.get(normalized) ?? [normalized])];
}

/**
 * How a link was recognised.
 *
 * @public
 */
export interface LinkClassification {
  /**
   * Canonical kinds, e.g. `['runbook']`; empty when nothing was recognised.
   * Shared between calls: do not modify.
   */
  kinds: readonly string[];
  /** What gave the kinds away. */
  by: 'type' | 'title' | 'icon' | 'url' | 'none';
}

const NONE: LinkClassification = Object.freeze({
  kinds: Object.freeze([]) as unknown as string[],
  by: 'none',
});

/** Raw link type → its classification, or its normalised form when unknown. */
const classifyRawType = memoizeBounded(
  (type): LinkClassification | string => {
    const normalized = normalizeLinkType(type);
    const kinds = TYPE_INDEX.get(normalized);
    return kinds ? { kinds, by: 'type' } : normalized;
  },
  { maxEntries: 1000, maxKeyLength: 100 },
);

/** Title → kinds (null: none), for the titles that recur across entities. */
const memoKindsFromTitle = memoizeBounded(
  (title): readonly string[] | null => {
    const found = kindsFromTitle(title);
    return found ? Object.freeze(found) : null;
  },
  { maxEntries: 5000, maxKeyLength: 100 },
);

/**
 * Recognises what a link of `metadata.links` is for: by its `type` when it is
 * a known kind (see {@link LINK_KINDS}); otherwise by title keywords, then
 * by icon, then by URL host. Never throws on malformed input.
 *
 * @public
 */
export function classifyEntityLink(link: {
  url?: unknown;
  title?: unknown;
  type?: unknown;
  icon?: unknown;
}): LinkClassification {
  let unknownType: string | undefined;
  if (typeof link.type === 'string' && link.type) {
    const known = classifyRawType(link.type);
    if (typeof known !== 'string') {
      return known;
    }
    unknownType = known;
  }
  if (typeof link.title === 'string' && link.title) {
    const kinds = memoKindsFromTitle(link.title);
    if (kinds !== null) {
      return { kinds: withType(kinds, unknownType), by: 'title' };
    }
  }
  if (typeof link.icon === 'string' && link.icon) {
    const kinds = ICON_INDEX.get(link.icon.toLowerCase());
    if (kinds) {
      return { kinds: withType(kinds, unknownType), by: 'icon' };
    }
  }
  if (typeof link.url === 'string' && link.url) {
    const url = link.url.toLowerCase();
    let kinds: string[] | undefined;
    for (const { hint, kind } of URL_HINTS) {
      if (url.includes(hint)) {
        kinds = kinds ?? [];
        if (!kinds.includes(kind)) kinds.push(kind);
      }
    }
    if (kinds) {
      return { kinds: withType(kinds, unknownType), by: 'url' };
    }
  }
  if (unknownType) {
    return { kinds: [unknownType], by: 'type' };
  }
  return NONE;
}

function withType(
  kinds: readonly string[],
  type: string | undefined,
): readonly string[] {
  return type && !kinds.includes(type) ? [...kinds, type] : kinds;
}

function kindsFromTitle(title: string): string[] | undefined {
  const words = title.toLowerCase().split(WORD_SPLIT);
  let kinds: string[] | undefined;
  for (let i = 0; i < words.length; i++) {
    const entries = KEYWORD_INDEX.get(words[i]);
    if (!entries) {
      continue;
    }
    for (const { rest, kind } of entries) {
      if (kinds?.includes(kind)) {
        continue;
      }
      let ok = true;
      for (let j = 0; j < rest.length; j++) {
        if (words[i + 1 + j] !== rest[j]) {
          ok = false;
          break;
        }
      }
      if (ok) {
        kinds = kinds ?? [];
        kinds.push(kind);
      }
    }
  }
  return kinds;
}
