import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { ScoreSparkline } from './ScoreSparkline';

describe('ScoreSparkline', () => {
  it('writes out the change of score', async () => {
    await renderInTestApp(
      <ScoreSparkline
        points={[
          { date: '2025-04-01', score: 40.2, levels: {} },
          { date: '2025-05-01', score: 59.6, levels: {} },
        ]}
      />,
    );
    expect(screen.getByText(/Score 40 → 60 since/)).toBeInTheDocument();
  });

  it('says when there is not enough history', async () => {
    await renderInTestApp(
      <ScoreSparkline
        points={[{ date: '2025-04-01', score: 40, levels: {} }]}
      />,
    );
    expect(
      screen.getByText('Not enough history for a trend yet.'),
    ).toBeInTheDocument();
  });
});
