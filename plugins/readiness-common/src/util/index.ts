export { isRecord } from './isRecord';
export { describeError } from './describeError';
export type { DescribeErrorOptions } from './describeError';
export { mapWithConcurrency } from './mapWithConcurrency';
export { describeEvidence, passingEvidence } from './describeEvidence';
export { describeMinStrength } from './describeMinStrength';
