import { classifyLinkUrl, toolNamedByTitle, urlNamesKind } from './linkHosts';
import { LINK_HOSTS } from './LINK_HOSTS';

describe('classifyLinkUrl', () => {
  it.each([
    // url, tool, kinds
    ['https://grafana.acme.io/d/abc/payments', 'Grafana', ['dashboard']],
    ['https://acme.grafana.net/d/abc', 'Grafana', ['dashboard']],
    ['https://grafana.acme.io/alerting/list', 'Grafana', ['alerts']],
    ['https://app.datadoghq.com/dashboard/x-y-z', 'Datadog', ['dashboard']],
    ['https://app.datadoghq.eu/logs?query=svc', 'Datadog', ['logs']],
    ['https://app.datadoghq.com/monitors/123', 'Datadog', ['alerts']],
    ['https://kibana.acme.io/app/discover#/', 'Kibana', ['logs']],
    ['https://kibana.acme.io/app/dashboards#/view/1', 'Kibana', ['dashboard']],
    ['https://one.newrelic.com/dashboards/x', 'New Relic', ['dashboard']],
    ['https://acme.sentry.io/projects/api', 'Sentry', ['errors']],
    [
      'https://acme.pagerduty.com/service-directory/P1',
      'PagerDuty',
      ['alerts', 'postmortems'],
    ],
    ['https://ui.honeycomb.io/acme/board/x', 'Honeycomb', ['dashboard']],
    ['https://acme.atlassian.net/browse/PAY-1', 'Jira', ['postmortems']],
    [
      'https://acme.atlassian.net/wiki/spaces/OPS',
      'Confluence',
      ['runbook', 'postmortems', 'rollback'],
    ],
    ['https://jira.acme.io/secure/Dashboard.jspa', 'Jira', ['postmortems']],
    [
      'https://www.notion.so/acme/Grafana-123',
      'Notion',
      ['runbook', 'postmortems', 'rollback'],
    ],
    ['https://status.acme.io', 'Status page', []],
    ['https://user:pw@GRAFANA.acme.io:3000/d/x', 'Grafana', ['dashboard']],
  ])('%s is %s', (url, tool, kinds) => {
    const match = classifyLinkUrl(url);
    expect([match?.tool, match?.kinds]).toEqual([tool, kinds]);
  });

  it.each([
    'https://example.com/dashboard',
    'https://app.datadoghg.com/dashboard/x',
    'https://mygrafana.example.com',
    'not a url',
    '',
    'mailto:team@acme.io',
  ])('knows no tool at %j', url => {
    expect(classifyLinkUrl(url)).toBeUndefined();
  });

  it('says what Jira is, so an ignored link can say why', () => {
    const jira = classifyLinkUrl('https://acme.atlassian.net/browse/X-1');
    expect(jira).toMatchObject({
      what: 'an issue tracker',
      host: 'acme.atlassian.net',
    });
    expect(jira?.kinds).not.toContain('dashboard');
  });

  it('never lists a kind twice or an empty domain', () => {
    for (const def of LINK_HOSTS) {
      expect(new Set(def.kinds).size).toBe(def.kinds.length);
      for (const domain of def.domains) {
        expect(domain).toMatch(/^[a-z0-9.-]+\.[a-z]+$/);
      }
    }
  });
});

describe('urlNamesKind', () => {
  it.each([
    ['https://runbooks.acme.io/payments', 'runbook', true],
    ['https://wiki.acme.io/ops/runbook', 'runbook', true],
    ['https://logs.acme.io/search?q=x', 'logs', true],
    ['https://example.com/dashboard', 'dashboard', false],
    ['https://example.com/alerts', 'alerts', false],
    ['https://wiki.acme.io/runbookish', 'runbook', false],
  ])('%s names %s: %s', (url, kind, expected) => {
    expect(urlNamesKind(url, kind)).toBe(expected);
  });
});

describe('toolNamedByTitle', () => {
  it('finds the tool a title claims', () => {
    expect(toolNamedByTitle('Datadog')).toBe('Datadog');
    expect(toolNamedByTitle('Service overview (Grafana)')).toBe('Grafana');
    expect(toolNamedByTitle('Status page')).toBeUndefined();
    expect(toolNamedByTitle('Dashboard')).toBeUndefined();
  });
});
