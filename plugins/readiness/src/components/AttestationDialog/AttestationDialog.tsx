import TextField from '@material-ui/core/TextField';
import { isSafeUrl } from '@prodready/plugin-readiness-common';
import { useState } from 'react';
import { FormDialog } from '../FormDialog';

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
  const url = evidenceUrl.trim();
  const urlInvalid = url !== '' && !isEvidenceUrl(url);

  const submit = async () => {
    await onSubmit({
      evidenceUrl: url,
      ...(note.trim() && { note: note.trim() }),
    });
    setEvidenceUrl('');
    setNote('');
  };

  return (
    <FormDialog
      open={open}
      titleId="attestation-title"
      title={`Attest “${checkTitle}”`}
      intro={
        <>
          No tool can see this one: link the evidence that it was done. The
          check passes for {expiresAfterDays} days, then fails until attested
          again; the owning team is reminded 30 days before.
        </>
      }
      submitLabel="Attest"
      canSubmit={url !== '' && !urlInvalid}
      failure="record the attestation"
      onCancel={onCancel}
      onSubmit={submit}
    >
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
    </FormDialog>
  );
}
