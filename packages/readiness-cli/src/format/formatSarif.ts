import type { CheckDefinition } from '@prodready/plugin-readiness-common';
import type { ScoreReport } from '../report/ScoreReport';
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

type SarifLevel = 'error' | 'warning';

/**
 * A check's SARIF level: `error` for checks at or below the bar
 * (`--min-level`, else the lowest level) and for `--fail-on` checks,
 * `warning` for the rest.
 */
function sarifLevel(report: ScoreReport, check: CheckDefinition): SarifLevel {
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
 * Formats a report as SARIF 2.1.0 for code scanning UIs: one rule per check
 * (help text = the remediation) and one result per failing check, located
 * in the catalog file at the line where the entity's document starts.
 * `unknown` results are not reported.
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
      tags: ['readiness', check.category, check.level],
    },
  }));

  const checks = new Map(report.pack.checks.map(c => [c.id, c]));
  const results = report.entities.flatMap(entity =>
    failingResults(report, entity).flatMap(result => {
      const check = checks.get(result.checkId);
      if (!check) {
        return [];
      }
      return [
        {
          ruleId: check.id,
          ruleIndex: ruleIndex.get(check.id),
          level: sarifLevel(report, check),
          message: {
            text: `${entity.entityRef}: ${check.title}: ${result.reason}`,
          },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: entity.file },
                region: { startLine: entity.line, startColumn: entity.column },
              },
              logicalLocations: [
                { fullyQualifiedName: entity.entityRef, kind: 'entity' },
              ],
            },
          ],
          partialFingerprints: {
            'readinessCheck/v1': `${entity.entityRef}#${check.id}`,
          },
        },
      ];
    }),
  );

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
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
