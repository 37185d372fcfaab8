/* eslint-disable no-script-url -- an unsafe contact URL is the test data here */
import type {
  CodeRule,
  DependencyFact,
  FactDocument,
} from '@prodready/plugin-readiness-common';
import { dependencyRiskCheck } from './dependencyRiskCheck';

const rule = dependencyRiskCheck({ level: 'silver' }).rule as CodeRule;

function facts(dependencies: DependencyFact[] | undefined): FactDocument {
  return {
    entityRef: 'component:default/checkout',
    namespaces: {
      dependencies: dependencies
        ? { status: 'ok', data: { dependencies } }
        : undefined,
    },
  } as FactDocument;
}

const dbTeam = {
  ref: 'group:default/db-team',
  displayName: 'DB Team',
  contacts: [
    {
      type: 'chat' as const,
      label: '#db-team',
      url: 'https://chat.example.com/db',
    },
  ],
};

const weakDb: DependencyFact = {
  ref: 'component:default/payments-db',
  relation: 'dependsOn',
  scored: true,
  title: 'payments-db',
  level: 'bronze',
  levelTitle: 'Bronze',
  score: 40,
  owner: dbTeam,
  requiredLevel: 'silver',
  meetsRequired: false,
};

const strongApi: DependencyFact = {
  ref: 'api:default/fraud',
  relation: 'consumesApi',
  scored: true,
  level: 'gold',
  levelTitle: 'Gold',
  score: 95,
  requiredLevel: 'silver',
  meetsRequired: true,
};

const unscored: DependencyFact = {
  ref: 'resource:default/bucket',
  relation: 'dependsOn',
  scored: false,
  requiredLevel: 'silver',
  meetsRequired: true,
};

describe('dependencyRiskCheck', () => {
  it('fails naming the weak dependency, its level and whom to talk to, and lists every dependency as evidence', () => {
    const outcome = rule(facts([strongApi, weakDb, unscored]));
    expect(outcome).toMatchObject({
      state: 'fail',
      reason:
        'Depends on payments-db (Bronze, owner DB Team, #db-team), below the silver level its dependencies must reach',
    });
    if (outcome.state !== 'fail') throw new Error('expected a fail');
    expect(outcome.evidence?.map(e => e.label)).toEqual([
      'depends on component:default/payments-db',
      'consumes api:default/fraud',
      'depends on resource:default/bucket',
    ]);
    expect(outcome.evidence?.[0]).toMatchObject({
      kind: 'relation',
      value: 'Bronze; owner DB Team, #db-team',
      url: 'https://chat.example.com/db',
    });
    expect(outcome.evidence?.[2].value).toBe('not scored; owner unknown');
  });

  it('counts the rest of the weak dependencies in the reason', () => {
    const outcome = rule(
      facts([
        weakDb,
        { ...weakDb, ref: 'component:default/queue', title: 'queue' },
      ]),
    );
    expect(outcome.state).toBe('fail');
    expect(outcome.reason).toContain('and 1 more');
  });

  it('passes when every scored dependency reaches the level, saying what was not judged', () => {
    expect(rule(facts([strongApi, unscored]))).toMatchObject({
      state: 'pass',
      reason:
        'Its 1 scored dependency reaches silver (1 not scored, not judged)',
    });
  });

  it('judges nothing, without holding back a level, when no dependency is scored yet', () => {
    expect(rule(facts([unscored]))).toEqual({
      state: 'not-applicable',
      reason:
        'None of its 1 dependencies is scored (yet), so none can be judged',
    });
  });

  it('does not apply to an entity without dependencies', () => {
    expect(rule(facts([])).state).toBe('not-applicable');
  });

  it('refuses unsafe contact links as evidence URLs', () => {
    const outcome = rule(
      facts([
        {
          ...weakDb,
          owner: {
            ...dbTeam,
            contacts: [
              { type: 'chat', label: '#db', url: 'javascript:alert(1)' },
            ],
          },
        },
      ]),
    );
    if (outcome.state !== 'fail') throw new Error('expected a fail');
    expect(outcome.evidence?.[0].url).toBeUndefined();
  });
});
