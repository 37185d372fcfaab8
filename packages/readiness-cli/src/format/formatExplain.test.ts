import { defaultChecks } from '@prodready/plugin-readiness-common';
import { formatExplain } from './formatExplain';

describe('formatExplain', () => {
  const ci = defaultChecks.find(check => check.id === 'delivery.ci')!;

  it('says the minimum evidence strength of a check that needs observed evidence', () => {
    expect(formatExplain({ ...ci, minStrength: 'observed' })).toContain(
      'Minimum evidence strength: observed. Passes on observed evidence only (a repository file, live series or alert rules); declared evidence alone does not count.',
    );
  });

  it('says declared for a check that sets no minimum', () => {
    expect(formatExplain(ci)).toContain('Minimum evidence strength: declared.');
  });
});
