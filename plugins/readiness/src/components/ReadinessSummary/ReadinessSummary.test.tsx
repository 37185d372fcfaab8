import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import {
  checkPack,
  checkoutScorecard,
  paymentsScorecard,
} from '../../__testUtils__/fixtures';
import { ReadinessSummary } from './ReadinessSummary';

const mountedRoutes = { '/catalog/:namespace/:kind/:name': entityRouteRef };

describe('ReadinessSummary', () => {
  it('announces a level reached through exemptions as such', async () => {
    await renderInTestApp(
      <ReadinessSummary
        scorecard={checkoutScorecard}
        levels={checkPack.levels}
      />,
      { mountedRoutes },
    );
    expect(screen.getByTestId('readiness-level-exempted')).toHaveTextContent(
      'Bronze, 1 check exempted',
    );
  });

  it('says nothing of exemptions when none holds the level', async () => {
    await renderInTestApp(
      <ReadinessSummary
        scorecard={paymentsScorecard}
        levels={checkPack.levels}
      />,
      { mountedRoutes },
    );
    expect(screen.queryByTestId('readiness-level-exempted')).toBeNull();
  });
});
