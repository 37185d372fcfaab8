/*
 * The readiness evidence a synthetic entity carries: which items each
 * profile gets (bronze, silver, gold and the real-world variants), and the
 * links and annotations that show them.
 */
import type { EntityLink } from '@backstage/catalog-model';
import { pick } from './seededRandom';
import type { SyntheticProfile } from './syntheticCatalog';

export type Meta = {
  annotations: Record<string, string>;
  labels: Record<string, string>;
  tags: string[];
  links: EntityLink[];
};

// Readiness items, split by the level of the default check that needs them.
export type Item =
  | 'system'
  | 'tier'
  | 'ci'
  | 'logs'
  | 'runbook'
  | 'dashboard'
  | 'alerts'
  | 'errors'
  | 'tracing'
  | 'deploy'
  | 'rollback'
  | 'positive'
  | 'slo'
  | 'postmortems';
const BRONZE_ITEMS: Item[] = ['system', 'tier', 'ci', 'logs', 'runbook'];
const SILVER_ITEMS: Item[] = [
  'dashboard',
  'alerts',
  'errors',
  'tracing',
  'deploy',
  'rollback',
];
const GOLD_ITEMS: Item[] = ['positive', 'slo', 'postmortems'];

function addLink(
  m: Meta,
  url: string,
  title: string,
  type?: string,
  icon?: string,
): void {
  const l: EntityLink = { url, title };
  if (type) l.type = type;
  if (icon) l.icon = icon;
  m.links.push(l);
}

/**
 * Writes the evidence for one readiness item onto the metadata, choosing one
 * of the real-world variants (canonical link types and community annotations
 * most of the time; untyped links, capitalised types and rarer annotations
 * some of the time), with the same variants as the example organisation.
 */
export function addEvidence(
  rand: () => number,
  item: Item,
  name: string,
  m: Meta,
): void {
  const r = rand();
  switch (item) {
    case 'tier': {
      const n = 1 + Math.floor(rand() * 3);
      if (r < 0.3) m.annotations['prodready.io/tier'] = String(n);
      else if (r < 0.55) m.labels.tier = `tier-${n}`;
      else if (r < 0.8) m.tags.push(`tier-${n}`);
      else
        m.annotations['service-tier'] = ['critical', 'high', 'medium', 'low'][
          n - 1 + (rand() < 0.3 ? 1 : 0)
        ];
      return;
    }
    case 'ci':
      if (r < 0.5) m.annotations['github.com/project-slug'] = `acme/${name}`;
      else if (r < 0.6)
        m.annotations['gitlab.com/project-slug'] = `acme/${name}`;
      else if (r < 0.72)
        m.annotations['jenkins.io/job-full-name'] = `acme/${name}`;
      else if (r < 0.82)
        m.annotations['circleci.com/project-slug'] = `github/acme/${name}`;
      else if (r < 0.92)
        m.annotations['buildkite.com/pipeline-slug'] = `acme/${name}`;
      else
        addLink(m, `https://ci.example.com/job/${name}/`, 'CI pipeline', 'ci');
      return;
    case 'logs': {
      const url = `https://logs.example.com/app/discover#/?query=service:${name}`;
      if (r < 0.7) addLink(m, url, 'Logs', 'logs');
      else if (r < 0.82) addLink(m, url, 'Kibana', 'Logs');
      else addLink(m, url, 'Logs');
      return;
    }
    case 'runbook': {
      const url = `https://wiki.example.com/runbooks/${name}`;
      if (r < 0.8) addLink(m, url, 'Runbook', 'runbook', 'docs');
      else addLink(m, url, 'Runbook');
      return;
    }
    case 'dashboard': {
      const url = `https://grafana.example.com/d/${name}/${name}-overview`;
      if (r < 0.4) {
        addLink(m, url, 'Service dashboard', 'dashboard', 'dashboard');
        m.annotations['grafana/dashboard-selector'] = `tags @> '${name}'`;
      } else if (r < 0.55)
        m.annotations['grafana/dashboard-selector'] = `tags @> '${name}'`;
      else if (r < 0.65)
        m.annotations['grafana/overview-dashboard'] = `${url}?orgId=1`;
      else if (r < 0.75)
        m.annotations[
          'datadoghq.com/dashboard-url'
        ] = `https://datadog.example.com/dashboard/${name}`;
      else if (r < 0.85)
        m.annotations['newrelic.com/dashboard-guid'] = `NR-${name}`;
      else if (r < 0.93) addLink(m, url, 'Grafana dashboard');
      else addLink(m, url, 'Service overview', undefined, 'dashboard');
      return;
    }
    case 'alerts':
      if (r < 0.6)
        m.annotations['pagerduty.com/service-id'] = `P${
          name.length
        }${Math.floor(rand() * 1e6)
          .toString(36)
          .toUpperCase()}`;
      else if (r < 0.7)
        m.annotations['pagerduty.com/integration-key'] = Math.floor(
          rand() * 2 ** 48,
        )
          .toString(16)
          .padStart(12, '0');
      else if (r < 0.9)
        m.annotations[
          'opsgenie.com/component-selector'
        ] = `tag:"service:${name}"`;
      else m.annotations['prometheus.io/alert'] = `${name}-high-error-rate`;
      return;
    case 'errors':
      if (r < 0.7) m.annotations['sentry.io/project-slug'] = `acme/${name}`;
      else if (r < 0.85)
        m.annotations['rollbar.com/project-slug'] = `acme/${name}`;
      else
        m.annotations['bugsnag.com/project-key'] = `Acme/${Math.floor(
          rand() * 2 ** 48,
        ).toString(16)}`;
      return;
    case 'tracing':
      if (r < 0.4) m.annotations['lightstep.com/services'] = name;
      else if (r < 0.8)
        addLink(
          m,
          `https://tracing.example.com/services/${name}`,
          'Traces',
          'traces',
        );
      else m.annotations['datadoghq.com/service-name'] = name;
      return;
    case 'deploy':
      if (r < 0.6) m.annotations['argocd/app-name'] = name;
      else if (r < 0.75)
        m.annotations['spinnaker.io/application-name'] = name.replace(
          /[-_.]/g,
          '',
        );
      else if (r < 0.9) m.annotations['backstage.io/kubernetes-id'] = name;
      else
        addLink(
          m,
          `https://deploy.example.com/apps/${name}`,
          'Deployments',
          'deploy',
        );
      return;
    case 'rollback': {
      const url = `https://wiki.example.com/runbooks/${name}#rollback`;
      if (r < 0.8) addLink(m, url, 'Rollback procedure', 'rollback');
      else addLink(m, url, 'Rollback procedure');
      return;
    }
    case 'positive':
      if (r < 0.7)
        addLink(
          m,
          `https://synthetics.example.com/checks/${name}`,
          'Synthetic checks',
          'synthetics',
        );
      else
        addLink(
          m,
          `https://probes.example.com/targets/${name}`,
          'Blackbox probe',
          'probe',
        );
      return;
    case 'slo':
      addLink(m, `https://slo.example.com/services/${name}`, 'SLOs', 'slo');
      return;
    case 'postmortems': {
      const url = `https://wiki.example.com/postmortems?service=${name}`;
      if (r < 0.85) addLink(m, url, 'Postmortems', 'postmortems');
      else addLink(m, url, 'Postmortems');
      return;
    }
    case 'system':
      return; // written to spec by the caller
    default:
      return;
  }
}

