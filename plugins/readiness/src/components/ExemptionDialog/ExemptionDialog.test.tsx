import { renderInTestApp } from '@backstage/test-utils';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { ExemptionDialog } from './ExemptionDialog';

describe('ExemptionDialog', () => {
  it('needs a reason and submits it with the end of the chosen day', async () => {
    const onSubmit = jest.fn().mockResolvedValue(undefined);
    await renderInTestApp(
      <ExemptionDialog
        open
        checkTitle="SLO defined"
        onCancel={jest.fn()}
        onSubmit={onSubmit}
      />,
    );
    expect(screen.getByText('Exempt from “SLO defined”')).toBeInTheDocument();
    const submit = screen.getByRole('button', { name: 'Exempt' });
    expect(submit).toBeDisabled();
    fireEvent.change(screen.getByLabelText(/Reason/), {
      target: { value: '   ' },
    });
    expect(submit).toBeDisabled();
    fireEvent.change(screen.getByLabelText(/Reason/), {
      target: { value: ' Batch job ' },
    });
    fireEvent.change(screen.getByLabelText(/Expires on/), {
      target: { value: '2031-03-15' },
    });
    fireEvent.click(submit);
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    const values = onSubmit.mock.calls[0][0];
    expect(values.reason).toBe('Batch job');
    const expiry = new Date(values.expiresAt);
    expect([
      expiry.getFullYear(),
      expiry.getMonth(),
      expiry.getDate(),
      expiry.getHours(),
    ]).toEqual([2031, 2, 15, 23]);
  });

  it('submits no expiry when no date is chosen', async () => {
    const onSubmit = jest.fn().mockResolvedValue(undefined);
    await renderInTestApp(
      <ExemptionDialog
        open
        checkTitle="SLO defined"
        onCancel={jest.fn()}
        onSubmit={onSubmit}
      />,
    );
    fireEvent.change(screen.getByLabelText(/Reason/), {
      target: { value: 'Batch job' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Exempt' }));
    await waitFor(() =>
      expect(onSubmit).toHaveBeenCalledWith({
        reason: 'Batch job',
        expiresAt: undefined,
      }),
    );
  });

  it('cancels', async () => {
    const onCancel = jest.fn();
    await renderInTestApp(
      <ExemptionDialog
        open
        checkTitle="SLO defined"
        onCancel={onCancel}
        onSubmit={jest.fn()}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalled();
  });
});
