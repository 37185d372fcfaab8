import { renderInTestApp } from '@backstage/test-utils';
import { fireEvent, screen, within } from '@testing-library/react';
import { checkPack, checkoutScorecard } from '../../__testUtils__/fixtures';
import { ReadinessHistory } from './ReadinessHistory';

describe('ReadinessHistory', () => {
  it('lists changes newest first with check titles and states', async () => {
    await renderInTestApp(
      <ReadinessHistory
        checks={checkPack.checks}
        events={[
          { checkId: 'delivery.ci', to: 'fail', at: '2025-04-01T10:00:00Z' },
          {
            checkId: 'delivery.ci',
            from: 'fail',
            to: 'pass',
            at: '2025-04-15T10:00:00Z',
          },
        ]}
      />,
    );
    const rows = screen.getAllByRole('row').slice(1);
    expect(within(rows[0]).getByText('CI configured')).toBeInTheDocument();
    expect(within(rows[0]).getByText('Fail')).toBeInTheDocument();
    expect(within(rows[0]).getByText('Pass')).toBeInTheDocument();
    expect(within(rows[1]).getByText('First scored')).toBeInTheDocument();
  });

  it('shows the first events and the rest on demand', async () => {
    const events = Array.from({ length: 4 }, (_, i) => ({
      checkId: `x.c${i}`,
      to: 'pass' as const,
      at: `2025-04-0${i + 1}T10:00:00Z`,
    }));
    await renderInTestApp(
      <ReadinessHistory events={events} initialCount={2} />,
    );
    expect(screen.getAllByRole('row')).toHaveLength(3);
    fireEvent.click(screen.getByRole('button', { name: 'Show all 4 changes' }));
    expect(screen.getAllByRole('row')).toHaveLength(5);
  });

  it('says who exempted a check and why, and why a check changed', async () => {
    await renderInTestApp(
      <ReadinessHistory
        checks={checkPack.checks}
        events={checkoutScorecard.history}
        results={checkoutScorecard.results}
      />,
    );
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent(
      'Exempted by user:default/alice: The runbook lives in the shop system',
    );
    expect(rows[1]).toHaveTextContent('A CI workflow was found');
  });

  it('says when nothing changed yet', async () => {
    await renderInTestApp(<ReadinessHistory events={[]} />);
    expect(screen.getByText('No changes recorded yet.')).toBeInTheDocument();
  });
});
