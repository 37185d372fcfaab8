import { registerMswTestHooks } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { campaignHandlers } from '../../__testUtils__/campaignFixtures';
import { readinessHandlers } from '../../__testUtils__/readinessTestApis';
import { renderCampaignView } from '../../__testUtils__/renderCampaignView';
import { CampaignsPage } from './CampaignsPage';

// A file of its own: usePermission caches answers per permission for the
// whole module.

describe('CampaignsPage without readiness.campaign.manage', () => {
  const server = setupServer(...campaignHandlers, ...readinessHandlers);
  registerMswTestHooks(server);

  it('lists the campaigns but offers no "New campaign"', async () => {
    await renderCampaignView(<CampaignsPage />, { permission: 'DENY' });
    expect(await screen.findAllByTestId('campaign-row')).toHaveLength(3);
    expect(
      screen.queryByRole('button', { name: 'New campaign' }),
    ).not.toBeInTheDocument();
  });
});
