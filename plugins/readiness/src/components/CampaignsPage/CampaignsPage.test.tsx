import { registerMswTestHooks } from '@backstage/test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  campaignHandlers,
  runbooksCampaign,
} from '../../__testUtils__/campaignFixtures';
import {
  errorResponse,
  neverAnswer,
  readinessBase,
  readinessHandlers,
} from '../../__testUtils__/readinessTestApis';
import { renderCampaignView } from '../../__testUtils__/renderCampaignView';
import { CampaignsPage } from './CampaignsPage';

describe('CampaignsPage', () => {
  const server = setupServer(...campaignHandlers, ...readinessHandlers);
  registerMswTestHooks(server);

  it('lists campaigns with owner, goal, deadline and progress', async () => {
    await renderCampaignView(<CampaignsPage />);
    const rows = await screen.findAllByTestId('campaign-row');
    expect(rows).toHaveLength(3);
    const first = within(rows[0]);
    expect(
      first.getByRole('link', { name: 'Runbooks for every service' }),
    ).toHaveAttribute('href', '/readiness/campaigns/c-runbooks');
    expect(first.getByText('team-checkout')).toBeInTheDocument();
    expect(
      first.getByText('Pass Runbook linked, CI configured'),
    ).toBeInTheDocument();
    expect(first.getByText(/days left/)).toBeInTheDocument();
    expect(first.getByTestId('campaign-progress')).toHaveTextContent('1/3');
    expect(
      first.getByRole('progressbar', {
        name: 'Progress of Runbooks for every service',
      }),
    ).toHaveAttribute('aria-valuenow', '33');
    const gold = within(rows[1]);
    expect(gold.getByText('Reach Gold')).toBeInTheDocument();
    expect(gold.getByText(/days overdue/)).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'New campaign' }),
    ).toBeInTheDocument();
  });

  it('filters by status', async () => {
    const statuses: Array<string | null> = [];
    server.use(
      http.get(`${readinessBase}/campaigns`, ({ request }) => {
        const status = new URL(request.url).searchParams.get('status');
        statuses.push(status);
        return HttpResponse.json({
          items: status === 'closed' ? [] : [runbooksCampaign],
        });
      }),
    );
    await renderCampaignView(<CampaignsPage />);
    expect(await screen.findAllByTestId('campaign-row')).toHaveLength(1);
    fireEvent.change(screen.getByLabelText('Status'), {
      target: { value: 'closed' },
    });
    expect(await screen.findByText('No closed campaigns.')).toBeInTheDocument();
    expect(statuses).toEqual([null, 'closed']);
  });

  it('says so when there is no campaign', async () => {
    server.use(
      http.get(`${readinessBase}/campaigns`, () =>
        HttpResponse.json({ items: [] }),
      ),
    );
    await renderCampaignView(<CampaignsPage />);
    expect(await screen.findByText(/No campaigns yet/)).toBeInTheDocument();
  });

  it('shows progress while loading and the error when it fails', async () => {
    server.use(http.get(`${readinessBase}/campaigns`, neverAnswer));
    const { unmount } = await renderCampaignView(<CampaignsPage />);
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
    unmount();
    server.use(
      http.get(`${readinessBase}/campaigns`, () =>
        errorResponse(500, 'Error', 'database unavailable'),
      ),
    );
    await renderCampaignView(<CampaignsPage />);
    expect(
      (await screen.findAllByText(/database unavailable/)).length,
    ).toBeGreaterThan(0);
  });

  it('creates a campaign and opens its page', async () => {
    let body: unknown;
    server.use(
      http.post(`${readinessBase}/campaigns`, async ({ request }) => {
        body = await request.json();
        return HttpResponse.json(
          { ...runbooksCampaign, id: 'c-new', title: 'Gold everywhere' },
          { status: 201 },
        );
      }),
    );
    await renderCampaignView(<CampaignsPage />);
    fireEvent.click(
      await screen.findByRole('button', { name: 'New campaign' }),
    );
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText(/^Title/), {
      target: { value: 'Gold everywhere' },
    });
    fireEvent.change(within(dialog).getByLabelText(/^Owner \*/), {
      target: { value: 'group:default/platform' },
    });
    fireEvent.click(within(dialog).getByLabelText('Reach a level'));
    fireEvent.change(within(dialog).getByLabelText(/^Level/), {
      target: { value: 'gold' },
    });
    fireEvent.change(within(dialog).getByLabelText(/^Deadline/), {
      target: { value: '2031-01-31' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create' }));
    await waitFor(() =>
      expect(body).toEqual({
        title: 'Gold everywhere',
        owner: 'group:default/platform',
        goal: { type: 'level', level: 'gold' },
        scope: {},
        deadline: '2031-01-31',
      }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
  });
});
