import { entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  TestApiProvider,
  registerMswTestHooks,
  renderInTestApp,
} from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type { Exemption } from '@prodready/plugin-readiness-common';
import { checkPack } from '../../__testUtils__/fixtures';
import {
  readinessBase,
  readinessHandlers,
  readinessTestApis,
} from '../../__testUtils__/readinessTestApis';
import { ExemptionsOverview } from './ExemptionsOverview';

const NOW = new Date('2026-06-01T00:00:00Z');
const alerts = checkPack.checks.find(c => c.id === 'monitoring.alerts')!;
const runbook = checkPack.checks.find(c => c.id === 'runbook.linked')!;

function exemption(
  id: string,
  entity: string,
  check: string,
  expiresAt?: string,
): Exemption {
  return {
    id,
    entityRef: `component:default/${entity}`,
    checkId: check,
    reason: `reason of ${id}`,
    author: 'user:default/jane',
    createdAt: '2026-01-01T00:00:00.000Z',
    expiresAt,
  };
}

const exemptions = [
  exemption('e1', 'cart', alerts.id), // no expiry
  exemption('e2', 'ledger', runbook.id, '2026-06-05T00:00:00.000Z'), // soon
  exemption('e3', 'cart', runbook.id, '2026-05-01T00:00:00.000Z'), // expired
];
const owners: Record<string, string> = {
  'component:default/cart': 'group:default/team-checkout',
  'component:default/ledger': 'group:default/team-finance',
};

describe('ExemptionsOverview', () => {
  const server = setupServer(...readinessHandlers);
  registerMswTestHooks(server);
  let listed: Exemption[];
  let includeExpired: Array<string | null>;

  beforeEach(() => {
    listed = [...exemptions];
    includeExpired = [];
    server.use(
      http.get(`${readinessBase}/exemptions`, ({ request }) => {
        includeExpired.push(
          new URL(request.url).searchParams.get('includeExpired'),
        );
        return HttpResponse.json({ items: listed });
      }),
      http.post(`${readinessBase}/summaries`, async ({ request }) => {
        const { entityRefs } = (await request.json()) as {
          entityRefs: string[];
        };
        return HttpResponse.json({
          items: entityRefs.map(ref => ({
            entityRef: ref,
            kind: 'Component',
            namespace: 'default',
            name: ref.split('/')[1],
            owner: owners[ref],
            score: 50,
            gaps: 1,
            evaluatedAt: '2026-01-01T00:00:00.000Z',
          })),
        });
      }),
      http.delete(`${readinessBase}/exemptions/:id`, ({ params }) => {
        listed = listed.filter(e => e.id !== params.id);
        return new HttpResponse(null, { status: 204 });
      }),
      http.post(`${readinessBase}/exemptions`, async ({ request }) => {
        const body = (await request.json()) as Exemption;
        const restored = {
          ...body,
          id: 'e9',
          author: 'user:default/jane',
          createdAt: NOW.toISOString(),
        };
        listed = [restored, ...listed];
        return HttpResponse.json(restored, { status: 201 });
      }),
    );
  });

  async function render() {
    return renderInTestApp(
      <TestApiProvider apis={readinessTestApis()}>
        <ExemptionsOverview checks={checkPack.checks} now={() => NOW} />
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
  }

  const rows = () => screen.queryAllByTestId('exemption-row');

  async function choose(label: string, option: string) {
    await userEvent.click(
      screen.getByRole('button', { name: new RegExp(`^${label}`) }),
    );
    await userEvent.click(await screen.findByRole('option', { name: option }));
  }

  it('lists every exemption, expired ones included, with who, why and until, linked to the check', async () => {
    await render();
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(includeExpired).toEqual(['true']);
    const soon = rows().find(r => r.textContent?.includes('reason of e2'))!;
    expect(soon).toHaveTextContent('team-finance');
    expect(soon).toHaveTextContent('jane');
    expect(soon).toHaveTextContent('(Expires within 14 days)');
    expect(
      within(soon).getByRole('link', { name: runbook.title }),
    ).toHaveAttribute(
      'href',
      `/catalog/default/component/ledger/readiness#readiness-check-${runbook.id}`,
    );
    const expired = rows().find(r => r.textContent?.includes('reason of e3'))!;
    expect(expired).toHaveTextContent('(Expired)');
    // An expired exemption no longer applies: nothing to remove.
    expect(
      within(expired).queryByRole('button', { name: 'Remove' }),
    ).toBeNull();
  });

  it('filters by owner, check and status', async () => {
    await render();
    await waitFor(() => expect(rows()).toHaveLength(3));
    await choose('Owner', 'team-checkout');
    expect(rows()).toHaveLength(2);
    await choose('Check', runbook.title);
    expect(rows()).toHaveLength(1);
    expect(rows()[0]).toHaveTextContent('reason of e3');
    await choose('Status', 'Expires within 14 days');
    expect(
      screen.getByText('No exemption matches these filters.'),
    ).toBeInTheDocument();
    await choose('Owner', 'Any owner');
    expect(rows()).toHaveLength(1);
    expect(rows()[0]).toHaveTextContent('reason of e2');
  });

  it('removes an exemption after confirmation and undoes the removal', async () => {
    await render();
    await waitFor(() => expect(rows()).toHaveLength(3));
    const row = rows().find(r => r.textContent?.includes('reason of e1'))!;
    await userEvent.click(within(row).getByRole('button', { name: 'Remove' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent(
      `Remove the exemption from “${alerts.title}” of cart?`,
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Remove' }),
    );
    await waitFor(() => expect(rows()).toHaveLength(2));
    await userEvent.click(await screen.findByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(
      rows().find(r => r.textContent?.includes('reason of e1')),
    ).toBeDefined();
  });
});
