import { entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  TestApiProvider,
  registerMswTestHooks,
  renderInTestApp,
} from '@backstage/test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { useLocation } from 'react-router-dom';
import { AlertApiForwarder } from '@backstage/core-app-api';
import { alertApiRef } from '@backstage/core-plugin-api';
import {
  checkPack,
  lastRun,
  ownerRollups,
  searchResponse,
  secondSearchPage,
} from '../../__testUtils__/fixtures';
import {
  errorResponse,
  neverAnswer,
  readinessBase,
  readinessHandlers,
  readinessTestApis,
} from '../../__testUtils__/readinessTestApis';
import { ReadinessPage } from './ReadinessPage';

/** Prints the URL query, to check that filters are kept in it. */
function LocationSearch() {
  return <div data-testid="location-search">{useLocation().search}</div>;
}

function urlParams() {
  return new URLSearchParams(
    screen.getByTestId('location-search').textContent ?? '',
  );
}

async function renderPage(path = '/readiness') {
  return renderInTestApp(
    <TestApiProvider apis={readinessTestApis()}>
      <ReadinessPage />
      <LocationSearch />
    </TestApiProvider>,
    {
      routeEntries: [path],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

function searchRows() {
  return screen.queryAllByTestId('gap-search-row');
}

describe('ReadinessPage', () => {
  const server = setupServer(...readinessHandlers);
  registerMswTestHooks(server);

  /** Records the query of every search request. */
  function recordSearches(answer?: (params: URLSearchParams) => object) {
    const seen: URLSearchParams[] = [];
    server.use(
      http.get(`${readinessBase}/search`, ({ request }) => {
        const params = new URL(request.url).searchParams;
        seen.push(params);
        return HttpResponse.json(answer?.(params) ?? searchResponse);
      }),
    );
    return seen;
  }

  it('shows progress in every section while loading', async () => {
    server.use(
      http.get(`${readinessBase}/rollups`, () => neverAnswer()),
      http.get(`${readinessBase}/trend`, () => neverAnswer()),
      http.get(`${readinessBase}/champions`, () => neverAnswer()),
      http.get(`${readinessBase}/search`, () => neverAnswer()),
    );
    await renderPage();
    expect(screen.getAllByTestId('progress').length).toBeGreaterThanOrEqual(4);
    expect(
      screen.getByRole('progressbar', { name: 'Loading search results' }),
    ).toBeInTheDocument();
  });

  it('shows the overview: levels, trend, heatmap and champions', async () => {
    await renderPage();
    const levels = await screen.findByRole('table', {
      name: 'Entities per level',
    });
    expect(within(levels).getByText('Gold').closest('tr')).toHaveTextContent(
      'Gold133%',
    );
    expect(
      screen.getByText('Mean score 40 on 2025-04-01 → 60 on 2025-05-01.'),
    ).toBeInTheDocument();
    const heatmap = screen.getByRole('table', {
      name: 'Pass rate by owner and category',
    });
    expect(
      within(heatmap).getByText('team-checkout').closest('tr'),
    ).toHaveTextContent('25%');
    const champions = screen.getByRole('table', {
      name: 'Champions per check',
    });
    expect(
      within(champions).getByText('Alerts reach on-call'),
    ).toBeInTheDocument();
    expect(screen.getByText('Scored entities')).toBeInTheDocument();
    expect(screen.getByText(/succeeded/)).toBeInTheDocument();
  });

  it('keeps the rest of the page when a section fails', async () => {
    server.use(
      http.get(`${readinessBase}/champions`, () =>
        errorResponse(500, 'Error', 'champions query timed out'),
      ),
    );
    await renderPage();
    expect(
      (await screen.findAllByText(/champions query timed out/)).length,
    ).toBeGreaterThan(0);
    expect(
      await screen.findByRole('table', { name: 'Entities per level' }),
    ).toBeInTheDocument();
    await waitFor(() => expect(searchRows()).toHaveLength(2));
  });

  it('lists the matching entities with their level, score and gaps', async () => {
    await renderPage();
    await waitFor(() => expect(searchRows()).toHaveLength(2));
    const [checkout, search] = searchRows();
    expect(
      within(checkout).getByRole('link', { name: 'Checkout API' }),
    ).toHaveAttribute('href', '/catalog/default/component/checkout-api');
    expect(checkout).toHaveTextContent('Bronze');
    expect(checkout).toHaveTextContent('team-checkout');
    expect(within(search).getByText('Below Bronze')).toBeInTheDocument();
    expect(screen.getByTestId('gap-search-count')).toHaveTextContent(
      '3 entities match',
    );
    expect(screen.getByText('1–2 of 3')).toBeInTheDocument();
  });

  it('reads the filters from a shared URL and sends them to the search', async () => {
    const seen = recordSearches();
    await renderPage(
      '/readiness?failing=monitoring.alerts&owner=group:default/team-checkout&levelAtMost=silver&text=pay',
    );
    await waitFor(() => expect(searchRows()).toHaveLength(2));
    const last = seen[seen.length - 1];
    expect(last.getAll('failing')).toEqual(['monitoring.alerts']);
    expect(last.getAll('owner')).toEqual(['group:default/team-checkout']);
    expect(last.get('levelAtMost')).toBe('silver');
    expect(last.get('text')).toBe('pay');
    expect(last.get('limit')).toBe('25');
    expect(
      await screen.findByRole('button', { name: 'Alerts reach on-call' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('textbox', { name: 'Name, title, owner or system' }),
    ).toHaveValue('pay');
    expect(
      screen.getByRole('button', { name: /Level at most/ }),
    ).toHaveTextContent('Silver');
  });

  it('shows a level from the URL that is not one of the levels as it is', async () => {
    const seen = recordSearches();
    await renderPage('/readiness?levelAtLeast=platinum');
    await waitFor(() => expect(seen.length).toBeGreaterThan(0));
    expect(seen[seen.length - 1].get('levelAtLeast')).toBe('platinum');
    expect(
      screen.getByRole('button', { name: /Level at least/ }),
    ).toHaveTextContent('platinum');
  });

  it('puts a chosen failing check in the URL and searches with it', async () => {
    const seen = recordSearches();
    await renderPage();
    await waitFor(() => expect(searchRows()).toHaveLength(2));
    await userEvent.click(
      screen.getByRole('textbox', { name: 'Failing checks' }),
    );
    await userEvent.click(
      await screen.findByRole('option', { name: 'Tracing instrumented' }),
    );
    await waitFor(() =>
      expect(urlParams().getAll('failing')).toEqual(['tracing.instrumented']),
    );
    await waitFor(() =>
      expect(seen[seen.length - 1].getAll('failing')).toEqual([
        'tracing.instrumented',
      ]),
    );
  });

  it('finds checks that pass on declared evidence only, from the filter bar to the URL and the search', async () => {
    const seen = recordSearches();
    await renderPage();
    await waitFor(() => expect(searchRows()).toHaveLength(2));
    await userEvent.click(
      screen.getByRole('textbox', {
        name: 'Passing on declared evidence only',
      }),
    );
    await userEvent.click(
      await screen.findByRole('option', { name: 'CI configured' }),
    );
    await waitFor(() =>
      expect(urlParams().getAll('declaredOnly')).toEqual(['delivery.ci']),
    );
    await waitFor(() =>
      expect(seen[seen.length - 1].getAll('declaredOnly')).toEqual([
        'delivery.ci',
      ]),
    );
  });

  it('searches by text after typing stops', async () => {
    const seen = recordSearches();
    await renderPage();
    await waitFor(() => expect(searchRows()).toHaveLength(2));
    fireEvent.change(
      screen.getByRole('textbox', { name: 'Name, title, owner or system' }),
      {
        target: { value: 'checkout' },
      },
    );
    await waitFor(() => expect(urlParams().get('text')).toBe('checkout'));
    await waitFor(() =>
      expect(seen[seen.length - 1].get('text')).toBe('checkout'),
    );
  });

  it('pages forward and back through the server cursors', async () => {
    const seen = recordSearches(params =>
      params.get('cursor') === 'page-2' ? secondSearchPage : searchResponse,
    );
    await renderPage('/readiness?limit=2');
    await waitFor(() => expect(searchRows()).toHaveLength(2));
    expect(
      screen.getByRole('button', { name: 'Previous page' }),
    ).toBeDisabled();
    fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(searchRows()).toHaveLength(1));
    expect(screen.getByText('3–3 of 3')).toBeInTheDocument();
    expect(seen[seen.length - 1].get('cursor')).toBe('page-2');
    expect(seen[seen.length - 1].get('limit')).toBe('2');
    expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled();
    fireEvent.click(screen.getByRole('button', { name: 'Previous page' }));
    await waitFor(() => expect(searchRows()).toHaveLength(2));
    expect(seen[seen.length - 1].get('cursor')).toBeNull();
  });

  it('sorts on the server by the clicked column, flipping the order', async () => {
    const seen = recordSearches();
    await renderPage();
    await waitFor(() => expect(searchRows()).toHaveLength(2));
    fireEvent.click(screen.getByRole('button', { name: 'Score' }));
    await waitFor(() =>
      expect(seen[seen.length - 1].get('sort')).toBe('score'),
    );
    expect(seen[seen.length - 1].get('order')).toBe('asc');
    fireEvent.click(screen.getByRole('button', { name: 'Score' }));
    await waitFor(() =>
      expect(seen[seen.length - 1].get('order')).toBe('desc'),
    );
    expect(urlParams().get('sort')).toBe('score');
  });

  it('exports every match as CSV with the same filters', async () => {
    let exportParams: URLSearchParams | undefined;
    server.use(
      http.get(`${readinessBase}/export`, ({ request }) => {
        exportParams = new URL(request.url).searchParams;
        return new HttpResponse(
          'entityRef,level\ncomponent:default/checkout-api,bronze\n',
          {
            headers: {
              'Content-Type': 'text/csv',
              'Content-Disposition': 'attachment; filename="readiness.csv"',
            },
          },
        );
      }),
    );
    const createObjectURL = jest.fn(() => 'blob:readiness');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const clicked: HTMLAnchorElement[] = [];
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function record(this: HTMLAnchorElement) {
        clicked.push(this);
      });
    try {
      await renderPage(
        '/readiness?failing=monitoring.alerts&kind=component&cursor=page-2',
      );
      await waitFor(() => expect(searchRows().length).toBeGreaterThan(0));
      fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
      await waitFor(() => expect(clicked).toHaveLength(1));
      expect(exportParams?.get('format')).toBe('csv');
      expect(exportParams?.getAll('failing')).toEqual(['monitoring.alerts']);
      expect(exportParams?.getAll('kind')).toEqual(['component']);
      expect(exportParams?.has('cursor')).toBe(false);
      expect(clicked[0].download).toBe('readiness.csv');
      expect(clicked[0].href).toBe('blob:readiness');
      const blob = (createObjectURL.mock.calls[0] as unknown[])[0] as Blob;
      expect(await blob.text()).toContain(
        'component:default/checkout-api,bronze',
      );
    } finally {
      click.mockRestore();
    }
  });

  it('says when nothing matches and clears the filters', async () => {
    recordSearches(params =>
      params.has('owner') ? { items: [], totalCount: 0 } : searchResponse,
    );
    await renderPage('/readiness?owner=group:default/nobody');
    expect(await screen.findByText('No entity matches')).toBeInTheDocument();
    fireEvent.click(
      screen.getAllByRole('button', { name: 'Clear filters' })[0],
    );
    await waitFor(() => expect(searchRows()).toHaveLength(2));
    expect(urlParams().has('failing')).toBe(false);
  });

  it('reads an empty search for a gap as good news', async () => {
    recordSearches(params =>
      params.has('failing') ? { items: [], totalCount: 0 } : searchResponse,
    );
    await renderPage('/readiness?failing=delivery.ci&tier=tier-1');
    await waitFor(() =>
      expect(screen.getByTestId('gap-search-count')).toHaveTextContent(
        /^No tier-1 entity lacks .+\.$/,
      ),
    );
    expect(screen.queryByText('No entity matches')).toBeNull();
  });

  it('says once what the installation cannot see, for the whole organisation', async () => {
    server.use(
      http.get(`${readinessBase}/checks`, () =>
        HttpResponse.json({
          ...checkPack,
          setup: {
            missing: [
              {
                namespace: 'metrics',
                checkIds: [checkPack.checks[5].id],
                howTo: 'Install the Prometheus module.',
              },
            ],
          },
        }),
      ),
    );
    await renderPage();
    expect(
      await screen.findByRole('note', {
        name: 'What this installation cannot see',
      }),
    ).toHaveTextContent(
      `does not collect metrics facts: ${checkPack.checks[5].title} is not checked`,
    );
  });

  it('rolls teams up with their child teams when asked', async () => {
    const asked: Array<string | null> = [];
    server.use(
      http.get(`${readinessBase}/rollups`, ({ request }) => {
        const children = new URL(request.url).searchParams.get(
          'includeChildren',
        );
        asked.push(children);
        const parent = {
          ...ownerRollups.groups[0],
          key: 'group:default/engineering',
          entities: 7,
        };
        return HttpResponse.json(
          children === 'true'
            ? {
                ...ownerRollups,
                includeChildren: true,
                groups: [parent, ...ownerRollups.groups],
              }
            : ownerRollups,
        );
      }),
    );
    await renderPage();
    const heatmap = await screen.findByRole('table', {
      name: 'Pass rate by owner and category',
    });
    expect(within(heatmap).queryByText('engineering')).not.toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Include child teams' }),
    );
    expect(await screen.findByText('engineering')).toBeInTheDocument();
    expect(asked).toEqual([null, 'true']);
    expect(screen.getByText(/its child teams' included/)).toBeInTheDocument();
  });

  it('filters the search by an owner picked in the heatmap', async () => {
    const seen = recordSearches();
    await renderPage();
    const heatmap = await screen.findByRole('table', {
      name: 'Pass rate by owner and category',
    });
    const row = within(heatmap).getByText('team-checkout').closest('tr')!;
    fireEvent.click(within(row).getByRole('button', { name: 'Show gaps' }));
    await waitFor(() =>
      expect(seen[seen.length - 1].getAll('owner')).toEqual([
        'group:default/team-checkout',
      ]),
    );
  });

  it('asks for results first, the overview next and filter suggestions on demand', async () => {
    const order: string[] = [];
    server.events.on('request:start', ({ request }) => {
      const url = new URL(request.url);
      order.push(`${url.pathname.replace('/api/readiness', '')}${url.search}`);
    });
    try {
      await renderPage();
      await screen.findByRole('table', { name: 'Entities per level' });
      const first = order.findIndex(r => r.startsWith('/search'));
      const overview = order.findIndex(r => r.startsWith('/rollups'));
      expect(first).toBeGreaterThanOrEqual(0);
      expect(overview).toBeGreaterThan(first);
      expect(order.some(r => r.includes('groupBy=system'))).toBe(false);

      await userEvent.click(screen.getByRole('textbox', { name: 'Owner' }));
      expect(
        await screen.findByRole('option', { name: 'team-payments' }),
      ).toBeInTheDocument();
      expect(order.some(r => r.includes('groupBy=system'))).toBe(true);
    } finally {
      server.events.removeAllListeners();
    }
  });

  it('starts a full rescore when permitted', async () => {
    let started = false;
    server.use(
      http.post(`${readinessBase}/runs`, () => {
        started = true;
        return HttpResponse.json(
          { ...lastRun, id: 'run-2', status: 'running' },
          { status: 202 },
        );
      }),
    );
    await renderPage();
    fireEvent.click(await screen.findByRole('button', { name: 'Rescore all' }));
    await waitFor(() => expect(started).toBe(true));
  });

  it('follows a full rescore to its end, then reloads the overview and the search', async () => {
    let polls = 0;
    let finished = false;
    let rollupLoads = 0;
    let searches = 0;
    server.use(
      http.post(`${readinessBase}/runs`, () =>
        HttpResponse.json(
          {
            ...lastRun,
            id: 'run-2',
            status: 'running',
            entitiesDone: 0,
            entitiesTotal: 55,
            finishedAt: undefined,
            errors: [],
          },
          { status: 202 },
        ),
      ),
      http.get(`${readinessBase}/runs/run-2`, () => {
        polls += 1;
        return HttpResponse.json({
          ...lastRun,
          id: 'run-2',
          status: finished ? 'succeeded' : 'running',
          entitiesDone: finished ? 55 : 12,
          entitiesTotal: 55,
          errors: finished ? ['component:default/broken: timeout'] : [],
        });
      }),
    );
    server.events.on('request:start', ({ request }) => {
      const url = new URL(request.url);
      if (url.pathname.endsWith('/rollups')) rollupLoads += 1;
      if (url.pathname.endsWith('/search')) searches += 1;
    });
    try {
      const alerts: string[] = [];
      const alertApi = new AlertApiForwarder();
      alertApi.alert$().subscribe(alert => alerts.push(alert.message));
      await renderInTestApp(
        <TestApiProvider
          apis={[...readinessTestApis(), [alertApiRef, alertApi]]}
        >
          <ReadinessPage runPollMs={10} />
        </TestApiProvider>,
        {
          mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
        },
      );
      fireEvent.click(
        await screen.findByRole('button', { name: 'Rescore all' }),
      );
      // Text queries: role queries over this large page are slow on busy machines.
      const runningButton = await screen.findByText(
        'Rescoring: 12 of 55 scored',
        {},
        { timeout: 10000 },
      );
      expect(runningButton.closest('button')).toBeDisabled();
      expect(screen.getByText('12 of 55 scored')).toBeInTheDocument();
      const loadsWhileRunning = { rollupLoads, searches };
      const pollsWhileRunning = polls;
      finished = true;
      const idleButton = await screen.findByText(
        'Rescore all',
        {},
        { timeout: 10000 },
      );
      expect(idleButton.closest('button')).toBeEnabled();
      expect(alerts).toContain('Rescore finished: 55 of 55 scored, 1 error.');
      await waitFor(() => {
        expect(rollupLoads).toBeGreaterThan(loadsWhileRunning.rollupLoads);
        expect(searches).toBeGreaterThan(loadsWhileRunning.searches);
      });
      // Polling stopped once the run had ended.
      const pollsAtEnd = polls;
      await new Promise(resolve => setTimeout(resolve, 100));
      expect(polls).toBe(pollsAtEnd);
      expect(pollsAtEnd).toBeGreaterThan(pollsWhileRunning);
    } finally {
      server.events.removeAllListeners();
    }
  });
});
