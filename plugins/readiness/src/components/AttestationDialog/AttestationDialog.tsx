import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import { isSafeUrl } from '@prodready/plugin-readiness-common';
import { FormEvent, useState } from 'react';
import { errorMessage } from '../../lib/errorMessage';

/**
 * What {@link AttestationDialog} submits.
 *
 * @public
 */
export interface AttestationDialogValues {
  /** An http(s) link to the evidence. */
  evidenceUrl: string;
  note?: string;
}

/**
 * Props of {@link AttestationDialog}.
 *
 * @public
 */
export interface AttestationDialogProps {
  open: boolean;
  /** The title of the attested check. */
  checkTitle: string;
  /** Days the attestation stays valid. */
  expiresAfterDays: number;
  onCancel(): void;
  /** Records the attestation; a rejection is shown in the dialog. */
  onSubmit(values: AttestationDialogValues): Promise<void>;
}

/** Whether the text is an http(s) link that may be shown to everyone. */
function isEvidenceUrl(text: string): boolean {
  return /^https?:\/\//i.test(text) && isSafeUrl(text);
}

/**
 * Asks an owner-team member for the evidence that an attested check holds
 * (a DR drill report, a load-test report, a security review), and records
 * the attestation.
 *
 * @public
 */
export function AttestationDialog(props: AttestationDialogProps) {
  const { open, checkTitle, expiresAfterDays, onCancel, onSubmit } = props;
  const [evidenceUrl, setEvidenceUrl] = useState('');
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<Error>();
  const url = evidenceUrl.trim();
  const urlInvalid = url !== '' && !isEvidenceUrl(url);

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(undefined);
    try {
      await onSubmit({
        evidenceUrl: url,
        ...(note.trim() && { note: note.trim() }),
      });
      setEvidenceUrl('');
      setNote('');
    } catch (e) {
      setError(e as Error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog open={open} onClose={onCancel} aria-labelledby="attestation-title">
      <form onSubmit={handleSubmit}>
        <DialogTitle id="attestation-title">Attest “{checkTitle}”</DialogTitle>
        <DialogContent>
          <DialogContentText>
            No tool can see this one: link the evidence that it was done. The
            check passes for {expiresAfterDays} days, then fails until attested
            again; the owning team is reminded 30 days before.
          </DialogContentText>
          {error && (
            <Alert severity="error" role="alert">
              Could not record the attestation: {errorMessage(error)}
            </Alert>
          )}
          <TextField
            id="readiness-attestation-evidence"
            label="Evidence link"
            type="url"
            value={evidenceUrl}
            onChange={e => setEvidenceUrl(e.target.value)}
            required
            fullWidth
            margin="normal"
            error={urlInvalid}
            helperText={
              urlInvalid
                ? 'Give an http(s) link, e.g. https://wiki.example.com/dr-drill-2026'
                : 'A report, ticket or recording anyone can open.'
            }
            inputProps={{ maxLength: 2000 }}
          />
          <TextField
            id="readiness-attestation-note"
            label="What was done (optional)"
            value={note}
            onChange={e => setNote(e.target.value)}
            multiline
            minRows={2}
            fullWidth
            margin="normal"
            inputProps={{ maxLength: 2000 }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={onCancel} disabled={saving}>
            Cancel
          </Button>
          <Button
            type="submit"
            color="primary"
            variant="contained"
            disabled={saving || !url || urlInvalid}
          >
            Attest
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
