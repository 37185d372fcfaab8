import { defaultChecks } from './defaultChecks';
import { EVIDENCE_STRENGTH_RULE, explainCheck } from './explainCheck';

describe('explainCheck', () => {
  it('says what a check asks, why, how it is decided and how to pass it', () => {
    const runbook = defaultChecks.find(c => c.category === 'runbook')!;
    const explained = explainCheck(runbook);
    expect(explained).toMatchObject({
      id: runbook.id,
      level: runbook.level,
      whyItMatters: expect.stringMatching(/incident/),
      remediation: { markdown: runbook.remediation.markdown.trim() },
    });
    expect(explained.evidenceRules.startsWith(EVIDENCE_STRENGTH_RULE)).toBe(
      true,
    );
    expect(explained.evaluation).toContain(`Counts towards ${runbook.level}`);
  });

  it('names the facts a live check needs and the observed evidence it demands', () => {
    const live = defaultChecks.find(c => c.requires.includes('metrics'))!;
    expect(explainCheck(live).evaluation).toContain('metrics facts');
    expect(explainCheck(live).evidenceRules).not.toContain(
      'needs observed evidence',
    );
    expect(
      explainCheck({ ...live, minStrength: 'observed' }).evidenceRules,
    ).toContain('needs observed evidence');
  });

  it('says for every default check what counts and how strong it must be', () => {
    for (const check of defaultChecks) {
      const explained = explainCheck(check);
      expect([check.id, explained.evidenceRules]).toEqual([
        check.id,
        expect.stringContaining(EVIDENCE_STRENGTH_RULE),
      ]);
      expect([check.id, explained.remediation.markdown.length > 80]).toEqual([
        check.id,
        true,
      ]);
    }
    const owner = explainCheck(
      defaultChecks.find(c => c.id === 'ownership.owner-resolves')!,
    );
    expect(owner.remediation.markdown).toContain('placeholder name');
    expect(owner.remediation.markdown).toContain(
      'readiness.ownership.minOwnedEntities',
    );
  });
});
