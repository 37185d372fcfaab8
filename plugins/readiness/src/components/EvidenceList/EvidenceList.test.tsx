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

  it('renders nothing without evidence', async () => {
    const { container } = await renderInTestApp(<EvidenceList evidence={[]} />);
    expect(container.querySelector('ul')).toBeNull();
  });
});
