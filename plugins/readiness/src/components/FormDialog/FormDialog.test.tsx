import { renderInTestApp } from '@backstage/test-utils';
import TextField from '@material-ui/core/TextField';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { FormDialog, type FormDialogProps } from './FormDialog';

function renderDialog(props: Partial<FormDialogProps> = {}) {
  return renderInTestApp(
    <FormDialog
      open
      titleId="test-dialog-title"
      title="Record a drill"
      intro="Say what was done."
      submitLabel="Record"
      canSubmit
      failure="record the drill"
      onCancel={jest.fn()}
      onSubmit={jest.fn().mockResolvedValue(undefined)}
      {...props}
    >
      <TextField id="test-dialog-note" label="Note" />
    </FormDialog>,
  );
}

describe('FormDialog', () => {
  it('is labelled by its title and shows the intro and the fields', async () => {
    await renderDialog();
    expect(
      screen.getByRole('dialog', { name: 'Record a drill' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Say what was done.')).toBeInTheDocument();
    expect(screen.getByLabelText('Note')).toBeInTheDocument();
  });

  it('keeps the submit button disabled until the fields may be sent', async () => {
    await renderDialog({ canSubmit: false });
    expect(screen.getByRole('button', { name: 'Record' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeEnabled();
  });

  it('disables both buttons while sending, so a slow request is not sent twice', async () => {
    let finish: () => void = () => {};
    const onSubmit = jest.fn(
      () =>
        new Promise<void>(resolve => {
          finish = resolve;
        }),
    );
    await renderDialog({ onSubmit });
    fireEvent.click(screen.getByRole('button', { name: 'Record' }));
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Record' })).toBeDisabled(),
    );
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeDisabled();
    fireEvent.click(screen.getByRole('button', { name: 'Record' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    finish();
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Record' })).toBeEnabled(),
    );
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows why sending failed and lets the user try again', async () => {
    const onSubmit = jest
      .fn()
      .mockRejectedValueOnce(new Error('database is down'))
      .mockResolvedValueOnce(undefined);
    await renderDialog({ onSubmit });
    fireEvent.click(screen.getByRole('button', { name: 'Record' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Could not record the drill: database is down',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Record' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(2));
    await waitFor(() =>
      expect(screen.queryByRole('alert')).not.toBeInTheDocument(),
    );
  });

  it('calls onCancel from the Cancel button', async () => {
    const onCancel = jest.fn();
    await renderDialog({ onCancel });
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
  });
});
