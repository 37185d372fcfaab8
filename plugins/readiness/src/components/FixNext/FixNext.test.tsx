import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { checkPack, checkoutScorecard } from '../../__testUtils__/fixtures';
import { FixNext } from './FixNext';

const mountedRoutes = { '/catalog/:namespace/:kind/:name': entityRouteRef };

describe('FixNext', () => {
  it('lists the checks that block the next level with a fix and whom to ask', async () => {
    await renderInTestApp(
      <FixNext scorecard={checkoutScorecard} levels={checkPack.levels} />,
      { mountedRoutes },
    );
    const section = screen.getByRole('region', { name: 'Fix next' });
    expect(
      within(section).getByText(
        /2 checks stand between this entity and Silver/,
      ),
    ).toBeInTheDocument();

    const alerts = within(section).getByTestId('fix-next-monitoring.alerts');
    expect(
      within(alerts).getByRole('link', { name: 'Alerts reach on-call' }),
    ).toHaveAttribute('href', '#readiness-check-monitoring.alerts');
    expect(
      within(alerts).getByRole('link', { name: 'Payments Team' }),
    ).toBeInTheDocument();
    expect(
      within(alerts).getByRole('link', { name: '#payments' }),
    ).toHaveAttribute('href', 'https://chat.example.com/payments');

    const tracing = within(section).getByTestId(
      'fix-next-tracing.instrumented',
    );
    expect(
      within(tracing).getByText('No other team passes this check yet.'),
    ).toBeInTheDocument();
  });

  it('renders nothing when the highest level is reached', async () => {
    const { container } = await renderInTestApp(
      <FixNext
        scorecard={{
          ...checkoutScorecard,
          nextLevel: undefined,
          blockingCheckIds: [],
        }}
        levels={checkPack.levels}
      />,
      { mountedRoutes },
    );
    expect(container.querySelector('section')).toBeNull();
  });
});
