import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  checkPack,
  checkoutScorecard,
  paymentsScorecard,
} from '../../__testUtils__/fixtures';
import {
  errorResponse,
  neverAnswer,
  readinessHandlers,
} from '../../__testUtils__/readinessTestApis';
import {
  checkoutScorecardUrl,
  renderOnEntityPage,
} from '../../__testUtils__/renderOnEntityPage';
import { EntityReadinessCard } from './EntityReadinessCard';
import { topGaps } from './topGaps';

async function renderCard() {
  return renderOnEntityPage(<EntityReadinessCard />);
}

describe('EntityReadinessCard', () => {
  const server = setupServer(...readinessHandlers);
  registerMswTestHooks(server);

  it('shows progress while loading', async () => {
    server.use(http.get(checkoutScorecardUrl, () => neverAnswer()));
    await renderCard();
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('shows an error', async () => {
    server.use(
      http.get(checkoutScorecardUrl, () =>
        errorResponse(500, 'Error', 'store unavailable'),
      ),
    );
    await renderCard();
    expect(
      (await screen.findAllByText(/store unavailable/)).length,
    ).toBeGreaterThan(0);
  });

  it('says when the entity is not scored', async () => {
    server.use(
      http.get(checkoutScorecardUrl, () =>
        errorResponse(
          404,
          'NotFoundError',
          'component:default/checkout-api is not scored yet',
        ),
      ),
    );
    await renderCard();
    expect(await screen.findByText(/Not scored yet/)).toBeInTheDocument();
  });

  it('shows level, score and the top gaps linking to the tab', async () => {
    await renderCard();
    expect(await screen.findByLabelText('Score 60 of 100')).toBeInTheDocument();
    expect(screen.getByText('Bronze')).toBeInTheDocument();
    const gaps = screen.getByRole('list', { name: 'Top gaps' });
    expect(
      within(gaps).getByRole('link', { name: 'Alerts reach on-call' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/checkout-api/readiness#readiness-check-monitoring.alerts',
    );
    expect(screen.getByText('View all checks').closest('a')).toHaveAttribute(
      'href',
      '/catalog/default/component/checkout-api/readiness',
    );
  });

  it('shows the target of the tier and the levels to go', async () => {
    server.use(
      http.get(checkoutScorecardUrl, () =>
        HttpResponse.json({
          ...checkoutScorecard,
          entity: {
            ...checkoutScorecard.entity,
            tier: 'tier-1',
            target: 'gold',
            levelsToTarget: 2,
          },
        }),
      ),
    );
    await renderCard();
    expect(await screen.findByTestId('readiness-target')).toHaveTextContent(
      'Target Gold (tier-1) — 2 levels to go',
    );
  });

  it('shows no target for a tier without one', async () => {
    await renderCard();
    await screen.findByLabelText('Score 60 of 100');
    expect(screen.queryByTestId('readiness-target')).toBeNull();
  });

  it('says when nothing fails', async () => {
    server.use(
      http.get(checkoutScorecardUrl, () =>
        HttpResponse.json(paymentsScorecard),
      ),
    );
    await renderCard();
    expect(await screen.findByText('No failing checks.')).toBeInTheDocument();
  });
});

describe('topGaps', () => {
  it('ranks blocking checks first, then lower levels, then weight', () => {
    const results = [
      ...checkoutScorecard.results,
      {
        checkId: 'logging.central',
        state: 'fail' as const,
        reason: 'No logs link',
        evidence: [],
        check: {
          ...checkPack.checks[1],
          id: 'logging.central',
          title: 'Logs findable',
          level: 'bronze',
        },
      },
      {
        checkId: 'monitoring.slo',
        state: 'fail' as const,
        reason: 'No SLO',
        evidence: [],
        check: {
          ...checkPack.checks[5],
          id: 'monitoring.slo',
          title: 'SLO defined',
          level: 'gold',
          weight: 3,
        },
      },
    ];
    const ids = topGaps(
      { ...checkoutScorecard, results },
      checkPack.levels,
      3,
    ).map(r => r.checkId);
    expect(ids).toEqual([
      'monitoring.alerts',
      'tracing.instrumented',
      'logging.central',
    ]);
  });

  it('ranks an advisory gap after the counted ones of any level', () => {
    const results = [
      ...checkoutScorecard.results,
      {
        checkId: 'logging.central',
        state: 'fail' as const,
        reason: 'No logs link',
        evidence: [],
        check: {
          ...checkPack.checks[1],
          id: 'logging.central',
          title: 'Logs findable',
          level: 'bronze',
          advisory: true,
        },
      },
    ];
    const ids = topGaps(
      { ...checkoutScorecard, results },
      checkPack.levels,
      10,
    ).map(r => r.checkId);
    expect(ids[ids.length - 1]).toBe('logging.central');
    expect(ids.length).toBeGreaterThan(1);
  });
});
