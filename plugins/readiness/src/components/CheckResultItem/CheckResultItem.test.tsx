import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import type { CheckInfo } from '@prodready/plugin-readiness-common';
import { CheckResultItem, type ScorecardResult } from './CheckResultItem';

const check: CheckInfo = {
  id: 'delivery.ci',
  title: 'CI builds and tests it',
  category: 'delivery',
  level: 'bronze',
  weight: 3,
  requires: ['entity'],
  minStrength: 'declared',
  remediation: { markdown: 'Add CI.' },
};

describe('CheckResultItem', () => {
  it('shows what a pass rests on, strongest first, with its strength', async () => {
    const result: ScorecardResult = {
      checkId: 'delivery.ci',
      state: 'pass',
      reason: 'CI is configured',
      check,
      evidence: [
        {
          kind: 'annotation',
          label: 'buildkite.com/pipeline-slug',
          value: 'acme/payments',
          strength: 'declared',
        },
        { kind: 'file', label: 'Jenkinsfile', strength: 'observed' },
      ],
    };
    await renderInTestApp(<CheckResultItem result={result} defaultExpanded />);
    expect(screen.getByTestId('evidence-rests-on')).toHaveTextContent(
      'on Jenkinsfile (observed)',
    );
    expect(screen.getByText('What made it pass')).toBeInTheDocument();
    expect(
      screen.getByTestId('evidence-strength-declared'),
    ).toBeInTheDocument();
  });

  it('says nothing rests on a failing check, and lists what was ignored', async () => {
    const result: ScorecardResult = {
      checkId: 'delivery.ci',
      state: 'fail',
      reason: 'No CI',
      check,
      evidence: [
        {
          kind: 'link',
          label: 'link "Builds"',
          value: 'ignored: only its title says CI',
          strength: 'hint',
        },
      ],
    };
    await renderInTestApp(<CheckResultItem result={result} defaultExpanded />);
    expect(screen.queryByTestId('evidence-rests-on')).toBeNull();
    expect(screen.getByText('Evidence')).toBeInTheDocument();
    expect(screen.getByTestId('evidence-strength-hint')).toBeInTheDocument();
  });

  it('marks an advisory check, which blocks no level', async () => {
    const result: ScorecardResult = {
      checkId: 'delivery.ci',
      state: 'fail',
      reason: 'No CI',
      check: { ...check, advisory: true },
      evidence: [],
    };
    await renderInTestApp(<CheckResultItem result={result} />);
    expect(screen.getByTestId('advisory-marker')).toHaveTextContent('Advisory');
  });

  it('shows no advisory marker on a counted check', async () => {
    const result: ScorecardResult = {
      checkId: 'delivery.ci',
      state: 'fail',
      reason: 'No CI',
      check,
      evidence: [],
    };
    await renderInTestApp(<CheckResultItem result={result} />);
    expect(screen.queryByTestId('advisory-marker')).toBeNull();
  });

  it('says which evidence the check needs at least', async () => {
    const result: ScorecardResult = {
      checkId: 'delivery.ci',
      state: 'fail',
      reason: 'No CI',
      check: { ...check, minStrength: 'observed' },
      evidence: [],
    };
    await renderInTestApp(<CheckResultItem result={result} defaultExpanded />);
    expect(screen.getByTestId('readiness-min-strength')).toHaveTextContent(
      'Passes on observed evidence only (a repository file, live series or alert rules); declared evidence alone does not count.',
    );
  });

  it('says a declared minimum in words too', async () => {
    const result: ScorecardResult = {
      checkId: 'delivery.ci',
      state: 'pass',
      reason: 'CI is configured',
      check,
      evidence: [],
    };
    await renderInTestApp(<CheckResultItem result={result} defaultExpanded />);
    expect(screen.getByTestId('readiness-min-strength')).toHaveTextContent(
      'Passes on declared or observed evidence; a title or an icon alone never counts.',
    );
  });
});
