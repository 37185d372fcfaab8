import type { CheckState } from '@prodready/plugin-readiness-common';
import type { ScoreReport } from '../report/ScoreReport';
import { gapKey } from '../learn/addExemplars';
import { describeChange } from '../report/compareWithBaseline';
import { columns } from './columns';
import { formatExemplar } from './formatExemplar';
import {
  countStates,
  gateSentence,
  levelText,
  noLevelText,
  levelsSentence,
  reasonWithEvidence,
  repositorySentence,
  sortedResults,
  targetText,
} from './reportSummary';

/**
 * Options of {@link formatTable}.
 *
 * @public
 */
export interface FormatTableOptions {
  /** Colour state words with ANSI codes (the words are printed either way). */
  color: boolean;
  /** Most entities shown (in file order); the rest are counted. */
  maxEntities?: number;
}

const STATE_COLORS: Record<CheckState, string> = {
  fail: '31',
  claimed: '35',
  warn: '35',
  unknown: '33',
  pass: '32',
  exempt: '36',
  'not-applicable': '2',
};

function paint(text: string, code: string, color: boolean): string {
  return color ? `\u001b[${code}m${text}\u001b[0m` : text;
}

/**
 * Formats a report as plain text for a terminal or a CI log: one summary row
 * per entity, then every applicable check of each entity with its state
 * written out (colour only adds to the words) and, for a pass, the evidence
 * it rests on with its strength, then the gate.
 *
 * @public
 */
export function formatTable(
  report: ScoreReport,
  options: FormatTableOptions,
): string {
  const { color } = options;
  const lines: string[] = [];
  const shown = report.entities.slice(0, options.maxEntities);

  const summaryRows = [
    ['ENTITY', 'LEVEL', 'SCORE', 'FAIL', 'UNKNOWN', 'PASS', 'N/A', 'FILE'],
    ...shown.map(entity => {
      const counts = countStates(entity);
      return [
        entity.entityRef,
        entity.scorecard.level ?? noLevelText(report.pack.levels),
        String(entity.scorecard.score),
        String(counts.fail + counts.claimed),
        String(counts.unknown),
        String(counts.pass + counts.exempt),
        String(counts['not-applicable']),
        `${entity.file}:${entity.line}`,
      ];
    }),
  ];
  lines.push(
    ...columns(summaryRows, {
      rightAligned: [2, 3, 4, 5, 6],
      paintCell: (r, _c, text) => (r === 0 ? paint(text, '1', color) : text),
    }),
  );

  if (shown.length < report.entities.length) {
    lines.push(
      `… ${
        report.entities.length - shown.length
      } more entities not shown (--max-entities ${options.maxEntities})`,
    );
  }

  for (const entity of shown) {
    const { scorecard } = entity;
    const next = scorecard.nextLevel
      ? `, next ${scorecard.nextLevel}${
          scorecard.blockingCheckIds.length > 0
            ? ` (blocking: ${scorecard.blockingCheckIds.join(', ')})`
            : ''
        }`
      : '';
    lines.push('');
    const target = targetText(entity);
    lines.push(
      `${paint(entity.entityRef, '1', color)}: level ${levelText(
        entity,
        report.pack.levels,
      )}, score ${scorecard.score}${next}${target ? `; ${target}` : ''}`,
    );
    lines.push(`  ${repositorySentence(entity)}`);
    const results = sortedResults(report, entity);
    const checkLevel = new Map(
      report.pack.checks.map(c => [
        c.id,
        c.advisory ? `${c.level} (advisory)` : c.level,
      ]),
    );
    const rows = [
      ['STATE', 'LEVEL', 'CHECK', 'REASON'],
      ...results.map(result => [
        result.state,
        checkLevel.get(result.checkId) ?? '',
        result.checkId,
        reasonWithEvidence(result),
      ]),
    ];
    lines.push(
      ...columns(rows, {
        indent: '  ',
        paintCell: (r, c, text) => {
          if (r === 0) {
            return paint(text, '1', color);
          }
          return c === 0
            ? paint(text, STATE_COLORS[results[r - 1].state], color)
            : text;
        },
      }),
    );
    for (const result of results) {
      for (const exemplar of report.exemplars?.get(
        gapKey(entity.entityRef, result.checkId),
      ) ?? []) {
        lines.push(`  ${result.checkId}: ${formatExemplar(exemplar)}`);
      }
    }
  }

  if (report.baseline) {
    const { source, regressions, improvements } = report.baseline;
    lines.push('');
    lines.push(
      paint(
        `Since ${source}: ${regressions.length} ${
          regressions.length === 1 ? 'regression' : 'regressions'
        }, ${improvements.length} ${
          improvements.length === 1 ? 'improvement' : 'improvements'
        }`,
        regressions.length > 0 ? '31' : '32',
        color,
      ),
    );
    for (const change of regressions) {
      lines.push(`  regressed: ${describeChange(change)}`);
    }
    for (const change of improvements) {
      lines.push(`  improved: ${describeChange(change)}`);
    }
  }

  lines.push('');
  for (const note of report.notes) {
    lines.push(`Note: ${note}`);
  }
  lines.push(`${levelsSentence(report)}.`);
  const gate = gateSentence(report);
  if (gate) {
    lines.push(paint(gate, report.gate.passed ? '32' : '31', color));
    for (const failure of report.gate.failures) {
      lines.push(`  ${failure.entityRef}: ${failure.reason}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
