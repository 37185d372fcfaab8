import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import Alert from '@material-ui/lab/Alert';
import { FormEvent, ReactNode, useState } from 'react';
import { errorMessage } from '../../lib/errorMessage';

/**
 * Props of {@link FormDialog}.
 *
 * @internal
 */
export interface FormDialogProps {
  open: boolean;
  /** Id of the title, which labels the dialog for screen readers. */
  titleId: string;
  title: ReactNode;
  /** What the form is for, above the fields. */
  intro: ReactNode;
  /** The fields. */
  children: ReactNode;
  /** Label of the submit button, e.g. `Exempt`. */
  submitLabel: string;
  /** Whether the fields hold something that may be sent. */
  canSubmit: boolean;
  /** What failed, in "Could not …" of the error, e.g. `save the exemption`. */
  failure: string;
  onCancel(): void;
  /** Sends the fields; a rejection is shown in the dialog, which stays open. */
  onSubmit(): Promise<void>;
}

/**
 * The frame of the plugin's form dialogs: title, intro, fields, an error
 * alert when sending failed, and Cancel and submit buttons that are disabled
 * while sending, so a slow request is not sent twice.
 *
 * @internal
 */
export function FormDialog(props: FormDialogProps) {
  const { open, titleId, onCancel, onSubmit } = props;
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<Error>();

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(undefined);
    try {
      await onSubmit();
    } catch (e) {
      setError(e as Error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog open={open} onClose={onCancel} aria-labelledby={titleId}>
      <form onSubmit={handleSubmit}>
        <DialogTitle id={titleId}>{props.title}</DialogTitle>
        <DialogContent>
          <DialogContentText>{props.intro}</DialogContentText>
          {error && (
            <Alert severity="error" role="alert">
              Could not {props.failure}: {errorMessage(error)}
            </Alert>
          )}
          {props.children}
        </DialogContent>
        <DialogActions>
          <Button onClick={onCancel} disabled={saving}>
            Cancel
          </Button>
          <Button
            type="submit"
            color="primary"
            variant="contained"
            disabled={saving || !props.canSubmit}
          >
            {props.submitLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
