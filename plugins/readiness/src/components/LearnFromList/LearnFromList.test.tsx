import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { paymentsSummary } from '../../__testUtils__/fixtures';
import { LearnFromList } from './LearnFromList';

const mountedRoutes = { '/catalog/:namespace/:kind/:name': entityRouteRef };

describe('LearnFromList', () => {
  it('shows each exemplar with why it was picked, its evidence and its contacts', async () => {
    await renderInTestApp(
      <LearnFromList
        exemplars={[
          {
            entity: paymentsSummary,
            owner: {
              ref: 'group:default/team-payments',
              displayName: 'Payments Team',
              contacts: [
                {
                  type: 'chat',
                  label: '#payments',
                  url: 'https://chat.example.com/p',
                },
              ],
            },
            similarity: ['same system'],
            evidence: [
              {
                kind: 'link',
                label: 'runbook link "Runbook"',
                url: 'https://wiki.example.com/rb',
              },
            ],
          },
          {
            entity: {
              ...paymentsSummary,
              entityRef: 'component:default/edi-bridge',
              name: 'edi-bridge',
              title: undefined,
            },
            owner: { ref: 'group:default/legacy-integrations', contacts: [] },
            similarity: [],
            evidence: [],
          },
        ]}
      />,
      { mountedRoutes },
    );
    const [payments, edi] = screen.getAllByTestId('learn-from-exemplar');
    expect(
      within(payments).getByRole('link', { name: 'Payments API' }),
    ).toBeInTheDocument();
    expect(within(payments).getByText(/same system/)).toBeInTheDocument();
    expect(
      within(payments).getByRole('link', { name: 'runbook link "Runbook"' }),
    ).toHaveAttribute('href', 'https://wiki.example.com/rb');
    expect(
      within(payments).getByRole('link', { name: '#payments' }),
    ).toBeInTheDocument();
    expect(
      within(edi).getByText('No contact details in the catalog'),
    ).toBeInTheDocument();
    expect(within(edi).queryByText('How they did it')).not.toBeInTheDocument();
  });

  it('says when no other team passes the check', async () => {
    await renderInTestApp(<LearnFromList exemplars={[]} />, { mountedRoutes });
    expect(
      screen.getByText('No other team passes this check yet.'),
    ).toBeInTheDocument();
  });
});
