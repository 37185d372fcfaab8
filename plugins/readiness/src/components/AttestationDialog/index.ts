export { AttestationDialog } from './AttestationDialog';
export type {
  AttestationDialogProps,
  AttestationDialogValues,
} from './AttestationDialog';
