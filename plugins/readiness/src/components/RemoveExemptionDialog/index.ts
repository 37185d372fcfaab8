export { RemoveExemptionDialog } from './RemoveExemptionDialog';
export type { RemoveExemptionDialogProps } from './RemoveExemptionDialog';
