import { formatEvidence, formatExemplar } from './formatExemplar';

describe('formatEvidence and formatExemplar', () => {
  it('prints the strength of evidence when present', () => {
    expect(
      formatEvidence({
        kind: 'annotation',
        label: 'pagerduty.com/service-id',
        value: 'P123',
        strength: 'declared',
      }),
    ).toBe('annotation pagerduty.com/service-id: P123 (declared)');
    expect(formatEvidence({ kind: 'file', label: 'docs/runbook.md' })).toBe(
      'file docs/runbook.md',
    );
  });

  it('names who passes, their owner and contacts, and how', () => {
    expect(
      formatExemplar(
        {
          entity: {
            entityRef: 'component:default/orders',
            kind: 'Component',
            namespace: 'default',
            name: 'orders',
            score: 90,
            gaps: 0,
            evaluatedAt: '2026-01-01T00:00:00.000Z',
          },
          owner: {
            ref: 'group:default/team-orders',
            contacts: [
              { type: 'chat', label: '#orders' },
              { type: 'email', label: 'orders@example.com' },
            ],
          },
          similarity: [],
          evidence: [
            { kind: 'file', label: 'docs/runbook.md', strength: 'observed' },
          ],
        },
        text => `\`${text}\``,
      ),
    ).toBe(
      'learn from `component:default/orders` (owner group:default/team-orders: #orders, orders@example.com): `file docs/runbook.md (observed)`',
    );
  });
});
