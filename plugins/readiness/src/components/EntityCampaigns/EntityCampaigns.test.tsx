import {
  TestApiProvider,
  registerMswTestHooks,
  renderInTestApp,
} from '@backstage/test-utils';
import { ResponseError } from '@backstage/errors';
import { act, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import Grid from '@material-ui/core/Grid';
import { readinessApiRef } from '../../api/ReadinessApi';
import { checkPack } from '../../__testUtils__/fixtures';
import {
  campaignHandlers,
  checkoutCampaigns,
} from '../../__testUtils__/campaignFixtures';
import {
  errorResponse,
  readinessHandlers,
} from '../../__testUtils__/readinessTestApis';
import { renderCampaignView } from '../../__testUtils__/renderCampaignView';
import {
  checkoutScorecardUrl,
  renderOnEntityPage,
} from '../../__testUtils__/renderOnEntityPage';
import { EntityReadinessContent } from '../EntityReadinessContent';
import { EntityCampaigns } from './EntityCampaigns';

const campaignsUrl = `${checkoutScorecardUrl}/campaigns`;

function renderCampaigns() {
  return renderCampaignView(
    <Grid container>
      <EntityCampaigns
        entityRef="component:default/checkout-api"
        checkPack={checkPack}
      />
    </Grid>,
  );
}

describe('EntityCampaigns', () => {
  const server = setupServer(...campaignHandlers, ...readinessHandlers);
  registerMswTestHooks(server);

  it('lists the campaigns covering the entity with deadlines and what is missing', async () => {
    await renderCampaigns();
    const items = await screen.findAllByTestId('entity-campaign');
    expect(items).toHaveLength(2);
    const runbooks = within(items[0]);
    expect(
      runbooks.getByRole('link', { name: 'Runbooks for every service' }),
    ).toHaveAttribute('href', '/readiness/campaigns/c-runbooks');
    expect(runbooks.getByText(/2999-01-31/)).toBeInTheDocument();
    expect(runbooks.getByText(/days left/)).toBeInTheDocument();
    expect(
      runbooks.getByRole('link', { name: 'Runbook linked' }),
    ).toHaveAttribute('href', '/#readiness-check-runbook.linked');
    const gold = within(items[1]);
    expect(gold.getByText(/days overdue/)).toBeInTheDocument();
    expect(
      gold.getByText('Done: this entity meets the goal.'),
    ).toBeInTheDocument();
  });

  it('leaves out closed campaigns', async () => {
    server.use(
      http.get(campaignsUrl, () =>
        HttpResponse.json({
          items: [
            { ...checkoutCampaigns[0], title: 'Closed one', status: 'closed' },
            checkoutCampaigns[1],
          ],
        }),
      ),
    );
    await renderCampaigns();
    expect(await screen.findAllByTestId('entity-campaign')).toHaveLength(1);
    expect(screen.getByText('Tier 1 at Gold')).toBeInTheDocument();
    expect(screen.queryByText('Closed one')).not.toBeInTheDocument();
  });

  it.each([
    ['no campaign covers the entity', Promise.resolve([])],
    [
      'the backend has no campaigns (404)',
      ResponseError.fromResponse(
        new Response(
          JSON.stringify({
            error: { name: 'NotFoundError', message: 'Not found' },
            response: { statusCode: 404 },
          }),
          { status: 404, headers: { 'Content-Type': 'application/json' } },
        ),
      ).then(error => Promise.reject(error)),
    ],
  ])('is hidden when %s', async (_case, answer) => {
    answer.catch(() => undefined);
    const getEntityCampaigns = jest.fn(() => answer);
    await renderInTestApp(
      <TestApiProvider apis={[[readinessApiRef, { getEntityCampaigns }]]}>
        <EntityCampaigns entityRef="component:default/checkout-api" />
      </TestApiProvider>,
    );
    await waitFor(() => expect(getEntityCampaigns).toHaveBeenCalled());
    // Let the component take the answer before looking.
    await act(() =>
      answer.then(
        () => undefined,
        () => undefined,
      ),
    );
    expect(screen.queryByText('Campaigns')).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows other errors', async () => {
    server.use(
      http.get(campaignsUrl, () =>
        errorResponse(500, 'Error', 'campaign store unavailable'),
      ),
    );
    await renderCampaigns();
    expect(
      (await screen.findAllByText(/campaign store unavailable/)).length,
    ).toBeGreaterThan(0);
  });

  it('shows on the Readiness tab, without a link where the readiness page is not mounted', async () => {
    await renderOnEntityPage(<EntityReadinessContent />);
    const items = await screen.findAllByTestId('entity-campaign');
    expect(items).toHaveLength(2);
    expect(
      within(items[0]).getByText('Runbooks for every service'),
    ).not.toHaveAttribute('href');
  });
});
