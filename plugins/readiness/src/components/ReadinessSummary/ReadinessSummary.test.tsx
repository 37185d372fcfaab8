import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import type { EntityScorecardResponse } from '@prodready/plugin-readiness-common';
import {
  checkPack,
  checkoutScorecard,
  paymentsScorecard,
} from '../../__testUtils__/fixtures';
import { ReadinessSummary } from './ReadinessSummary';

const mountedRoutes = { '/catalog/:namespace/:kind/:name': entityRouteRef };

const api: EntityScorecardResponse = {
  ...checkoutScorecard,
  entity: { ...checkoutScorecard.entity, level: undefined, score: 100 },
  levelApplicable: false,
  levelReason:
    'No operational check applies: only ownership and api checks are scored, so no level is given',
  nextLevel: undefined,
  blockingCheckIds: [],
  categories: [
    {
      category: 'ownership',
      passed: 2,
      failed: 0,
      unknown: 0,
      applicable: 2,
      score: 100,
    },
    {
      category: 'api',
      passed: 1,
      failed: 1,
      unknown: 0,
      applicable: 2,
      score: 60,
    },
  ],
};

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

  it('says what is scored and why there is no level, instead of a level', async () => {
    await renderInTestApp(<ReadinessSummary scorecard={api} />);
    expect(screen.getByTestId('readiness-no-level')).toHaveTextContent(
      'No level',
    );
    expect(
      screen.getByText(/only ownership and api checks are scored/),
    ).toHaveTextContent('The score covers ownership (2 of 2), api (1 of 2)');
    expect(screen.queryByText(/highest level is reached/)).toBeNull();
  });

  it('shows the level where operational checks apply', async () => {
    const top = {
      ...checkoutScorecard,
      entity: { ...checkoutScorecard.entity, level: 'gold' },
      levelApplicable: true,
      nextLevel: undefined,
      blockingCheckIds: [],
    };
    await renderInTestApp(<ReadinessSummary scorecard={top} />);
    expect(screen.queryByTestId('readiness-no-level')).toBeNull();
    expect(screen.getByText(/highest level is reached/)).toBeInTheDocument();
  });
});
