import '@testing-library/jest-dom';
import { screen } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  MockSearchApi,
  SearchContextProvider,
  searchApiRef,
} from '@backstage/plugin-search-react';
import { SearchPage } from './SearchPage';

describe('SearchPage', () => {
  it('shows readiness results with their level and score, and catalog results', async () => {
    const searchApi = new MockSearchApi({
      results: [
        {
          type: 'readiness',
          document: {
            title: 'Payments API readiness: Silver',
            text: 'Missing: runbook linked (runbook). Owner: team-payments. Level Silver, score 72.',
            location: '/catalog/default/component/payments-api/readiness',
            level: 'silver',
            score: 72,
          } as never,
        },
        {
          type: 'readiness',
          document: {
            title: 'Ledger readiness: below Bronze',
            text: 'Missing: rollback documented (delivery).',
            location: '/catalog/default/component/ledger/readiness',
            level: '',
            score: 40,
          } as never,
        },
        {
          type: 'software-catalog',
          document: {
            title: 'payments-api',
            text: 'Takes card payments',
            location: '/catalog/default/component/payments-api',
            kind: 'Component',
            type: 'service',
            lifecycle: 'production',
            owner: 'team-payments',
          } as never,
        },
      ],
    });

    await renderInTestApp(
      <TestApiProvider apis={[[searchApiRef, searchApi]]}>
        <SearchContextProvider
          initialState={{ term: 'payments', types: [], filters: {} }}
        >
          <SearchPage />
        </SearchContextProvider>
      </TestApiProvider>,
    );

    const payments = await screen.findByText('Payments API readiness: Silver');
    expect(payments.closest('a')).toHaveAttribute(
      'href',
      '/catalog/default/component/payments-api/readiness',
    );
    expect(screen.getByText('level silver')).toBeInTheDocument();
    expect(screen.getByText('score 72')).toBeInTheDocument();
    expect(screen.getByText('no level')).toBeInTheDocument();
    expect(screen.getByText('Takes card payments')).toBeInTheDocument();
    expect(screen.getByText('Readiness gaps')).toBeInTheDocument();
  });
});
