import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { EvidenceList } from './EvidenceList';

describe('EvidenceList', () => {
  it('shows each piece of evidence, linked where it has a URL', async () => {
    await renderInTestApp(
      <EvidenceList
        evidence={[
          {
            kind: 'annotation',
            label: 'pagerduty.com/service-id',
            value: 'PX123',
            url: 'https://pagerduty.example.com/PX123',
          },
          { kind: 'file', label: 'docs/runbook.md' },
        ]}
      />,
    );
    expect(
      screen.getByRole('link', { name: 'pagerduty.com/service-id' }),
    ).toHaveAttribute('href', 'https://pagerduty.example.com/PX123');
    expect(screen.getByText('PX123')).toBeInTheDocument();
    expect(screen.getByText('docs/runbook.md')).toBeInTheDocument();
    expect(screen.getByText('annotation')).toBeInTheDocument();
  });

  it('shows the strength of each piece of evidence as a chip', async () => {
    await renderInTestApp(
      <EvidenceList
        evidence={[
          { kind: 'file', label: 'Jenkinsfile', strength: 'observed' },
          {
            kind: 'annotation',
            label: 'buildkite.com/pipeline-slug',
            value: 'acme/payments',
            strength: 'declared',
          },
          {
            kind: 'link',
            label: 'link "JIRA Board"',
            value: 'ignored: Jira is an issue tracker, not a dashboard',
            strength: 'hint',
          },
          { kind: 'tag', label: 'tier-1' },
        ]}
      />,
    );
    expect(screen.getByTestId('evidence-strength-observed')).toHaveTextContent(
      'observed',
    );
    expect(screen.getByTestId('evidence-strength-declared')).toHaveTextContent(
      'declared',
    );
    expect(screen.getByTestId('evidence-strength-hint')).toHaveAttribute(
      'title',
      expect.stringContaining('never passes'),
    );
    expect(
      screen.getByText('ignored: Jira is an issue tracker, not a dashboard'),
    ).toBeInTheDocument();
    expect(screen.getAllByRole('listitem')).toHaveLength(4);
    expect(screen.queryAllByTestId(/evidence-strength-/)).toHaveLength(3);
  });

  it('renders nothing without evidence', async () => {
    const { container } = await renderInTestApp(<EvidenceList evidence={[]} />);
    expect(container.querySelector('ul')).toBeNull();
  });
});
