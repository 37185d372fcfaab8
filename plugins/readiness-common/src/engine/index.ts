export { evaluateEntity } from './evaluateEntity';
export type { EvaluateEntityOptions } from './evaluateEntity';
export { compileCheckPack } from './compileCheckPack';
export type { CompiledCheckPack } from './compileCheckPack';
export { levelApplicability } from './levelApplicability';
export { DEFAULT_ATTESTATION_DAYS } from './compileChecks';
