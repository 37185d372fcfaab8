export { evaluateEntity } from './evaluateEntity';
export type { EvaluateEntityOptions } from './evaluateEntity';
