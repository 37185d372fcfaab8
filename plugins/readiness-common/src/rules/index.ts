export type {
  AllOfRule,
  AnnotationRule,
  AnyOfRule,
  DependencyRule,
  FactRule,
  FieldRule,
  FileRule,
  FilterRule,
  GlobPatterns,
  GoldenSignal,
  LabelRule,
  LinkMatcher,
  LinkRule,
  MetricsRule,
  NeedsFactsRule,
  NotRule,
  OwnerContactRule,
  OwnerContactType,
  OwnerRule,
  ReadinessRule,
  RulePrimitive,
  SignalRule,
  TagRule,
  TierRule,
  ValueCondition,
} from './ReadinessRule';
export * from './linkKinds';
export * from './parseReadinessRule';
export * from './evaluateReadinessRule';
export { isSafeUrl } from './isSafeUrl';
export type { IsSafeUrlOptions } from './isSafeUrl';
