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
      'Missing: dashboard linked (monitoring), custom.sbom. Owner: team-payments. System: shop. Level: Bronze, score 75.',
    );
    expect(document.categories).toEqual(['monitoring']);
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
      'Every applicable readiness check passes. Passes on declared evidence only, nothing observed: dashboard linked (monitoring), custom.sbom. Owner: team-payments. System: shop. Level: Bronze, score 75.',
    );
    expect(document.failingChecks).toEqual([]);
  });
});
