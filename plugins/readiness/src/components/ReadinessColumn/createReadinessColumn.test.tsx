import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { Table } from '@backstage/core-components';
import type { CatalogTableRow } from '@backstage/plugin-catalog';
import {
  TestApiProvider,
  registerMswTestHooks,
  renderInTestApp,
} from '@backstage/test-utils';
import { fireEvent, screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { checkoutSummary, paymentsSummary } from '../../__testUtils__/fixtures';
import {
  errorResponse,
  readinessBase,
  readinessHandlers,
  readinessTestApis,
} from '../../__testUtils__/readinessTestApis';
import { createReadinessColumn } from './createReadinessColumn';

function row(name: string, kind = 'Component'): CatalogTableRow {
  const entity: Entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, namespace: 'default' },
  };
  return {
    entity,
    resolved: {
      name,
      entityRef: stringifyEntityRef(entity),
      ownedByRelations: [],
      partOfSystemRelations: [],
    },
  };
}

const rows = ['checkout-api', 'payments-api', 'legacy-batch'].map(name =>
  row(name),
);

async function renderTable(data: CatalogTableRow[] = rows) {
  return renderInTestApp(
    <TestApiProvider apis={readinessTestApis()}>
      <Table<CatalogTableRow>
        title="Catalog"
        data={data}
        columns={[
          { title: 'Name', field: 'resolved.name' },
          createReadinessColumn(),
        ]}
        options={{ paging: false }}
      />
    </TestApiProvider>,
  );
}

describe('createReadinessColumn', () => {
  const server = setupServer(...readinessHandlers);
  registerMswTestHooks(server);

  it('shows each row level with one summaries request for the page', async () => {
    const requests: string[][] = [];
    server.use(
      http.post(`${readinessBase}/summaries`, async ({ request }) => {
        const { entityRefs } = (await request.json()) as {
          entityRefs: string[];
        };
        requests.push(entityRefs);
        return HttpResponse.json({ items: [checkoutSummary, paymentsSummary] });
      }),
    );
    await renderTable();
    const checkout = (await screen.findByText('checkout-api')).closest('tr')!;
    expect(await within(checkout).findByText('Bronze')).toBeInTheDocument();
    expect(within(checkout).getByLabelText('Score 60')).toBeInTheDocument();
    const payments = screen.getByText('payments-api').closest('tr')!;
    expect(await within(payments).findByText('Gold')).toBeInTheDocument();
    const legacy = screen.getByText('legacy-batch').closest('tr')!;
    expect(
      await within(legacy).findByText('Not scored yet'),
    ).toBeInTheDocument();
    expect(requests).toHaveLength(1);
    expect([...requests[0]].sort()).toEqual([
      'component:default/checkout-api',
      'component:default/legacy-batch',
      'component:default/payments-api',
    ]);
  });

  it('marks the cells when the summaries cannot be loaded', async () => {
    server.use(
      http.post(`${readinessBase}/summaries`, () =>
        errorResponse(
          503,
          'ServiceUnavailableError',
          'readiness store is starting',
        ),
      ),
    );
    await renderTable();
    expect(await screen.findAllByText('Unavailable')).toHaveLength(3);
  });

  it('sorts the rows by score, not yet scored last', async () => {
    server.use(
      http.post(`${readinessBase}/summaries`, () =>
        HttpResponse.json({ items: [checkoutSummary, paymentsSummary] }),
      ),
    );
    await renderTable();
    await screen.findByText('Gold');
    const names = () =>
      screen
        .getAllByRole('row')
        .slice(1)
        .map(r => within(r).getAllByRole('cell')[0].textContent);
    fireEvent.click(screen.getByText('Readiness'));
    expect(names()).toEqual(['legacy-batch', 'checkout-api', 'payments-api']);
    fireEvent.click(screen.getByText('Readiness'));
    expect(names()).toEqual(['payments-api', 'checkout-api', 'legacy-batch']);
  });

  it('says a Group is not scored itself, without asking for it', async () => {
    const requests: string[][] = [];
    server.use(
      http.post(`${readinessBase}/summaries`, async ({ request }) => {
        const { entityRefs } = (await request.json()) as {
          entityRefs: string[];
        };
        requests.push(entityRefs);
        return HttpResponse.json({ items: [checkoutSummary] });
      }),
    );
    await renderTable([row('checkout-api'), row('payments', 'Group')]);
    const group = (await screen.findByText('payments')).closest('tr')!;
    expect(
      within(group).getByText(/Not scored: its entities are/),
    ).toBeInTheDocument();
    await screen.findByText('Bronze');
    expect(requests.flat()).toEqual(['component:default/checkout-api']);
  });
});
