import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import { useState } from 'react';

/**
 * Props of {@link RemoveExemptionDialog}.
 *
 * @internal
 */
export interface RemoveExemptionDialogProps {
  open: boolean;
  /** Title of the check the exemption is from. */
  checkTitle: string;
  /** Names the entity in the question, where the page is not its own. */
  entityName?: string;
  /** Unique id base for the dialog's title. */
  idBase: string;
  onClose(): void;
  /** Removes the exemption; the dialog closes when it resolves. */
  onRemove(): Promise<void>;
}

/**
 * Asks before an exemption is removed (the level may drop; undo follows),
 * on the entity tab and in the organisation's list of exemptions alike.
 *
 * @internal
 */
export function RemoveExemptionDialog(props: RemoveExemptionDialogProps) {
  const { open, checkTitle, entityName, idBase, onClose, onRemove } = props;
  const [removing, setRemoving] = useState(false);
  return (
    <Dialog
      open={open}
      onClose={onClose}
      aria-labelledby={`${idBase}-remove-title`}
    >
      <DialogTitle id={`${idBase}-remove-title`}>
        Remove the exemption from “{checkTitle}”
        {entityName ? ` of ${entityName}` : ''}?
      </DialogTitle>
      <DialogContent>
        <DialogContentText>
          The check counts by its own result again, and the level may drop. You
          can undo this right after.
        </DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Keep it</Button>
        <Button
          color="secondary"
          variant="contained"
          disabled={removing}
          onClick={async () => {
            setRemoving(true);
            try {
              await onRemove();
              onClose();
            } finally {
              setRemoving(false);
            }
          }}
        >
          Remove
        </Button>
      </DialogActions>
    </Dialog>
  );
}
