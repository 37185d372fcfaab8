export { summarizePackChange } from './summarizePackChange';
export type {
  PackChangeOutcome,
  SummarizePackChangeOptions,
} from './summarizePackChange';
export { findUnevaluatedChecks } from './findUnevaluatedChecks';
export { levelFromStoredResults } from './levelFromStoredResults';
export type {
  LevelFromStoredResultsOptions,
  StoredLevelInput,
} from './levelFromStoredResults';