/** Adds each item of `list` with probability `p`; with `mustMiss`, never all of them. */
function addSome(
  rand: () => number,
  items: Item[],
  list: Item[],
  p: number,
  mustMiss: boolean,
): void {
  const chosen: Item[] = [];
  for (const i of list) if (rand() < p) chosen.push(i);
  if (mustMiss && chosen.length === list.length) {
    chosen.splice(Math.floor(rand() * chosen.length), 1);
  }
  for (const i of chosen) items.push(i);
}

/** Which readiness items a component of the given profile carries. */
export function itemsFor(
  rand: () => number,
  profile: SyntheticProfile,
): Item[] {
  const items: Item[] = [];
  switch (profile) {
    case 'gold':
      items.push(...BRONZE_ITEMS, ...SILVER_ITEMS, ...GOLD_ITEMS);
      break;
    case 'silver':
      items.push(...BRONZE_ITEMS, ...SILVER_ITEMS);
      addSome(rand, items, GOLD_ITEMS, 0.4, true);
      // An SLO is also positive monitoring; silver must still miss a gold item.
      if (items.includes('slo') && items.includes('postmortems')) {
        items.splice(items.indexOf('postmortems'), 1);
      }
      break;
    case 'bronze':
      items.push(...BRONZE_ITEMS);
      addSome(rand, items, SILVER_ITEMS, 0.5, true);
      addSome(rand, items, GOLD_ITEMS, 0.15, false);
      break;
    case 'none': {
      // Miss one or two bronze items; the rest is random.
      const miss1 = pick(rand, BRONZE_ITEMS);
      const miss2 = rand() < 0.3 ? pick(rand, BRONZE_ITEMS) : miss1;
      for (const i of BRONZE_ITEMS)
        if (i !== miss1 && i !== miss2) items.push(i);
      addSome(rand, items, SILVER_ITEMS, 0.4, false);
      addSome(rand, items, GOLD_ITEMS, 0.1, false);
      break;
    }
    case 'library':
      items.push('system', 'tier', 'ci');
      break;
    case 'nothing':
    default:
      break;
  }
  return items;
}
