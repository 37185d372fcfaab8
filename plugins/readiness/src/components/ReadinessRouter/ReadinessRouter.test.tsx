import { registerMswTestHooks } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { campaignHandlers } from '../../__testUtils__/campaignFixtures';
import { readinessHandlers } from '../../__testUtils__/readinessTestApis';
import { renderCampaignView } from '../../__testUtils__/renderCampaignView';
import { ReadinessRouter } from './ReadinessRouter';

describe('ReadinessRouter', () => {
  const server = setupServer(...campaignHandlers, ...readinessHandlers);
  registerMswTestHooks(server);

  it('serves the overview with a link to the campaigns', async () => {
    await renderCampaignView(<ReadinessRouter />);
    expect(
      await screen.findByRole('heading', { name: 'Production readiness' }),
    ).toBeInTheDocument();
    // A link drawn as a button.
    expect(screen.getByRole('button', { name: 'Campaigns' })).toHaveAttribute(
      'href',
      '/readiness/campaigns',
    );
  });

  it('serves the campaigns below /campaigns', async () => {
    await renderCampaignView(<ReadinessRouter />, {
      routeEntries: ['/campaigns'],
    });
    expect(await screen.findAllByTestId('campaign-row')).toHaveLength(3);
  });

  it('serves one campaign below /campaigns/:id', async () => {
    await renderCampaignView(<ReadinessRouter />, {
      routeEntries: ['/campaigns/c-runbooks'],
    });
    expect(
      await screen.findByRole('heading', {
        name: 'Runbooks for every service',
      }),
    ).toBeInTheDocument();
  });
});
