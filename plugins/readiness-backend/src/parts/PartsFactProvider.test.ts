import type { Entity } from '@backstage/catalog-model';
import {
  createCheckPack,
  type EntitySummary,
} from '@prodready/plugin-readiness-common';
import { PackIndex } from '../pack/PackIndex';
import { PartsFactProvider } from './PartsFactProvider';

const pack = new PackIndex(createCheckPack());

function summary(
  entityRef: string,
  level: string | undefined,
  nextLevel: string | undefined,
): EntitySummary {
  const [kind, rest] = entityRef.split(':');
  const [namespace, name] = rest.split('/');
  return {
    entityRef,
    kind,
    namespace,
    name,
    level,
    nextLevel,
    score: 50,
    gaps: 1,
    evaluatedAt: '2026-12-01T00:00:00.000Z',
  };
}

const SUMMARIES = [
  summary('component:default/api', 'silver', 'gold'),
  summary('component:default/docs', undefined, undefined),
  summary('resource:default/db', undefined, 'bronze'),
];

const store = {
  listSummaries: jest.fn(async (refs: string[]) =>
    SUMMARIES.filter(s => refs.includes(s.entityRef)),
  ),
};

function entity(kind: string, parts: string[]): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name: 'payments', namespace: 'default' },
    spec: {},
    relations: parts.map(targetRef => ({ type: 'hasPart', targetRef })),
  };
}

describe('PartsFactProvider', () => {
  const provider = PartsFactProvider.create({ store, pack });

  it('lists a System’s components and resources with their stored levels', async () => {
    const facts = await provider.collect(
      entity('System', [
        'component:default/api',
        'component:default/docs',
        'resource:default/db',
        'component:default/new',
        'api:default/payments-api',
      ]),
    );
    expect(facts.parts).toEqual({
      status: 'ok',
      data: {
        parts: [
          {
            ref: 'component:default/api',
            scored: true,
            level: 'silver',
            levelTitle: 'Silver',
            levelRank: 2,
            levelApplicable: true,
          },
          {
            ref: 'component:default/docs',
            scored: true,
            levelRank: 0,
            levelApplicable: false,
          },
          {
            ref: 'component:default/new',
            scored: false,
            levelRank: 0,
            levelApplicable: true,
          },
          {
            ref: 'resource:default/db',
            scored: true,
            levelRank: 0,
            levelApplicable: true,
          },
        ],
      },
    });
  });

  it('gives other kinds no parts without reading the store', async () => {
    store.listSummaries.mockClear();
    const facts = await provider.collect(
      entity('Component', ['component:default/api']),
    );
    expect(facts.parts.data).toEqual({ parts: [] });
    expect(store.listSummaries).not.toHaveBeenCalled();
  });
});
