import type { CheckDefinition } from '@prodready/plugin-readiness-common';
import type { ScoreReport, ScoredEntity } from '../report/ScoreReport';
import { failingResults } from './reportSummary';

/**
 * Options of {@link formatSarif}.
 *
 * @public
 */
export interface FormatSarifOptions {
  /** Version of the tool, written to `tool.driver.version`. */
  version: string;
}

type SarifLevel = 'error' | 'warning' | 'note';

/**
 * A check's SARIF level: `error` for checks at or below the bar
 * (`--min-level`, else the lowest level) and for `--fail-on` checks,
 * `note` for advisory checks (they count in no level), `warning` for the
 * rest.
 */
function sarifLevel(report: ScoreReport, check: CheckDefinition): SarifLevel {
  if (report.gate.failOn.includes(check.id)) {
    return 'error';
  }
  if (check.advisory) {
    return 'note';
  }
  const levels = report.pack.levels.map(l => l.id);
  const bar = report.gate.minLevel ?? levels[0];
  const atOrBelowBar = levels.indexOf(check.level) <= levels.indexOf(bar);
  return atOrBelowBar || report.gate.failOn.includes(check.id)
    ? 'error'
    : 'warning';
}

function helpMarkdown(check: CheckDefinition): string {
  const links = (check.remediation.links ?? []).map(
    link => `- [${link.title}](${link.url})`,
  );
  return [
    check.remediation.markdown.trim(),
    ...(links.length ? ['', ...links] : []),
  ]
    .join('\n')
    .trim();
}

/**
 * Formats a report as SARIF 2.1.0 for code scanning UIs: each check is a
 * rule defined once (help text = the remediation) and each failing check of
 * an entity is a result referring to it by index, located in the catalog
 * file at the line where the entity's document starts. `unknown` results
 * are not reported. With a baseline, each result has its `baselineState`
 * (`new`, `unchanged`, `updated`) and checks fixed since are `absent`
 * results. Written compact (no indentation).
 *
 * @public
 */
export function formatSarif(
  report: ScoreReport,
  options: FormatSarifOptions,
): string {
  const ruleIndex = new Map(report.pack.checks.map((c, i) => [c.id, i]));
  const rules = report.pack.checks.map(check => ({
    id: check.id,
    shortDescription: { text: check.title },
    fullDescription: { text: check.description ?? check.title },
    help: {
      text: check.remediation.markdown.trim(),
      markdown: helpMarkdown(check),
    },
    ...(check.remediation.links?.[0]
      ? { helpUri: check.remediation.links[0].url }
      : {}),
    defaultConfiguration: { level: sarifLevel(report, check) },
    properties: {
      category: check.category,
      level: check.level,
      ...(check.advisory && { advisory: true }),
      tags: [
        'readiness',
        check.category,
        check.level,
        ...(check.advisory ? ['advisory'] : []),
      ],
    },
  }));

  const checks = new Map(report.pack.checks.map(c => [c.id, c]));
  const { baseline } = report;
  const result = (
    entity: ScoredEntity,
    check: CheckDefinition,
    text: string,
    fixed = false,
  ) => ({
    ruleId: check.id,
    ruleIndex: ruleIndex.get(check.id),
    ...(fixed
      ? { kind: 'pass', level: 'none' }
      : { level: sarifLevel(report, check) }),
    message: { text: `${entity.entityRef}: ${text}` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: entity.file },
          region: { startLine: entity.line, startColumn: entity.column },
        },
      },
    ],
    partialFingerprints: {
      'readinessCheck/v1': `${entity.entityRef}#${check.id}`,
    },
    ...(baseline
      ? {
          baselineState: fixed
            ? 'absent'
            : baseline.states.get(`${entity.entityRef}#${check.id}`) ?? 'new',
        }
      : {}),
  });
  const results = report.entities.flatMap(entity => {
    const failing = failingResults(report, entity).flatMap(r => {
      const check = checks.get(r.checkId);
      return check
        ? [result(entity, check, `${check.title}: ${r.reason}`)]
        : [];
    });
    const fixed = (baseline?.fixed ?? [])
      .filter(change => change.entityRef === entity.entityRef)
      .flatMap(change => {
        const check = checks.get(change.checkId ?? '');
        return check
          ? [result(entity, check, `${check.title}: now ${change.to}`, true)]
          : [];
      });
    return [...failing, ...fixed];
  });

  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'readiness',
            informationUri:
              'https://github.com/prodready/readiness-scorecards/tree/main/packages/readiness-cli',
            version: options.version,
            rules,
          },
        },
        results,
      },
    ],
  };
  // Compact: a batch of thousands of entities stays small enough to upload.
  return `${JSON.stringify(sarif)}\n`;
}
