import { registerMswTestHooks } from '@backstage/test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { Route, Routes } from 'react-router-dom';
import {
  campaignHandlers,
  goldCampaign,
  runbooksCampaign,
  runbooksDetail,
} from '../../__testUtils__/campaignFixtures';
import {
  errorResponse,
  readinessBase,
  readinessHandlers,
} from '../../__testUtils__/readinessTestApis';
import { renderCampaignView } from '../../__testUtils__/renderCampaignView';
import { CampaignPage } from './CampaignPage';

function renderPage(id = 'c-runbooks') {
  return renderCampaignView(
    <Routes>
      <Route path="/campaigns/:id" element={<CampaignPage />} />
    </Routes>,
    { routeEntries: [`/campaigns/${id}`] },
  );
}

describe('CampaignPage', () => {
  const server = setupServer(...campaignHandlers, ...readinessHandlers);
  registerMswTestHooks(server);

  it('shows the goal, deadline, description, progress, teams and entities', async () => {
    await renderPage();
    expect(
      await screen.findByRole('heading', { name: runbooksCampaign.title }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Pass Runbook linked, CI configured'),
    ).toBeInTheDocument();
    expect(screen.getByText(/days left$/)).toBeInTheDocument();
    // The description is Markdown.
    expect(screen.getByText('runbook').tagName).toBe('STRONG');
    expect(
      screen.getByRole('progressbar', { name: 'Entities done' }),
    ).toHaveAttribute('aria-valuenow', '33');
    expect(
      screen.getByText('0/3 done on 2025-04-01 → 1/3 on 2025-04-02.'),
    ).toBeInTheDocument();
    const teams = screen.getAllByTestId('campaign-team');
    expect(teams.map(t => t.textContent)).toEqual([
      'team-checkout1/1',
      'team-search0/2',
    ]);
    const entities = screen.getAllByTestId('campaign-entity');
    // Most missing first, done last.
    expect(within(entities[0]).getByText('search-web')).toHaveAttribute(
      'href',
      '/catalog/default/component/search-web/readiness',
    );
    expect(
      within(entities[0]).getByRole('link', { name: 'Runbook linked' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/search-web/readiness#readiness-check-runbook.linked',
    );
    expect(within(entities[2]).getByText('Done')).toBeInTheDocument();
  });

  it('shows who to learn from for each check, and the change history', async () => {
    await renderPage();
    const check = await screen.findByRole('region', { name: 'Runbook linked' });
    expect(
      within(check).getByText('2 entities in scope still failing'),
    ).toBeInTheDocument();
    expect(within(check).getByText('Payments Team')).toBeInTheDocument();
    expect(
      within(check).getByRole('link', { name: '#payments' }),
    ).toHaveAttribute('href', 'https://chat.example.com/payments');
    const history = await screen.findAllByTestId('campaign-history');
    expect(history[0]).toHaveTextContent('Edited by noah.jensen');
    expect(history[0]).toHaveTextContent('deadline → 2999-01-31');
    expect(history[1]).toHaveTextContent('Created by noah.jensen');
  });

  it('edits through the dialog', async () => {
    let body: unknown;
    server.use(
      http.patch(`${readinessBase}/campaigns/:id`, async ({ request }) => {
        body = await request.json();
        return HttpResponse.json(runbooksCampaign);
      }),
    );
    await renderPage();
    fireEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText(/^Title/), {
      target: { value: 'Runbooks, now' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(body).toMatchObject({
        title: 'Runbooks, now',
        description: runbooksCampaign.description,
        deadline: runbooksCampaign.deadline,
      }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
  });

  it('closes and reopens', async () => {
    const calls: string[] = [];
    let closed = false;
    server.use(
      http.get(`${readinessBase}/campaigns/:id`, () =>
        HttpResponse.json({
          ...runbooksDetail,
          campaign: {
            ...runbooksCampaign,
            status: closed ? 'closed' : 'active',
          },
        }),
      ),
      http.post(`${readinessBase}/campaigns/:id/:verb`, ({ params }) => {
        calls.push(`${params.id} ${params.verb}`);
        closed = params.verb === 'close';
        return HttpResponse.json(runbooksCampaign);
      }),
    );
    await renderPage();
    fireEvent.click(await screen.findByRole('button', { name: 'Close' }));
    // The page reloads the campaign (and its history) after closing.
    fireEvent.click(
      await screen.findByRole('button', { name: 'Reopen' }, { timeout: 10000 }),
    );
    await waitFor(() =>
      expect(calls).toEqual(['c-runbooks close', 'c-runbooks reopen']),
    );
  });

  it('keeps a campaign declared in config read-only, and says why', async () => {
    server.use(
      http.get(`${readinessBase}/campaigns/:id`, () =>
        HttpResponse.json({ ...runbooksDetail, campaign: goldCampaign }),
      ),
    );
    await renderPage('tier-1-gold');
    expect(
      await screen.findByText(/Declared in app-config.yaml/),
    ).toBeInTheDocument();
    expect(screen.getByText(/days overdue$/)).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Edit' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Close' }),
    ).not.toBeInTheDocument();
  });

  it('shows the error of an unknown campaign', async () => {
    server.use(
      http.get(`${readinessBase}/campaigns/:id`, () =>
        errorResponse(404, 'NotFoundError', 'No campaign c-gone'),
      ),
    );
    await renderPage('c-gone');
    expect(
      (await screen.findAllByText(/No campaign c-gone/)).length,
    ).toBeGreaterThan(0);
  });
});
