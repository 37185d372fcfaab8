import { registerMswTestHooks } from '@backstage/test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  checkPack,
  checkoutScorecard,
  newExemption,
  paymentsScorecard,
} from '../../__testUtils__/fixtures';
import {
  errorResponse,
  neverAnswer,
  readinessBase,
  readinessHandlers,
} from '../../__testUtils__/readinessTestApis';
import {
  checkoutScorecardUrl,
  renderOnEntityPage,
} from '../../__testUtils__/renderOnEntityPage';
import { EntityReadinessContent } from './EntityReadinessContent';

/** Opens a check's collapsed details (every check starts closed). */
function expand(check: HTMLElement) {
  fireEvent.click(within(check).getAllByRole('button')[0]);
}

async function renderContent() {
  return renderOnEntityPage(<EntityReadinessContent />);
}

describe('EntityReadinessContent', () => {
  const server = setupServer(...readinessHandlers);
  registerMswTestHooks(server);

  it('says once, below the checks, what the installation cannot see of this entity', async () => {
    server.use(
      http.get(`${readinessBase}/checks`, () =>
        HttpResponse.json({
          ...checkPack,
          setup: {
            missing: [
              {
                namespace: 'metrics',
                checkIds: ['monitoring.latency'],
                howTo: 'Install the Prometheus module.',
              },
              {
                namespace: 'security',
                checkIds: ['security.sbom'],
                howTo: 'Install a security module.',
              },
            ],
          },
        }),
      ),
    );
    await renderContent();
    const notice = await screen.findByRole('note', {
      name: 'What this installation cannot see',
    });
    expect(notice).toHaveTextContent(
      `does not collect metrics facts: ${checkPack.checks[5].title} is not checked`,
    );
    // The entity has no check reading security facts.
    expect(notice).not.toHaveTextContent('security');
    // The check itself speaks of the service only.
    expect(
      screen.getByText('Metrics are not collected in this installation'),
    ).toBeInTheDocument();
  });

  it('shows progress while the scorecard loads', async () => {
    server.use(http.get(checkoutScorecardUrl, () => neverAnswer()));
    await renderContent();
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('shows a server error', async () => {
    server.use(
      http.get(checkoutScorecardUrl, () =>
        errorResponse(500, 'Error', 'database is down'),
      ),
    );
    await renderContent();
    expect(
      (await screen.findAllByText(/database is down/)).length,
    ).toBeGreaterThan(0);
    expect(screen.queryByText('Production readiness')).not.toBeInTheDocument();
  });

  it('explains an entity that is not scored yet and rescores it on demand', async () => {
    let refreshed = false;
    server.use(
      http.get(checkoutScorecardUrl, () =>
        errorResponse(
          404,
          'NotFoundError',
          'component:default/checkout-api is not scored yet',
        ),
      ),
      http.post(`${checkoutScorecardUrl}/refresh`, () => {
        refreshed = true;
        return HttpResponse.json(checkoutScorecard);
      }),
    );
    await renderContent();
    expect(await screen.findByText('Not scored yet')).toBeInTheDocument();
    expect(
      screen.getByText(/component:default\/checkout-api is not scored yet/),
    ).toBeInTheDocument();
    fireEvent.click(await screen.findByRole('button', { name: 'Rescore now' }));
    expect(await screen.findByText('Production readiness')).toBeInTheDocument();
    expect(refreshed).toBe(true);
  });

  it('shows the score, level, progress and checks grouped by category', async () => {
    await renderContent();
    expect(await screen.findByLabelText('Score 60 of 100')).toBeInTheDocument();
    expect(screen.getByLabelText('Readiness level Bronze')).toBeInTheDocument();
    expect(
      screen.getByText('Progress to Silver: 3 of 5 checks done'),
    ).toBeInTheDocument();
    // What to fix next comes first, with whom to ask.
    const fixNext = screen.getByRole('region', { name: 'Fix next' });
    expect(
      within(fixNext).getByRole('link', { name: 'Alerts reach on-call' }),
    ).toHaveAttribute('href', '#readiness-check-monitoring.alerts');
    expect(
      within(fixNext).getByRole('link', { name: 'Payments Team' }),
    ).toBeInTheDocument();
    // Every check below starts closed.
    for (const check of screen.getAllByTestId(/^check-/)) {
      expect(within(check).getAllByRole('button')[0]).toHaveAttribute(
        'aria-expanded',
        'false',
      );
    }

    const headings = screen
      .getAllByRole('heading', { level: 2 })
      .map(h => h.textContent);
    expect(headings).toEqual([
      'Monitoring',
      'Tracing',
      'Runbook',
      'Delivery',
      'Ownership',
    ]);

    const monitoring = screen.getByTestId('category-monitoring');
    expect(
      within(monitoring).getByText('0 of 2 passing, 1 unknown'),
    ).toBeInTheDocument();
    const alerts = within(monitoring).getByTestId('check-monitoring.alerts');
    expand(alerts);
    expect(within(alerts).getByText('Fail')).toBeInTheDocument();
    expect(
      within(alerts).getByText('No on-call routing found'),
    ).toBeInTheDocument();
    expect(within(alerts).getByText('Blocks Silver')).toBeInTheDocument();
    // Remediation is rendered as markdown.
    expect(
      within(alerts).getByText('pagerduty.com/service-id', {
        selector: 'code',
      }),
    ).toBeInTheDocument();
    expect(
      within(alerts).getByRole('link', {
        name: 'How to fix: Alerts reach on-call',
      }),
    ).toHaveAttribute('href', 'https://docs.example.com/monitoring.alerts');
    const latency = within(monitoring).getByTestId('check-monitoring.latency');
    expect(within(latency).getByText('Unknown')).toBeInTheDocument();
    expect(
      within(latency).getByText(
        'Metrics are not collected in this installation',
      ),
    ).toBeInTheDocument();

    const ci = screen.getByTestId('check-delivery.ci');
    expand(ci);
    expect(within(ci).getByText('Pass')).toBeInTheDocument();
    expect(
      within(ci).getByRole('link', { name: '.github/workflows/ci.yaml' }),
    ).toHaveAttribute(
      'href',
      'https://git.example.com/checkout/blob/main/.github/workflows/ci.yaml',
    );
    expect(within(ci).queryByText('How to fix it')).not.toBeInTheDocument();
  });

  it('opens and scrolls to the check a link points at, once the scorecard has loaded', async () => {
    const scrolled: string[] = [];
    const original = Element.prototype.scrollIntoView;
    Element.prototype.scrollIntoView = function scrollIntoView(this: Element) {
      scrolled.push(this.id);
    };
    try {
      await renderOnEntityPage(<EntityReadinessContent />, {
        routeEntries: ['/readiness#readiness-check-tracing.instrumented'],
      });
      const tracing = await screen.findByTestId('check-tracing.instrumented');
      expect(within(tracing).getAllByRole('button')[0]).toHaveAttribute(
        'aria-expanded',
        'true',
      );
      const alerts = screen.getByTestId('check-monitoring.alerts');
      expect(within(alerts).getAllByRole('button')[0]).toHaveAttribute(
        'aria-expanded',
        'false',
      );
      await waitFor(() =>
        expect(scrolled).toContain('readiness-check-tracing.instrumented'),
      );
    } finally {
      Element.prototype.scrollIntoView = original;
    }
  });

  it('shows who solved a gap, how, and how to reach them', async () => {
    await renderContent();
    const alerts = await screen.findByTestId('check-monitoring.alerts');
    expand(alerts);
    const exemplar = within(alerts).getByTestId('learn-from-exemplar');
    expect(
      within(exemplar).getByRole('link', { name: 'Payments API' }),
    ).toHaveAttribute('href', '/catalog/default/component/payments-api');
    expect(
      within(exemplar).getByRole('link', { name: 'Payments Team' }),
    ).toBeInTheDocument();
    expect(
      within(exemplar).getByText(/same domain, same type/),
    ).toBeInTheDocument();
    expect(
      within(exemplar).getByRole('link', { name: 'pagerduty.com/service-id' }),
    ).toHaveAttribute('href', 'https://pagerduty.example.com/services/PX123');
    expect(
      within(exemplar).getByRole('link', { name: 'payments@example.com' }),
    ).toHaveAttribute('href', 'mailto:payments@example.com');
    expect(
      within(exemplar).getByRole('link', { name: '#payments' }),
    ).toHaveAttribute('href', 'https://chat.example.com/payments');
    const tracing = screen.getByTestId('check-tracing.instrumented');
    expect(
      within(tracing).getByText('No other team passes this check yet.'),
    ).toBeInTheDocument();
  });

  it("shows the owner's contacts, the trend and the change history", async () => {
    await renderContent();
    expect(
      await screen.findByRole('link', { name: 'Checkout Team' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'checkout@example.com' }),
    ).toHaveAttribute('href', 'mailto:checkout@example.com');
    expect(screen.getByText(/Score 40 → 60 since/)).toBeInTheDocument();
    const history = screen.getByRole('table', { name: 'Change history' });
    expect(within(history).getByText('CI configured')).toBeInTheDocument();
    expect(within(history).getByText('Runbook linked')).toBeInTheDocument();
  });

  it('says when the highest level is reached', async () => {
    server.use(
      http.get(checkoutScorecardUrl, () =>
        HttpResponse.json(paymentsScorecard),
      ),
    );
    await renderContent();
    expect(
      await screen.findByText('The highest level is reached. Keep it there.'),
    ).toBeInTheDocument();
    expect(
      screen.queryByText(/Learn from other teams/),
    ).not.toBeInTheDocument();
  });

  it('exempts a failing check with a reason and an expiry, then reloads', async () => {
    let body: Record<string, string> | undefined;
    let loads = 0;
    server.use(
      http.get(checkoutScorecardUrl, () => {
        loads += 1;
        return HttpResponse.json(checkoutScorecard);
      }),
      http.post(`${readinessBase}/exemptions`, async ({ request }) => {
        body = (await request.json()) as Record<string, string>;
        return HttpResponse.json(newExemption, { status: 201 });
      }),
    );
    await renderContent();
    const alerts = await screen.findByTestId('check-monitoring.alerts');
    expand(alerts);
    fireEvent.click(
      within(alerts).getByRole('button', { name: 'Exempt from this check' }),
    );
    const dialog = await screen.findByRole('dialog');
    const submit = within(dialog).getByRole('button', { name: 'Exempt' });
    expect(submit).toBeDisabled();
    fireEvent.change(within(dialog).getByLabelText(/Reason/), {
      target: { value: 'Batch job, nobody to page' },
    });
    fireEvent.change(within(dialog).getByLabelText(/Expires on/), {
      target: { value: '2030-01-31' },
    });
    fireEvent.click(submit);
    await waitFor(() => expect(loads).toBe(2));
    expect(body).toMatchObject({
      entityRef: 'component:default/checkout-api',
      checkId: 'monitoring.alerts',
      reason: 'Batch job, nobody to page',
    });
    expect(new Date(body!.expiresAt).getFullYear()).toBe(2030);
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
  });

  it('keeps the dialog open with the error when the exemption is refused', async () => {
    server.use(
      http.post(`${readinessBase}/exemptions`, () =>
        errorResponse(400, 'InputError', 'reason is too long'),
      ),
    );
    await renderContent();
    const alerts = await screen.findByTestId('check-monitoring.alerts');
    expand(alerts);
    fireEvent.click(
      within(alerts).getByRole('button', { name: 'Exempt from this check' }),
    );
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText(/Reason/), {
      target: { value: 'x' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Exempt' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'reason is too long',
    );
  });

  it('removes an exemption', async () => {
    let deleted = '';
    server.use(
      http.delete(`${readinessBase}/exemptions/:id`, ({ params }) => {
        deleted = String(params.id);
        return new HttpResponse(null, { status: 204 });
      }),
    );
    await renderContent();
    const runbook = await screen.findByTestId('check-runbook.linked');
    expand(runbook);
    expect(
      within(runbook).getByText(
        /The runbook lives in the shop system — granted by user:default\/alice/,
      ),
    ).toBeInTheDocument();
    fireEvent.click(
      within(runbook).getByRole('button', { name: 'Remove exemption' }),
    );
    // Asks first: keeping it removes nothing.
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent(/Remove the exemption from/);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Keep it' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), {
      timeout: 5000, // the dialog's exit transition, on a loaded machine
    });
    expect(deleted).toBe('');
    fireEvent.click(
      within(runbook).getByRole('button', { name: 'Remove exemption' }),
    );
    fireEvent.click(
      within(await screen.findByRole('dialog')).getByRole('button', {
        name: 'Remove',
      }),
    );
    await waitFor(() => expect(deleted).toBe('ex-1'));
  });

  it('offers to undo the removal of an exemption', async () => {
    let created: unknown;
    server.use(
      http.delete(
        `${readinessBase}/exemptions/:id`,
        () => new HttpResponse(null, { status: 204 }),
      ),
      http.post(`${readinessBase}/exemptions`, async ({ request }) => {
        created = await request.json();
        return HttpResponse.json(checkoutScorecard.results[2].exemption, {
          status: 201,
        });
      }),
    );
    await renderContent();
    const runbook = await screen.findByTestId('check-runbook.linked');
    expand(runbook);
    fireEvent.click(
      within(runbook).getByRole('button', { name: 'Remove exemption' }),
    );
    fireEvent.click(
      within(await screen.findByRole('dialog')).getByRole('button', {
        name: 'Remove',
      }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), {
      timeout: 5000, // the dialog's exit transition, on a loaded machine
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Undo' }));
    await waitFor(() =>
      expect(created).toEqual({
        entityRef: 'component:default/checkout-api',
        checkId: 'runbook.linked',
        reason: 'The runbook lives in the shop system',
        expiresAt: '2025-12-31T00:00:00.000Z',
      }),
    );
  });

  it('rescores the entity on demand', async () => {
    server.use(
      http.post(`${checkoutScorecardUrl}/refresh`, () =>
        HttpResponse.json(paymentsScorecard),
      ),
    );
    await renderContent();
    fireEvent.click(await screen.findByRole('button', { name: 'Rescore now' }));
    expect(
      await screen.findByLabelText('Score 100 of 100'),
    ).toBeInTheDocument();
  });
});
