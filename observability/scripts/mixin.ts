/*
 * Where the files of the readiness backend's monitoring mixin live.
 */
import path from 'node:path';

/** The repository root. */
export const ROOT = path.resolve(__dirname, '..', '..');

const dir = (...parts: string[]) => path.join(ROOT, 'observability', ...parts);

/** The mixin's files. */
export const MIXIN = {
  sloSpec: dir('slos', 'readiness-api.sloth.yaml'),
  sloRules: dir('prometheus', 'readiness-api.slo.rules.yaml'),
  rules: dir('prometheus', 'readiness-backend.rules.yaml'),
  ruleTests: dir('prometheus', 'readiness-backend.rules.test.yaml'),
  dashboard: dir('grafana', 'readiness-backend.dashboard.json'),
  appConfig: dir('app-config.observed.yaml'),
  runbook: path.join(ROOT, 'docs', 'runbook.md'),
};

/** Every rules file Prometheus loads. */
export const RULE_FILES = [MIXIN.rules, MIXIN.sloRules];

/** A path relative to the repository root, for messages. */
export function relative(file: string): string {
  return path.relative(ROOT, file);
}
