import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { champions, checkPack } from '../../__testUtils__/fixtures';
import { ChampionsTable } from './ChampionsTable';

const mountedRoutes = { '/catalog/:namespace/:kind/:name': entityRouteRef };

describe('ChampionsTable', () => {
  it('names the best teams per check with their pass rate and contacts', async () => {
    await renderInTestApp(
      <ChampionsTable champions={champions} checks={checkPack.checks} />,
      { mountedRoutes },
    );
    const row = screen.getByTestId('champions-monitoring.alerts');
    expect(within(row).getByText('Alerts reach on-call')).toBeInTheDocument();
    expect(
      within(row).getByRole('link', { name: 'Payments Team' }),
    ).toBeInTheDocument();
    expect(within(row).getByText(/100% \(4\s+of 4\)/)).toBeInTheDocument();
    expect(
      within(row).getByRole('link', { name: '#payments' }),
    ).toHaveAttribute('href', 'https://chat.example.com/payments');
  });

  it('says when there are no champions', async () => {
    await renderInTestApp(
      <ChampionsTable champions={{ checks: [] }} checks={checkPack.checks} />,
      { mountedRoutes },
    );
    expect(screen.getByText(/No champions yet/)).toBeInTheDocument();
  });
});
