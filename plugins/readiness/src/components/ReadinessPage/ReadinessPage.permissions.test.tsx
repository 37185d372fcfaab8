import { entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  TestApiProvider,
  registerMswTestHooks,
  renderInTestApp,
} from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { setupServer } from 'msw/node';
import {
  readinessHandlers,
  readinessTestApis,
} from '../../__testUtils__/readinessTestApis';
import { ReadinessPage } from './ReadinessPage';

// A file of its own: usePermission caches answers per permission for the
// whole module.

describe('ReadinessPage without permissions', () => {
  const server = setupServer(...readinessHandlers);
  registerMswTestHooks(server);

  it('hides the full rescore but shows everything else', async () => {
    await renderInTestApp(
      <TestApiProvider apis={readinessTestApis({ permission: 'DENY' })}>
        <ReadinessPage />
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    expect(
      await screen.findByRole('table', { name: 'Entities per level' }),
    ).toBeInTheDocument();
    expect(await screen.findAllByTestId('gap-search-row')).toHaveLength(2);
    expect(
      screen.queryByRole('button', { name: 'Rescore all' }),
    ).not.toBeInTheDocument();
  });
});
