import { buildReadinessDocument } from './buildReadinessDocument';
import { testEntities, testPack } from '../__testUtils__/fixtures';

const template = '/catalog/:namespace/:kind/:name/readiness';

describe('buildReadinessDocument', () => {
  it('names an unknown failing check by its id rather than dropping it', () => {
    const document = buildReadinessDocument({
      entity: testEntities[1].summary,
      failingCheckIds: ['monitoring.dashboard', 'custom.sbom'],
      pack: testPack,
      locationTemplate: template,
    });

    expect(document.failingChecks).toEqual([
      'monitoring.dashboard',
      'custom.sbom',
    ]);
    expect(document.text).toBe(
      'Missing: dashboard linked, custom.sbom. Owner: team-payments. System: shop. Level: Bronze, score 75.',
    );
    expect(document.categories).toEqual(['category:monitoring']);
  });

  it('gives every check of the pack its own field, filled with the words of a failing one and whose gap it is', () => {
    const document = buildReadinessDocument({
      entity: testEntities[0].summary,
      failingCheckIds: ['runbook.linked', 'delivery.rollback'],
      pack: { ...testPack, checks: [...testPack.checks] },
      locationTemplate: template,
    });

    expect(document.gap_delivery_rollback).toBe(
      'rollback documented or automated; rollback; roll back; revert; Payments API; team-payments; shop',
    );
    // A check without synonyms still has its title; passing checks are empty.
    expect(document.gap_runbook_linked).toBe(
      'runbook linked; Payments API; team-payments; shop',
    );
    expect(document.gap_monitoring_dashboard).toBe('');
    expect(document.gap_ownership_contact).toBe('');
    // The same fields in every document, as the Lunr engine needs.
    const passing = buildReadinessDocument({
      entity: testEntities[2].summary,
      failingCheckIds: [],
      pack: testPack,
      locationTemplate: template,
    });
    expect(
      Object.keys(passing)
        .filter(k => k.startsWith('gap_'))
        .sort(),
    ).toEqual(
      Object.keys(document)
        .filter(k => k.startsWith('gap_'))
        .sort(),
    );
  });

  it('fills the location template with the encoded, lower-cased ref parts', () => {
    const document = buildReadinessDocument({
      entity: {
        ...testEntities[0].summary,
        kind: 'API',
        namespace: 'Payments',
        name: 'Card Tokens',
        owner: undefined,
        system: undefined,
      },
      failingCheckIds: [],
      pack: testPack,
      locationTemplate: '/x/:kind/:namespace/:name',
    });

    expect(document.location).toBe('/x/api/payments/card%20tokens');
    expect(document.owner).toBe('');
    expect(document.text).toBe(
      'Every applicable readiness check passes. Level: Below Bronze, score 50.',
    );
  });

  it('names the checks passed on declared evidence only, so that such claims can be found', () => {
    const document = buildReadinessDocument({
      entity: testEntities[1].summary,
      failingCheckIds: [],
      declaredOnlyCheckIds: ['monitoring.dashboard', 'custom.sbom'],
      pack: testPack,
      locationTemplate: template,
    });

    expect(document.declaredOnlyChecks).toEqual([
      'monitoring.dashboard',
      'custom.sbom',
    ]);
    expect(document.text).toBe(
      'Every applicable readiness check passes. Passes on declared evidence only, nothing observed: dashboard linked, custom.sbom. Owner: team-payments. System: shop. Level: Bronze, score 75.',
    );
    expect(document.failingChecks).toEqual([]);
  });
});
