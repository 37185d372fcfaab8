/* eslint-disable no-script-url -- hostile URLs are the test data here */
import { renderInTestApp } from '@backstage/test-utils';
import { fireEvent, screen } from '@testing-library/react';
import { RemediationContent } from './RemediationContent';

const markdown = `Link a runbook:

\`\`\`yaml
metadata:
  links:
    - url: https://wiki.example.com/runbooks/payments-api
\`\`\`

Then rescore.`;

describe('RemediationContent', () => {
  it('writes the snippet for the entity and copies it', async () => {
    const writeText = jest.fn(() => true);
    Object.assign(document, { execCommand: writeText });
    await renderInTestApp(
      <RemediationContent
        markdown={markdown}
        subject={{ name: 'orders', namespace: 'shop' }}
      />,
    );
    const code = document.querySelector('pre code');
    expect(code?.textContent).toContain('name: orders');
    expect(code?.textContent).toContain('namespace: shop');
    expect(code?.textContent).toContain('runbooks/orders');
    expect(code?.textContent).not.toContain('payments-api');
    expect(await screen.findByText('Then rescore.')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Copy snippet' }));
    expect(
      await screen.findByRole('button', { name: 'Snippet copied' }),
    ).toBeInTheDocument();
  });

  it('links to edit catalog-info.yaml over http(s) only', async () => {
    const { unmount } = await renderInTestApp(
      <RemediationContent
        markdown={markdown}
        editUrl="https://github.com/acme/orders/edit/main/catalog-info.yaml"
      />,
    );
    expect(
      screen.getByRole('link', { name: /Edit catalog-info.yaml/ }),
    ).toHaveAttribute(
      'href',
      'https://github.com/acme/orders/edit/main/catalog-info.yaml',
    );
    unmount();
    await renderInTestApp(
      <RemediationContent markdown={markdown} editUrl="javascript:alert(1)" />,
    );
    expect(screen.queryByText(/Edit catalog-info.yaml/)).toBeNull();
  });
});
