import { renderInTestApp } from '@backstage/test-utils';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { AttestationDialog } from './AttestationDialog';

describe('AttestationDialog', () => {
  it('needs an http(s) evidence link and submits it with the note', async () => {
    const onSubmit = jest.fn().mockResolvedValue(undefined);
    await renderInTestApp(
      <AttestationDialog
        open
        checkTitle="Disaster-recovery drill"
        expiresAfterDays={180}
        onCancel={jest.fn()}
        onSubmit={onSubmit}
      />,
    );
    expect(
      screen.getByText('Attest “Disaster-recovery drill”'),
    ).toBeInTheDocument();
    expect(screen.getByText(/passes for 180 days/)).toBeInTheDocument();
    const submit = screen.getByRole('button', { name: 'Attest' });
    expect(submit).toBeDisabled();
    fireEvent.change(screen.getByLabelText(/Evidence link/), {
      // eslint-disable-next-line no-script-url -- refused input is the test
      target: { value: 'javascript:alert(1)' },
    });
    expect(submit).toBeDisabled();
    expect(screen.getByText(/Give an http\(s\) link/)).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText(/Evidence link/), {
      target: { value: ' https://wiki.example.com/dr-2026 ' },
    });
    fireEvent.change(screen.getByLabelText(/What was done/), {
      target: { value: 'Restored in 14 minutes' },
    });
    expect(submit).toBeEnabled();
    fireEvent.click(submit);
    await waitFor(() =>
      expect(onSubmit).toHaveBeenCalledWith({
        evidenceUrl: 'https://wiki.example.com/dr-2026',
        note: 'Restored in 14 minutes',
      }),
    );
  });

  it("shows the backend's refusal in the dialog", async () => {
    const onSubmit = jest
      .fn()
      .mockRejectedValue(
        new Error(
          'Only members of group:default/team-a or holders of readiness.attestation.manage may attest component:default/api',
        ),
      );
    await renderInTestApp(
      <AttestationDialog
        open
        checkTitle="Load test"
        expiresAfterDays={90}
        onCancel={jest.fn()}
        onSubmit={onSubmit}
      />,
    );
    fireEvent.change(screen.getByLabelText(/Evidence link/), {
      target: { value: 'https://reports.example.com/k6/1' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Attest' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /Could not record the attestation: Only members of group:default\/team-a/,
    );
  });
});
