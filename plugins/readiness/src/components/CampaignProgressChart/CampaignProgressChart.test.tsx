import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { CampaignProgressChart } from './CampaignProgressChart';

describe('CampaignProgressChart', () => {
  it('says when there is no history yet', async () => {
    await renderInTestApp(<CampaignProgressChart points={[]} />);
    expect(screen.getByText(/No history yet/)).toBeInTheDocument();
  });

  it('writes out a single day', async () => {
    await renderInTestApp(
      <CampaignProgressChart
        points={[{ date: '2025-04-01', entities: 4, done: 1 }]}
      />,
    );
    expect(
      screen.getByText('One day of history so far: 1/4 done on 2025-04-01.'),
    ).toBeInTheDocument();
  });

  it('writes out the change over the days it draws', async () => {
    await renderInTestApp(
      <CampaignProgressChart
        points={[
          { date: '2025-04-01', entities: 4, done: 1 },
          { date: '2025-04-02', entities: 5, done: 2 },
          { date: '2025-04-03', entities: 5, done: 4 },
        ]}
      />,
    );
    expect(
      screen.getByText('1/4 done on 2025-04-01 → 4/5 on 2025-04-03.'),
    ).toBeInTheDocument();
  });
});
