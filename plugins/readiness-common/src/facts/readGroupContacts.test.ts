import type { Entity } from '@backstage/catalog-model';
import { readGroupContacts } from './readGroupContacts';

function group(fields: {
  spec?: unknown;
  links?: unknown;
  annotations?: unknown;
}): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: {
      name: 'payments',
      links: fields.links,
      annotations: fields.annotations,
    },
    spec: fields.spec,
  } as unknown as Entity;
}

describe('readGroupContacts', () => {
  it('reads profile email, typed links and on-call annotations', () => {
    const contacts = readGroupContacts(
      group({
        spec: {
          type: 'team',
          profile: { displayName: 'Payments', email: 'payments@example.com' },
          children: [],
        },
        links: [
          {
            url: 'https://example.slack.com/archives/C024BE91L',
            title: '#payments',
            type: 'chat',
          },
          {
            url: 'https://teams.microsoft.com/l/channel/19%3a1234',
            title: 'Payments on Teams',
            type: 'teams',
          },
          {
            url: 'https://example.pagerduty.com/schedules/P1234',
            title: 'Payments on-call',
            type: 'oncall',
          },
          {
            url: 'https://grafana.example.com/d/payments',
            title: 'Dashboard',
            type: 'dashboard',
          },
          {
            url: 'https://jira.example.com/projects/PAY',
            title: 'Ask us',
            type: 'support',
          },
        ],
        annotations: {
          'pagerduty.com/service-id': 'PABC123',
          'pagerduty.com/integration-key': 'secret-routing-key',
          'opsgenie.com/team': 'payments',
        },
      }),
    );
    expect(contacts).toEqual([
      {
        type: 'email',
        label: 'payments@example.com',
        url: 'mailto:payments@example.com',
      },
      {
        type: 'chat',
        label: '#payments',
        url: 'https://example.slack.com/archives/C024BE91L',
      },
      {
        type: 'chat',
        label: 'Payments on Teams',
        url: 'https://teams.microsoft.com/l/channel/19%3a1234',
      },
      {
        type: 'oncall',
        label: 'Payments on-call',
        url: 'https://example.pagerduty.com/schedules/P1234',
      },
      {
        type: 'url',
        label: 'Ask us',
        url: 'https://jira.example.com/projects/PAY',
      },
      { type: 'oncall', label: 'PagerDuty service PABC123' },
      { type: 'oncall', label: 'PagerDuty integration' },
      { type: 'oncall', label: 'Opsgenie team payments' },
    ]);
    expect(JSON.stringify(contacts)).not.toContain('secret-routing-key');
  });

  it('recognises untyped links by scheme, host, title and icon', () => {
    const contacts = readGroupContacts(
      group({
        links: [
          {
            url: 'mailto:orders-team@example.com?subject=Hi',
            title: 'Mail us',
          },
          { url: 'https://example.slack.com/channels/orders' },
          { url: 'https://chat.example.com/orders', title: 'Slack' },
          { url: 'https://im.example.com/r/orders', title: '#orders' },
          { url: 'https://im2.example.com/r/orders', icon: 'chat' },
          { url: 'https://example.app.opsgenie.com/teams/orders' },
          { url: 'https://wiki.example.com/orders', title: 'Team wiki' },
        ],
      }),
    );
    expect(contacts.map(c => [c.type, c.label])).toEqual([
      ['email', 'orders-team@example.com'],
      ['chat', 'example.slack.com/channels/orders'],
      ['chat', 'Slack'],
      ['chat', '#orders'],
      ['chat', 'im2.example.com/r/orders'],
      ['oncall', 'example.app.opsgenie.com/teams/orders'],
    ]);
  });

  it('accepts a bare address in an email link and drops duplicates', () => {
    const contacts = readGroupContacts(
      group({
        spec: { profile: { email: 'team@example.com' } },
        links: [
          { url: 'team@example.com', type: 'email' },
          { url: 'mailto:TEAM@example.com', type: 'email' },
          { url: 'mailto:other@example.com', type: 'email' },
        ],
      }),
    );
    expect(contacts).toEqual([
      {
        type: 'email',
        label: 'team@example.com',
        url: 'mailto:team@example.com',
      },
      {
        type: 'email',
        label: 'other@example.com',
        url: 'mailto:other@example.com',
      },
    ]);
  });

  it('refuses unsafe URLs and invalid emails', () => {
    const contacts = readGroupContacts(
      group({
        spec: { profile: { email: 'not an email' } },
        links: [
          // eslint-disable-next-line no-script-url
          { url: 'javascript:alert(1)', title: 'Slack', type: 'chat' },
          { url: 'ftp://files.example.com', type: 'chat' },
          { url: 'not a url', type: 'chat' },
          { url: 'mailto:nobody', type: 'email' },
        ],
      }),
    );
    expect(contacts).toEqual([]);
  });

  it.each([
    ['no spec or links', group({})],
    ['a non-object spec', group({ spec: 'team' })],
    ['a non-object profile', group({ spec: { profile: ['x'] } })],
    ['a non-string email', group({ spec: { profile: { email: 42 } } })],
    ['links that are not an array', group({ links: { url: 'x' } })],
    [
      'links of the wrong shape',
      group({ links: [null, 'https://x', 7, { title: 'no url' }, { url: 5 }] }),
    ],
    ['annotations that are not an object', group({ annotations: 'x' })],
    [
      'empty annotation values',
      group({ annotations: { 'pagerduty.com/service-id': '  ' } }),
    ],
    [
      'an entity without metadata',
      { apiVersion: 'v1', kind: 'Group' } as unknown as Entity,
    ],
  ])('tolerates %s', (_title, entity) => {
    expect(readGroupContacts(entity)).toEqual([]);
  });

  it('reads a User entity the same way', () => {
    const user = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: { name: 'jdoe' },
      spec: { profile: { email: 'jdoe@example.com' }, memberOf: ['payments'] },
    } as Entity;
    expect(readGroupContacts(user)).toEqual([
      {
        type: 'email',
        label: 'jdoe@example.com',
        url: 'mailto:jdoe@example.com',
      },
    ]);
  });
});
