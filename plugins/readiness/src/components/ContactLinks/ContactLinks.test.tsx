import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { ContactLinks } from './ContactLinks';

describe('ContactLinks', () => {
  it('links email as mailto and chat to its page', async () => {
    await renderInTestApp(
      <ContactLinks
        contacts={[
          { type: 'email', label: 'team@example.com' },
          {
            type: 'chat',
            label: '#team',
            url: 'https://chat.example.com/team',
          },
          { type: 'oncall', label: 'Team rota' },
        ]}
      />,
    );
    expect(
      screen.getByRole('link', { name: 'team@example.com' }),
    ).toHaveAttribute('href', 'mailto:team@example.com');
    expect(screen.getByRole('link', { name: '#team' })).toHaveAttribute(
      'href',
      'https://chat.example.com/team',
    );
    expect(screen.getByText('Team rota')).toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: 'Team rota' }),
    ).not.toBeInTheDocument();
    expect(screen.getByTitle('Chat')).toBeInTheDocument();
  });

  it('shows the empty text when there is no contact', async () => {
    await renderInTestApp(
      <ContactLinks contacts={[]} emptyText="No contacts known" />,
    );
    expect(screen.getByText('No contacts known')).toBeInTheDocument();
  });
});
