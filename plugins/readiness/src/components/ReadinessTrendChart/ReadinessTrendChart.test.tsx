import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { checkPack, trend } from '../../__testUtils__/fixtures';
import { ReadinessTrendChart } from './ReadinessTrendChart';

describe('ReadinessTrendChart', () => {
  it('writes out the change of the mean score', async () => {
    await renderInTestApp(
      <ReadinessTrendChart points={trend} levels={checkPack.levels} />,
    );
    expect(
      screen.getByText('Mean score 40 on 2025-04-01 → 60 on 2025-05-01.'),
    ).toBeInTheDocument();
  });

  it('writes out a single day instead of a chart', async () => {
    await renderInTestApp(<ReadinessTrendChart points={trend.slice(0, 1)} />);
    expect(
      screen.getByText(
        /One day of history so far: mean score 40 on 2025-04-01/,
      ),
    ).toBeInTheDocument();
  });

  it('explains an empty trend', async () => {
    await renderInTestApp(<ReadinessTrendChart points={[]} />);
    expect(screen.getByText(/No history yet/)).toBeInTheDocument();
  });
});
