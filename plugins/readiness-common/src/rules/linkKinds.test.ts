import {
  classifyEntityLink,
  LINK_KINDS,
  linkKindsOfType,
  normalizeLinkType,
} from './linkKinds';

describe('classifyEntityLink', () => {
  it.each([
    // link, kinds, by
    [{ url: 'u', type: 'dashboard' }, ['dashboard'], 'type'],
    [{ url: 'u', type: 'Logs' }, ['logs'], 'type'],
    [{ url: 'u', type: ' RUNBOOK ' }, ['runbook'], 'type'],
    [{ url: 'u', type: 'oncall' }, ['alerts'], 'type'],
    [{ url: 'u', type: 'on call' }, ['alerts'], 'type'],
    [{ url: 'u', type: 'probe' }, ['synthetics'], 'type'],
    [{ url: 'u', type: 'slack' }, ['chat'], 'type'],
    [{ url: 'u', type: 'ci-cd' }, ['ci', 'deploy'], 'type'],
    [{ url: 'u', type: 'post-mortem' }, ['postmortems'], 'type'],
    [{ url: 'u', title: 'Runbook' }, ['runbook'], 'title'],
    [{ url: 'u', title: 'On-call playbook' }, ['runbook'], 'title'],
    [{ url: 'u', title: 'Grafana dashboard' }, ['dashboard'], 'title'],
    [{ url: 'u', title: 'Kibana logs' }, ['logs'], 'title'],
    [{ url: 'u', title: 'Sentry' }, ['errors'], 'title'],
    [{ url: 'u', title: 'Jaeger traces' }, ['traces'], 'title'],
    [{ url: 'u', title: 'PagerDuty on-call rotation' }, ['alerts'], 'title'],
    [{ url: 'u', title: 'Rollback procedure' }, ['rollback'], 'title'],
    [{ url: 'u', title: 'Incident history' }, ['postmortems'], 'title'],
    [{ url: 'u', title: 'Error budget' }, ['slo'], 'title'],
    [{ url: 'u', title: 'Pingdom uptime' }, ['synthetics'], 'title'],
    [{ url: 'u', title: 'CI' }, ['ci'], 'title'],
    [{ url: 'u', icon: 'dashboard' }, ['dashboard'], 'icon'],
    [
      { url: 'https://acme.pagerduty.com/service-directory/P1' },
      ['alerts'],
      'url',
    ],
    [{ url: 'https://sentry.io/organizations/acme/' }, ['errors'], 'url'],
    // an unknown type: inferred kinds plus the literal type
    [
      { url: 'u', type: 'docs', title: 'Runbook' },
      ['runbook', 'docs'],
      'title',
    ],
    [{ url: 'u', type: 'website' }, ['website'], 'type'],
    // a known type wins over the title
    [
      { url: 'u', type: 'dashboard', title: 'Logs dashboard' },
      ['dashboard'],
      'type',
    ],
    // whole words only: "specification" is not "ci", "catalog" is not "log"
    [{ url: 'u', title: 'API specification catalog' }, [], 'none'],
    [{ url: 'u' }, [], 'none'],
  ])('%j → %j by %s', (link, kinds, by) => {
    const result = classifyEntityLink(link);
    expect(result.kinds).toEqual(kinds);
    expect(result.by).toBe(by);
  });

  it('never throws on malformed links', () => {
    for (const link of [
      {},
      { type: 42, title: null, icon: [], url: {} },
      { title: 'x'.repeat(100_000) },
    ] as Array<Record<string, unknown>>) {
      expect(() => classifyEntityLink(link)).not.toThrow();
    }
  });
});

describe('link types', () => {
  it('normalises types', () => {
    expect(normalizeLinkType(' On_Call ')).toBe('on-call');
    expect(linkKindsOfType('OnCall')).toEqual(['alerts']);
    expect(linkKindsOfType('my-custom')).toEqual(['my-custom']);
  });

  it('covers every link type the design lists', () => {
    for (const type of [
      'dashboard',
      'logs',
      'errors',
      'traces',
      'runbook',
      'alerts',
      'slo',
      'synthetics',
      'probe',
      'ci',
      'deploy',
      'rollback',
      'postmortems',
      'chat',
      'slack',
      'email',
    ]) {
      expect(linkKindsOfType(type).every(kind => kind in LINK_KINDS)).toBe(
        true,
      );
    }
  });
});
