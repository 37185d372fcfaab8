import {
  createTestFacts,
  testComponent,
} from '../engine/__testUtils__/createTestFacts';
import { compileCheckPack } from '../engine/compileCheckPack';
import { evaluateEntity } from '../engine/evaluateEntity';
import { createCheckPack } from '../pack/CheckPack';
import type { OwnerFacts } from '../types';
import { buildOwnerFacts } from './buildOwnerFacts';
import { countOwnedEntities, judgeOwnerShare } from './judgeOwnerShare';

function owned(owner: string, count: number) {
  return Array.from({ length: count }, (_, i) =>
    testComponent({
      name: `${owner.replace(/\W/g, '-')}-${i}`,
      spec: { owner },
    }),
  );
}

const catalog = [
  ...owned('group:x/unspecified', 91),
  ...owned('team-a', 20),
  ...Array.from({ length: 9 }, (_, i) =>
    testComponent({ kind: 'API', name: `api-${i}`, spec: { owner: 'team-b' } }),
  ),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'g' },
  },
];

const pack = compileCheckPack(createCheckPack());

function ownerResult(owner: OwnerFacts) {
  const card = evaluateEntity(
    pack,
    createTestFacts({ entity: testComponent(), owner }),
  );
  return card.results.find(r => r.checkId === 'ownership.owner-resolves')!;
}

describe('countOwnedEntities', () => {
  it('counts owners of the owned kinds over the whole catalog', () => {
    const counts = countOwnedEntities(catalog as never[]);
    expect(counts.total).toBe(120);
    expect(counts.byOwner.get('group:x/unspecified')).toBe(91);
    expect(counts.byOwner.get('group:default/team-a')).toBe(20);
    expect(counts.byOwner.get('group:default/team-b')).toBe(9);
  });

  it('skips what is not an entity', () => {
    expect(countOwnedEntities([null, 'x', {}] as unknown as []).total).toBe(0);
  });
});

describe('judgeOwnerShare', () => {
  const counts = countOwnedEntities(catalog as never[]);

  it('finds an implausible share only above both thresholds', () => {
    expect(judgeOwnerShare('group:x/unspecified', counts)).toEqual({
      owned: 91,
      total: 120,
      implausible: true,
    });
    // 20 entities but 17 %: below the default share of a quarter.
    expect(judgeOwnerShare('group:default/team-a', counts)?.implausible).toBe(
      false,
    );
    expect(
      judgeOwnerShare('group:default/team-a', counts, {
        maxOwnerShare: 0.1,
        minOwnedEntities: 5,
      })?.implausible,
    ).toBe(true);
    // A large share of a small catalog is not judged.
    expect(
      judgeOwnerShare('group:default/b', {
        total: 10,
        byOwner: new Map([['group:default/b', 9]]),
      })?.implausible,
    ).toBe(false);
    expect(judgeOwnerShare(undefined, counts)).toBeUndefined();
    expect(judgeOwnerShare('group:default/a', undefined)).toBeUndefined();
  });

  it('makes the ownership check unknown with the reason when no contact is listed', () => {
    const ownerRef = 'group:default/platform';
    const share = { owned: 91, total: 120, implausible: true };
    const group = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'platform' },
      spec: { type: 'team', children: [] },
    };
    const result = ownerResult(
      buildOwnerFacts({ ownerRef, owner: group, share }),
    );
    expect(result.state).toBe('unknown');
    expect(result.reason).toContain(
      'group:default/platform owns 91 of 120 catalog entities (76 %) and lists no contact',
    );

    const reachable = ownerResult(
      buildOwnerFacts({
        ownerRef,
        owner: {
          ...group,
          spec: { ...group.spec, profile: { email: 'p@example.com' } },
        },
        share,
      }),
    );
    expect(reachable.state).toBe('pass');

    const plausible = ownerResult(
      buildOwnerFacts({
        ownerRef,
        owner: group,
        share: { ...share, implausible: false },
      }),
    );
    expect(plausible.state).toBe('pass');
  });

  it('tells the share beside a placeholder owner, which fails', () => {
    const result = ownerResult(
      buildOwnerFacts({
        ownerRef: 'group:x/unspecified',
        owner: {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Group',
          metadata: { name: 'unspecified', namespace: 'x' },
          spec: { type: 'team', children: [] },
        },
        share: { owned: 91, total: 120, implausible: true },
      }),
    );
    expect(result.state).toBe('fail');
    expect(result.reason).toContain('placeholder owner');
    expect(result.reason).toContain(
      'group:x/unspecified owns 91 of 120 catalog entities (76 %)',
    );
  });
});
