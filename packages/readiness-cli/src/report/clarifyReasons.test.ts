import type { Entity } from '@backstage/catalog-model';
import type { EntityScorecard } from '@prodready/plugin-readiness-common';
import { clarifyReasons } from './clarifyReasons';

function entity(metadata: Entity['metadata'], lifecycle?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata,
    spec: lifecycle ? { lifecycle } : {},
  };
}

const scorecard: EntityScorecard = {
  entityRef: 'component:default/a',
  score: 0,
  blockingCheckIds: [],
  categories: [],
  evaluatedAt: '2026-01-01T00:00:00.000Z',
  results: [
    {
      checkId: 'ownership.tier',
      state: 'fail',
      reason: 'No tier (annotation, label or tier-N tag) or no spec.lifecycle',
      evidence: [],
    },
    { checkId: 'delivery.ci', state: 'fail', reason: 'No CI', evidence: [] },
  ],
};

describe('clarifyReasons', () => {
  it.each([
    [
      'neither',
      entity({ name: 'a' }),
      'No tier (annotation, label or tier-N tag) and no spec.lifecycle',
    ],
    [
      'no tier',
      entity({ name: 'a' }, 'production'),
      'No tier (annotation, label or tier-N tag); spec.lifecycle is production',
    ],
    [
      'no lifecycle',
      entity({ name: 'a', tags: ['tier-1'] }),
      'No spec.lifecycle; the tier is tier-1',
    ],
  ])('says which is missing: %s', (_what, e, reason) => {
    const [tier, ci] = clarifyReasons(e, scorecard).results;
    expect(tier.reason).toBe(reason);
    expect(ci.reason).toBe('No CI');
  });
});
