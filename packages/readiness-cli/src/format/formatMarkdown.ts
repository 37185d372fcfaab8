import type { ScoreReport } from '../report/ScoreReport';
import {
  checksById,
  countStates,
  failingResults,
  gateSentence,
  levelText,
  levelsSentence,
  passingResults,
  reasonWithEvidence,
} from './reportSummary';

function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}

function html(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/**
 * Formats a report as GitHub-flavoured markdown for a pull-request comment:
 * a summary line (levels and gate), a table with one row per entity, and
 * per entity its gaps with their remediation and its passes with the
 * evidence they rest on (and its strength), collapsed in `<details>`.
 *
 * @public
 */
export function formatMarkdown(report: ScoreReport): string {
  const checks = checksById(report);
  const lines: string[] = ['## Production readiness', ''];

  const gate = gateSentence(report, true);
  const levels = `${levelsSentence(report)}.`;
  if (gate) {
    const icon = report.gate.passed ? '✅' : '❌';
    lines.push(`${icon} **${gate}.** ${levels}`);
    for (const failure of report.gate.failures) {
      lines.push(`- \`${failure.entityRef}\`: ${failure.reason}`);
    }
  } else {
    lines.push(levels);
  }
  lines.push('');

  lines.push('| Entity | Level | Score | Gaps | Unknown | File |');
  lines.push('| --- | --- | ---: | ---: | ---: | --- |');
  for (const entity of report.entities) {
    const counts = countStates(entity);
    const name = entity.title
      ? `${cell(entity.title)} (\`${entity.entityRef}\`)`
      : `\`${entity.entityRef}\``;
    lines.push(
      `| ${name} | ${levelText(entity)} | ${entity.scorecard.score} | ${
        counts.fail + counts.claimed
      } | ${counts.unknown} | \`${entity.file}:${entity.line}\` |`,
    );
  }

  for (const entity of report.entities) {
    const gaps = failingResults(report, entity);
    const passes = passingResults(report, entity);
    if (gaps.length === 0 && passes.length === 0) {
      continue;
    }
    lines.push('');
    lines.push('<details>');
    lines.push(
      `<summary><code>${html(entity.entityRef)}</code>: ${gaps.length} ${
        gaps.length === 1 ? 'gap' : 'gaps'
      }, ${passes.length} passing</summary>`,
    );
    for (const gap of gaps) {
      const check = checks.get(gap.checkId);
      lines.push('');
      lines.push(
        `#### ${check?.title ?? gap.checkId} (\`${gap.checkId}\`, ${
          check?.level ?? 'unknown level'
        })`,
      );
      lines.push('');
      lines.push(`${gap.reason}`);
      if (check) {
        lines.push('');
        lines.push(check.remediation.markdown.trim());
        const links = check.remediation.links ?? [];
        if (links.length > 0) {
          lines.push('');
          for (const link of links) {
            lines.push(`- [${link.title}](${link.url})`);
          }
        }
      }
    }
    if (passes.length > 0) {
      lines.push('');
      lines.push('#### Passing, and on what evidence');
      lines.push('');
      for (const pass of passes) {
        lines.push(`- \`${pass.checkId}\`: ${cell(reasonWithEvidence(pass))}`);
      }
    }
    lines.push('');
    lines.push('</details>');
  }

  if (report.notes.length > 0) {
    lines.push('');
    for (const note of report.notes) {
      lines.push(`> ${note}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
