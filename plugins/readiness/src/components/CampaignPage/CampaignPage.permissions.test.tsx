import { registerMswTestHooks } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { Route, Routes } from 'react-router-dom';
import {
  campaignHandlers,
  runbooksCampaign,
} from '../../__testUtils__/campaignFixtures';
import { readinessHandlers } from '../../__testUtils__/readinessTestApis';
import { renderCampaignView } from '../../__testUtils__/renderCampaignView';
import { CampaignPage } from './CampaignPage';

// A file of its own: usePermission caches answers per permission for the
// whole module.

describe('CampaignPage without readiness.campaign.manage', () => {
  const server = setupServer(...campaignHandlers, ...readinessHandlers);
  registerMswTestHooks(server);

  it('shows the campaign without Edit, Close or Reopen', async () => {
    await renderCampaignView(
      <Routes>
        <Route path="/campaigns/:id" element={<CampaignPage />} />
      </Routes>,
      { permission: 'DENY', routeEntries: ['/campaigns/c-runbooks'] },
    );
    expect(
      await screen.findByRole('heading', { name: runbooksCampaign.title }),
    ).toBeInTheDocument();
    expect(await screen.findAllByTestId('campaign-entity')).toHaveLength(3);
    for (const name of ['Edit', 'Close', 'Reopen']) {
      expect(screen.queryByRole('button', { name })).not.toBeInTheDocument();
    }
  });
});
