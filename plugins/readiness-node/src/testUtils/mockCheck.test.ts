import {
  compileCheckPack,
  createCheckPack,
  evaluateEntity,
} from '@prodready/plugin-readiness-common';
import { FactDocumentBuilder } from './FactDocumentBuilder';
import { mockCheck } from './mockCheck';
import { mockComponent } from './mockComponent';

describe('mockCheck', () => {
  const facts = new FactDocumentBuilder(mockComponent()).build();

  it('is a valid check that passes by default and records its calls', () => {
    const check = mockCheck();
    const card = evaluateEntity(
      compileCheckPack(createCheckPack({ checks: [check] })),
      facts,
    );
    expect(card.results).toEqual([
      {
        checkId: 'test.mock-check',
        state: 'pass',
        reason: 'test.mock-check passes',
        evidence: [],
      },
    ]);
    expect(check.calls).toEqual([facts]);
  });

  it('returns the given outcome, fixed or computed', () => {
    const fixed = mockCheck({
      id: 'security.scanned',
      level: 'silver',
      outcome: { state: 'unknown', reason: 'scanner down' },
    });
    const computed = mockCheck({
      id: 'security.named',
      outcome: f => ({
        state: f.entityRef.endsWith('test-service') ? 'fail' : 'pass',
      }),
    });
    const card = evaluateEntity(
      compileCheckPack(createCheckPack({ checks: [fixed, computed] })),
      facts,
    );
    expect(card.results.map(r => [r.checkId, r.state, r.reason])).toEqual([
      ['security.scanned', 'unknown', 'scanner down'],
      ['security.named', 'fail', 'security.named fails'],
    ]);
    expect(fixed.category).toBe('security');
  });

  it('takes a declarative rule instead', () => {
    const check = mockCheck({ rule: { tag: 'java' } });
    const card = evaluateEntity(
      compileCheckPack(createCheckPack({ checks: [check] })),
      facts,
    );
    expect(card.results[0].state).toBe('fail');
    expect(check.calls).toEqual([]);
  });
});
