export { ReadinessGapPicker, loadFailingRefs } from './ReadinessGapPicker';
export type {
  ReadinessGapPickerProps,
  ReadinessEntityFilters,
} from './ReadinessGapPicker';
export { ReadinessGapFilter } from './ReadinessGapFilter';
