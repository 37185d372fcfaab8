export { RemediationContent } from './RemediationContent';
export type { RemediationContentProps } from './RemediationContent';
