import { Entity } from '@backstage/catalog-model';
import { InMemoryCatalogClient } from '@backstage/catalog-client/testUtils';
import {
  EntityKindFilter,
  EntityListProvider,
  catalogApiRef,
  useEntityList,
} from '@backstage/plugin-catalog-react';
import {
  TestApiProvider,
  registerMswTestHooks,
  renderInTestApp,
} from '@backstage/test-utils';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { useEffect } from 'react';
import {
  checkoutSummary,
  paymentsSummary,
  searchSummary,
} from '../../__testUtils__/fixtures';
import {
  errorResponse,
  readinessBase,
  readinessHandlers,
  readinessTestApis,
} from '../../__testUtils__/readinessTestApis';
import { ReadinessGapFilter } from './ReadinessGapFilter';
import { ReadinessGapPicker } from './ReadinessGapPicker';

function component(name: string, namespace = 'default'): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace },
    spec: { type: 'service' },
  };
}

const entities = [
  component('checkout-api'),
  component('payments-api'),
  component('search-web'),
  component('checkout-api', 'other'),
];

/** Lists the names the catalog list would show, after a kind filter. */
function ShownEntities() {
  const { entities: shown, updateFilters } = useEntityList();
  useEffect(() => {
    updateFilters({ kind: new EntityKindFilter('component', 'Component') });
  }, [updateFilters]);
  return (
    <ul aria-label="Shown entities">
      {shown.map(e => (
        <li key={`${e.metadata.namespace}/${e.metadata.name}`}>
          {e.metadata.namespace}/{e.metadata.name}
        </li>
      ))}
    </ul>
  );
}

async function renderPicker(routeEntries?: string[]) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        ...readinessTestApis(),
        [catalogApiRef, new InMemoryCatalogClient({ entities })],
      ]}
    >
      <EntityListProvider>
        <ReadinessGapPicker />
        <ShownEntities />
      </EntityListProvider>
    </TestApiProvider>,
    { routeEntries },
  );
}

async function shownNames() {
  const list = await screen.findByRole('list', { name: 'Shown entities' });
  return Array.from(list.querySelectorAll('li'), li => li.textContent);
}

describe('ReadinessGapPicker', () => {
  const server = setupServer(...readinessHandlers);
  registerMswTestHooks(server);

  /** Answers failing=monitoring.alerts with two pages. */
  function failingAlerts(seen: URLSearchParams[] = []) {
    server.use(
      http.get(`${readinessBase}/search`, ({ request }) => {
        const params = new URL(request.url).searchParams;
        seen.push(params);
        if (params.get('failing') !== 'monitoring.alerts') {
          return HttpResponse.json({ items: [], totalCount: 0 });
        }
        return HttpResponse.json(
          params.get('cursor') === 'p2'
            ? { items: [searchSummary], totalCount: 2 }
            : { items: [checkoutSummary], totalCount: 2, nextCursor: 'p2' },
        );
      }),
    );
    return seen;
  }

  it('keeps only the entities failing the chosen check, across all result pages', async () => {
    const seen = failingAlerts();
    await renderPicker();
    await waitFor(async () => expect(await shownNames()).toHaveLength(4));

    await userEvent.click(
      screen.getByRole('textbox', { name: 'Readiness gap' }),
    );
    await userEvent.click(
      await screen.findByRole('option', { name: 'Alerts reach on-call' }),
    );

    await waitFor(async () =>
      expect(await shownNames()).toEqual([
        'default/checkout-api',
        'default/search-web',
      ]),
    );
    expect(seen.map(p => p.get('cursor'))).toEqual([null, 'p2']);
    expect(seen[0].get('limit')).toBe('500');
  });

  it('shows every entity again when the choice is cleared', async () => {
    failingAlerts();
    await renderPicker(['/?filters%5BreadinessGap%5D=monitoring.alerts']);
    await waitFor(async () => expect(await shownNames()).toHaveLength(2));
    expect(screen.getByRole('textbox', { name: 'Readiness gap' })).toHaveValue(
      'Alerts reach on-call',
    );
    await userEvent.click(screen.getByTitle('Clear'));
    await waitFor(async () => expect(await shownNames()).toHaveLength(4));
  });

  it('shows why the failing entities could not be loaded', async () => {
    server.use(
      http.get(`${readinessBase}/search`, () =>
        errorResponse(400, 'InputError', 'unknown check id nope.nope'),
      ),
    );
    await renderPicker(['/?filters%5BreadinessGap%5D=nope.nope']);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'unknown check id nope.nope',
    );
  });
});

describe('ReadinessGapFilter', () => {
  it('matches entities by full ref, whatever the case', () => {
    const filter = new ReadinessGapFilter('monitoring.alerts', [
      'component:default/Checkout-API',
    ]);
    expect(filter.filterEntity(component('checkout-api'))).toBe(true);
    expect(filter.filterEntity(component('checkout-api', 'other'))).toBe(false);
    expect(filter.filterEntity(component('payments-api'))).toBe(false);
    expect(filter.toQueryValue()).toBe('monitoring.alerts');
  });

  it('narrows the catalog query by name, or to nothing when nothing fails', () => {
    expect(
      new ReadinessGapFilter('x.y', [
        checkoutSummary.entityRef,
        paymentsSummary.entityRef,
        'api:other/checkout-api',
      ]).getCatalogQuery(),
    ).toEqual({ 'metadata.name': { $in: ['checkout-api', 'payments-api'] } });
    expect(new ReadinessGapFilter('x.y', []).getCatalogQuery()).toEqual({
      $any: [],
    });
  });

  it('leaves a very long list to the frontend filter', () => {
    const refs = Array.from(
      { length: 1001 },
      (_, i) => `component:default/c${i}`,
    );
    expect(
      new ReadinessGapFilter('x.y', refs).getCatalogQuery(),
    ).toBeUndefined();
  });
});
