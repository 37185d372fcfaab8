import type { Entity } from '@backstage/catalog-model';

function group(
  name: string,
  email: string,
  chat?: string,
  children: string[] = [],
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: {
      name,
      namespace: 'default',
      links: chat ? [{ url: chat, title: `#${name}`, type: 'chat' }] : [],
    },
    spec: {
      type: 'team',
      profile: { displayName: name.toUpperCase(), email },
      children,
    },
  };
}

function component(
  name: string,
  spec: Record<string, unknown>,
  metadata: Partial<Entity['metadata']> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', ...metadata },
    spec: { lifecycle: 'production', ...spec },
  };
}

/**
 * A small organisation for router and scoring tests: two teams, a system in
 * a domain, and components of mixed readiness. `payments-api` has a runbook
 * and logs, `checkout-web` has neither (so it can learn from team-a), and
 * `secret-svc` is the one a restricted user may not see. `engineering` owns
 * nothing itself and is team-a's parent.
 *
 * @internal
 */
export const testCatalog: Entity[] = [
  group('team-a', 'team-a@example.com', 'https://chat.example.com/team-a'),
  group('team-b', 'team-b@example.com'),
  group('engineering', 'engineering@example.com', undefined, ['team-a']),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'jane', namespace: 'default' },
    spec: {
      profile: { displayName: 'Jane', email: 'jane@example.com' },
      memberOf: ['team-a'],
    },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Domain',
    metadata: { name: 'money', namespace: 'default' },
    spec: { owner: 'team-a' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: 'pay', namespace: 'default' },
    spec: { owner: 'team-a', domain: 'money' },
  },
  component(
    'payments-api',
    { type: 'service', owner: 'team-a', system: 'pay' },
    {
      title: 'Payments API',
      tags: ['java'],
      annotations: { 'prodready.io/tier': '1' },
      links: [
        {
          url: 'https://wiki.example.com/runbooks/payments',
          title: 'Runbook',
          type: 'runbook',
        },
        {
          url: 'https://logs.example.com/payments',
          title: 'Logs',
          type: 'logs',
        },
      ],
    },
  ),
  component(
    'checkout-web',
    { type: 'website', owner: 'team-b', system: 'pay' },
    { tags: ['java'] },
  ),
  component(
    'secret-svc',
    { type: 'service', owner: 'team-a', system: 'pay' },
    {
      links: [
        {
          url: 'https://wiki.example.com/runbooks/secret',
          title: 'Runbook',
          type: 'runbook',
        },
      ],
    },
  ),
  component('ledger', { type: 'service', owner: 'team-b' }),
];

/**
 * The ref of the entity restricted users may not read.
 *
 * @internal
 */
export const HIDDEN_REF = 'component:default/secret-svc';

/**
 * A user for whom the catalog hides {@link HIDDEN_REF} and who holds no
 * readiness permission.
 *
 * @internal
 */
export const RESTRICTED_USER = 'user:default/restricted';

/**
 * A user for whom the catalog hides {@link HIDDEN_REF} too, but who holds
 * the readiness permissions.
 *
 * @internal
 */
export const LIMITED_USER = 'user:default/limited';
