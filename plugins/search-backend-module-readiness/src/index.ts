/**
 * Backstage Search collator for readiness gaps: one search document per
 * scored entity, with its level, score, failing checks and owner.
 *
 * @packageDocumentation
 */

export { searchModuleReadinessCollator as default } from './module';
export * from './collator/ReadinessCollatorFactory';
export * from './collator/ReadinessBackendClient';
export * from './collator/ReadinessDocument';
export * from './collator/buildReadinessDocument';
export * from './config';
