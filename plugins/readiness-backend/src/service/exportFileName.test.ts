import { exportFileName } from './exportFileName';

describe('exportFileName', () => {
  it('names the filters of the export', () => {
    expect(
      exportFileName(
        {
          failing: 'runbook.runbook',
          tier: ['tier-1'],
          owner: 'group:default/payments',
        },
        '2026-05-01',
        'csv',
      ),
    ).toBe(
      'readiness-failing-runbook.runbook-owner-payments-tier-tier-1-2026-05-01.csv',
    );
  });

  it('is plain without filters, and safe in a header whatever the values', () => {
    expect(exportFileName({ sort: 'name' }, '2026-05-01', 'json')).toBe(
      'readiness-2026-05-01.json',
    );
    expect(
      exportFileName({ text: 'a"b\r\n; c/../d' }, '2026-05-01', 'csv'),
    ).toMatch(/^[a-z0-9.-]+$/);
  });
});
