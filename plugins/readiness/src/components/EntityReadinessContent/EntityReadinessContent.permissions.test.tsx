import { registerMswTestHooks } from '@backstage/test-utils';
import { fireEvent, screen, within } from '@testing-library/react';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import {
  errorResponse,
  readinessBase,
  readinessHandlers,
} from '../../__testUtils__/readinessTestApis';
import { renderOnEntityPage } from '../../__testUtils__/renderOnEntityPage';
import { EntityReadinessContent } from './EntityReadinessContent';

// A file of its own: usePermission caches answers per permission for the
// whole module, so allowed and denied cannot share one test file.

async function renderDenied() {
  return renderOnEntityPage(<EntityReadinessContent />, { permission: 'DENY' });
}

describe('EntityReadinessContent without permissions', () => {
  const server = setupServer(...readinessHandlers);
  registerMswTestHooks(server);

  it('hides rescoring and exemption actions', async () => {
    await renderDenied();
    const alerts = await screen.findByTestId('check-monitoring.alerts');
    // Opened, so that a hidden button would be found.
    fireEvent.click(within(alerts).getAllByRole('button')[0]);
    // Everything else is still shown.
    expect(
      within(alerts).getByText('No on-call routing found'),
    ).toBeInTheDocument();
    expect(
      within(alerts).getByRole('link', { name: 'payments@example.com' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Rescore now' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Exempt from this check' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Remove exemption' }),
    ).not.toBeInTheDocument();
    expect(
      screen.getByText(/The runbook lives in the shop system — granted by/),
    ).toBeInTheDocument();
  });

  it('offers no rescore on an entity that is not scored', async () => {
    server.use(
      http.get(`${readinessBase}/entities/component/default/checkout-api`, () =>
        errorResponse(
          404,
          'NotFoundError',
          'component:default/checkout-api is not scored yet',
        ),
      ),
    );
    await renderDenied();
    expect(await screen.findByText('Not scored yet')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Rescore now' }),
    ).not.toBeInTheDocument();
  });
});
