import {
  compileCheckPack,
  createCheckPack,
  defaultLevels,
  evaluateEntity,
  type FactDocument,
} from '@prodready/plugin-readiness-common';
import type { PartFact } from './PartsFactProvider';
import { rollupChecks } from './rollupChecks';

const pack = compileCheckPack(
  createCheckPack({ checks: rollupChecks(defaultLevels) }),
);

function part(ref: string, level?: string): PartFact {
  const rank = { bronze: 1, silver: 2, gold: 3 }[level ?? ''] ?? 0;
  return {
    ref,
    scored: true,
    level,
    levelTitle: level ? level[0].toUpperCase() + level.slice(1) : undefined,
    levelRank: rank,
    levelApplicable: true,
  };
}

function system(parts: PartFact[]) {
  const facts: FactDocument = {
    entityRef: 'system:default/payments',
    namespaces: {
      entity: {
        status: 'ok',
        data: {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'System',
          metadata: { name: 'payments' },
          spec: { owner: 'payments' },
        },
      },
      parts: { status: 'ok', data: { parts } },
    },
  };
  return evaluateEntity(pack, facts);
}

describe('rollupChecks', () => {
  it('gives a System the level its weakest component reaches', () => {
    const card = system([
      part('component:default/api', 'gold'),
      part('component:default/worker', 'silver'),
      {
        ref: 'component:default/new',
        scored: false,
        levelRank: 0,
        levelApplicable: true,
      },
    ]);
    expect(card.levelApplicable).not.toBe(false);
    expect(card.level).toBe('silver');
    const gold = card.results.find(r => r.checkId === 'rollup.parts-gold')!;
    expect(gold.state).toBe('fail');
    expect(gold.reason).toBe(
      '1 of its 2 parts is below Gold: component:default/worker (Silver) (1 not scored or without a level, not judged)',
    );
    expect(gold.evidence[0]).toEqual({
      kind: 'relation',
      label: 'has part component:default/worker',
      value: 'Silver',
      strength: 'observed',
    });
    const silver = card.results.find(r => r.checkId === 'rollup.parts-silver')!;
    expect(silver.state).toBe('pass');
  });

  it('gives no level to a System none of whose parts has a level yet, and says why', () => {
    const card = system([
      {
        ref: 'component:default/new',
        scored: false,
        levelRank: 0,
        levelApplicable: true,
      },
    ]);
    expect(card.results.map(r => r.state)).toEqual([
      'not-applicable',
      'not-applicable',
      'not-applicable',
    ]);
    expect(card.results[0].reason).toContain(
      'None of its 1 parts has a level yet',
    );
    expect(card.levelApplicable).toBe(false);
  });

  it('fails every level when a component reaches none', () => {
    const card = system([part('component:default/api')]);
    expect(card.level).toBeUndefined();
    expect(card.results[0].reason).toBe(
      '1 of its 1 parts is below Bronze: component:default/api (below the lowest level)',
    );
  });

  it('does not apply to components', () => {
    const card = evaluateEntity(pack, {
      entityRef: 'component:default/api',
      namespaces: {
        entity: {
          status: 'ok',
          data: { kind: 'Component', metadata: { name: 'api' }, spec: {} },
        },
      },
    });
    expect(card.results.every(r => r.state === 'not-applicable')).toBe(true);
  });
});
