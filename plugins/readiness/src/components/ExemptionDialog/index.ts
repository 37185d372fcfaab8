export { ExemptionDialog } from './ExemptionDialog';
export type {
  ExemptionDialogProps,
  ExemptionDialogValues,
} from './ExemptionDialog';
