import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { checkPack } from '../../__testUtils__/fixtures';
import { LevelDistributionChart } from './LevelDistributionChart';

describe('LevelDistributionChart', () => {
  it('writes out the count and share of each level, lowest first', async () => {
    await renderInTestApp(
      <LevelDistributionChart
        counts={{ gold: 1, none: 2, bronze: 1, silver: 0, platinum: 4 }}
        levels={checkPack.levels}
      />,
    );
    const rows = within(
      screen.getByRole('table', { name: 'Entities per level' }),
    )
      .getAllByRole('row')
      .map(r => Array.from(r.children, c => c.textContent));
    expect(rows).toEqual([
      ['Below Bronze', '2', '25%'],
      ['Bronze', '1', '13%'],
      ['Silver', '0', '0%'],
      ['Gold', '1', '13%'],
      ['Platinum', '4', '50%'],
    ]);
  });

  it('says when nothing is scored', async () => {
    await renderInTestApp(<LevelDistributionChart counts={{}} />);
    expect(screen.getByText('No entity is scored yet.')).toBeInTheDocument();
  });
});
