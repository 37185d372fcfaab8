import TextField from '@material-ui/core/TextField';
import { useState } from 'react';
import { FormDialog } from '../FormDialog';

/**
 * What {@link ExemptionDialog} submits.
 *
 * @public
 */
export interface ExemptionDialogValues {
  reason: string;
  /** ISO timestamp of the end of the chosen day, local time. */
  expiresAt?: string;
}

/**
 * Props of {@link ExemptionDialog}.
 *
 * @public
 */
export interface ExemptionDialogProps {
  open: boolean;
  /** The title of the check to exempt from. */
  checkTitle: string;
  onCancel(): void;
  /** Saves the exemption; a rejection is shown in the dialog. */
  onSubmit(values: ExemptionDialogValues): Promise<void>;
}

/** Today as `yyyy-mm-dd` in local time, for the date input's minimum. */
function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * Asks why an entity should be exempt from a check, and until when.
 *
 * @public
 */
export function ExemptionDialog(props: ExemptionDialogProps) {
  const { open, checkTitle, onCancel, onSubmit } = props;
  const [reason, setReason] = useState('');
  const [expiry, setExpiry] = useState('');

  const submit = async () => {
    await onSubmit({
      reason: reason.trim(),
      expiresAt: expiry
        ? new Date(`${expiry}T23:59:59`).toISOString()
        : undefined,
    });
    setReason('');
    setExpiry('');
  };

  return (
    <FormDialog
      open={open}
      titleId="exemption-title"
      title={`Exempt from “${checkTitle}”`}
      intro="An exempt check counts as passing. Say why it does not apply, so that others can judge it later."
      submitLabel="Exempt"
      canSubmit={reason.trim() !== ''}
      failure="save the exemption"
      onCancel={onCancel}
      onSubmit={submit}
    >
      <TextField
        id="readiness-exemption-reason"
        label="Reason"
        value={reason}
        onChange={e => setReason(e.target.value)}
        required
        multiline
        minRows={2}
        fullWidth
        margin="normal"
        inputProps={{ maxLength: 2000 }}
      />
      <TextField
        id="readiness-exemption-expiry"
        label="Expires on (optional)"
        type="date"
        value={expiry}
        onChange={e => setExpiry(e.target.value)}
        fullWidth
        margin="normal"
        InputLabelProps={{ shrink: true }}
        inputProps={{ min: today() }}
        helperText="Without a date the exemption stays until removed."
      />
    </FormDialog>
  );
}
