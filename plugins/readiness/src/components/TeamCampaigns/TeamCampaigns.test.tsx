import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type { Entity } from '@backstage/catalog-model';
import { checkPack, checkoutSummary } from '../../__testUtils__/fixtures';
import {
  closedCampaign,
  goldCampaign,
  runbooksCampaign,
} from '../../__testUtils__/campaignFixtures';
import {
  errorResponse,
  readinessBase,
  readinessHandlers,
} from '../../__testUtils__/readinessTestApis';
import { renderCampaignView } from '../../__testUtils__/renderCampaignView';
import { renderOnEntityPage } from '../../__testUtils__/renderOnEntityPage';
import { EntityRollupContent } from '../EntityRollupContent';
import { TeamCampaigns } from './TeamCampaigns';

const checkoutTeam: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'team-checkout', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

describe('TeamCampaigns', () => {
  const server = setupServer(...readinessHandlers);
  registerMswTestHooks(server);
  const owners: Array<string | null> = [];

  beforeEach(() => {
    owners.length = 0;
    server.use(
      http.get(`${readinessBase}/campaigns`, ({ request }) => {
        owners.push(new URL(request.url).searchParams.get('owner'));
        return HttpResponse.json({
          items: [
            { ...runbooksCampaign, progress: { entities: 1, done: 1 } },
            { ...goldCampaign, status: 'upcoming' },
            closedCampaign,
          ],
        });
      }),
    );
  });

  it("lists the team's open campaigns with deadlines and its own progress", async () => {
    await renderCampaignView(
      <TeamCampaigns
        groupRef="group:default/team-checkout"
        checkPack={checkPack}
      />,
    );
    const rows = await screen.findAllByTestId('team-campaign');
    expect(owners).toEqual(['group:default/team-checkout']);
    expect(rows).toHaveLength(2);
    const runbooks = within(rows[0]);
    expect(
      runbooks.getByRole('link', { name: 'Runbooks for every service' }),
    ).toHaveAttribute('href', '/readiness/campaigns/c-runbooks');
    expect(runbooks.getByText(/days left/)).toBeInTheDocument();
    expect(runbooks.getByTestId('campaign-progress')).toHaveTextContent('1/1');
    expect(within(rows[1]).getByText(/\(upcoming\)/)).toBeInTheDocument();
    expect(within(rows[1]).getByText('Reach Gold')).toBeInTheDocument();
    expect(screen.queryByText(closedCampaign.title)).not.toBeInTheDocument();
  });

  it('says so when no open campaign covers the team', async () => {
    server.use(
      http.get(`${readinessBase}/campaigns`, () =>
        HttpResponse.json({ items: [closedCampaign] }),
      ),
    );
    await renderCampaignView(
      <TeamCampaigns groupRef="group:default/team-checkout" />,
    );
    expect(
      await screen.findByText("No open campaign covers this team's entities."),
    ).toBeInTheDocument();
  });

  it('shows the error', async () => {
    server.use(
      http.get(`${readinessBase}/campaigns`, () =>
        errorResponse(500, 'Error', 'campaign store unavailable'),
      ),
    );
    await renderCampaignView(
      <TeamCampaigns groupRef="group:default/team-checkout" />,
    );
    expect(
      (await screen.findAllByText(/campaign store unavailable/)).length,
    ).toBeGreaterThan(0);
  });

  it("shows on a team's Readiness tab", async () => {
    server.use(
      http.get(`${readinessBase}/rollups/group/default/team-checkout`, () =>
        HttpResponse.json({
          entityRef: 'group:default/team-checkout',
          scope: 'team',
          members: ['group:default/team-checkout'],
          entities: [checkoutSummary],
          totalEntities: 1,
          meanScore: 60,
          levels: { bronze: 1 },
          weakest: [checkoutSummary],
          gaps: [],
          championOf: [],
        }),
      ),
    );
    await renderOnEntityPage(<EntityRollupContent />, { entity: checkoutTeam });
    expect(await screen.findAllByTestId('team-campaign')).toHaveLength(2);
    expect(owners).toEqual(['group:default/team-checkout']);
  });
});
