import { renderWithEffects } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import App from './App';

describe('App', () => {
  it('renders the guest sign-in page first', async () => {
    // The app reads its configuration from APP_CONFIG, an array in tests.
    process.env = {
      NODE_ENV: 'test',
      APP_CONFIG: [
        {
          data: {
            app: {
              title: 'Readiness Scorecards',
              baseUrl: 'http://localhost:3000',
            },
            backend: { baseUrl: 'http://localhost:7007' },
            organization: { name: 'Example Org' },
          },
          context: 'test',
        },
      ],
    } as unknown as NodeJS.ProcessEnv;
    await renderWithEffects(<App />);
    expect(await screen.findByText('Guest')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Enter' })).toBeInTheDocument();
  });
});
