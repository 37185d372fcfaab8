import type {
  CheckPack,
  EntityScorecard,
  LearnFromExemplar,
  TargetGap,
} from '@prodready/plugin-readiness-common';
import type { BaselineComparison } from './compareWithBaseline';

/**
 * One scored entity of a {@link ScoreReport}.
 *
 * @public
 */
export interface ScoredEntity {
  /** e.g. `component:default/payments-api`. */
  entityRef: string;
  /** `metadata.title` when set. */
  title?: string;
  /** The catalog file, relative to the working directory, `/`-separated. */
  file: string;
  /** 1-based line and column where the entity's document starts. */
  line: number;
  column: number;
  /** The owner ref as written in the file, resolved to a full ref. */
  owner?: string;
  scorecard: EntityScorecard;
  /**
   * The level reached if every `unknown` result passed; what the gate
   * compares with `--min-level` (unless `--strict`).
   */
  levelIfUnknownPass?: string;
  /**
   * The gap to the target level of the entity's tier
   * (`readiness.targets.byTier` of `--config`, as the backend reads it);
   * absent without a target.
   */
  target?: TargetGap;
  /**
   * Where the entity's repository facts came from: the directory (relative
   * to the working directory) and why; no directory when none was read.
   */
  repository: { directory?: string; reason: string };
}

/**
 * Why the CI gate failed for one entity.
 *
 * @public
 */
export interface GateFailure {
  entityRef: string;
  /** The `--fail-on` check that failed; absent for a `--min-level` failure. */
  checkId?: string;
  /** One line, e.g. `level none is below bronze`. */
  reason: string;
}

/**
 * The outcome of `--min-level` and `--fail-on`.
 *
 * @public
 */
export interface GateResult {
  minLevel?: string;
  failOn: string[];
  /** Whether `unknown` results at or below `minLevel` failed it too. */
  strict: boolean;
  /** True when no entity is below the bar (always true without a bar). */
  passed: boolean;
  failures: GateFailure[];
}

/**
 * Everything `readiness score` found, ready to be formatted.
 *
 * @public
 */
export interface ScoreReport {
  /** The pack the entities were scored with. */
  pack: CheckPack;
  entities: ScoredEntity[];
  gate: GateResult;
  /**
   * What limited the scoring, one line each, e.g. that live metrics are not
   * available offline.
   */
  notes: string[];
  /** What changed since `--baseline` / `--baseline-ref`, when given. */
  baseline?: BaselineComparison;
  /**
   * With `--backend`: who passes each gap, by `entityRef#checkId` (see
   * `gapKey`).
   */
  exemplars?: Map<string, LearnFromExemplar[]>;
}
