import { collateWithFakeBackend as collate } from './__testUtils__/collateWithFakeBackend';
import { testEntities } from './__testUtils__/fixtures';

describe('searchModuleReadinessCollator', () => {
  it('indexes one document per scored entity, reading failing checks per entity', async () => {
    const { documents, calls, factory } = await collate({
      supportsIncludeFailing: false,
    });

    expect(factory.type).toBe('readiness');
    expect(factory.visibilityPermission?.name).toBe('catalog.entity.read');
    expect(documents.map(d => d.entityRef)).toEqual(
      testEntities.map(e => e.summary.entityRef),
    );

    const paymentsApi = documents[0];
    expect(paymentsApi).toMatchObject({
      title: 'Payments API readiness: Below Bronze',
      location: '/catalog/default/component/payments-api/readiness',
      level: '',
      score: 50,
      owner: 'group:default/team-payments',
      failingChecks: ['runbook.linked', 'delivery.rollback'],
      failingCheckTitles: [
        'Runbook linked',
        'Rollback documented or automated',
      ],
      categories: ['category:runbook', 'category:delivery'],
      authorization: { resourceRef: 'component:default/payments-api' },
    });
    expect(paymentsApi.text).toBe(
      'Missing: runbook linked, rollback documented or automated. Owner: team-payments. System: shop. Level: Below Bronze, score 50.',
    );
    expect(documents[2]).toMatchObject({
      title: 'checkout readiness: Silver',
      level: 'silver',
      failingChecks: [],
      categories: [],
    });
    expect(documents[2].text).toContain(
      'Every applicable readiness check passes.',
    );

    // The search plugin called as itself; include=failing was refused once,
    // then scorecards were read only for entities with gaps.
    expect(new Set(calls.callers)).toEqual(new Set(['plugin:search']));
    expect(calls.paths.filter(p => p.startsWith('/search'))).toEqual([
      '/search?limit=500&include=failing&include=declaredOnly',
      '/search?limit=500',
      '/search?cursor=2&limit=500',
      '/search?cursor=4&limit=500',
    ]);
    expect(calls.paths.filter(p => p.startsWith('/entities')).sort()).toEqual([
      '/entities/component/default/ledger',
      '/entities/component/default/payments-api',
      '/entities/component/default/payments-web',
      '/entities/component/default/search-api',
    ]);
  });

  it('uses the failing check ids of /search when the backend includes them', async () => {
    const { documents, calls } = await collate({
      supportsIncludeFailing: true,
    });

    expect(calls.paths.some(p => p.startsWith('/entities'))).toBe(false);
    expect(documents.map(d => d.failingChecks)).toEqual(
      testEntities.map(e => e.failing),
    );
    expect(documents.map(d => d.declaredOnlyChecks)).toEqual(
      testEntities.map(e => e.declaredOnly ?? []),
    );
    expect(documents[2].text).toContain(
      'Passes on declared evidence only, nothing observed: runbook linked.',
    );
  });

  it('leaves out an entity that is no longer scored', async () => {
    const { documents } = await collate({
      supportsIncludeFailing: false,
      vanished: ['component:default/ledger'],
    });

    expect(documents.map(d => d.name)).toEqual([
      'payments-api',
      'payments-web',
      'checkout',
      'search-api',
    ]);
  });

  it('fails the run on a server error, so the previous index is kept', async () => {
    await expect(
      collate({
        supportsIncludeFailing: false,
        broken: ['component:default/search-api'],
      }),
    ).rejects.toThrow(/500/);
  });
});
