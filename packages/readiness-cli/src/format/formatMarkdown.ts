import type { CheckDefinition } from '@prodready/plugin-readiness-common';
import { gapKey } from '../learn/addExemplars';
import { describeChange } from '../report/compareWithBaseline';
import type { ScoreReport, ScoredEntity } from '../report/ScoreReport';
import { formatExemplar } from './formatExemplar';
import {
  checksById,
  countStates,
  failingResults,
  gateSentence,
  levelText,
  targetText,
  levelsSentence,
  passingResults,
  reasonWithEvidence,
  repositorySentence,
} from './reportSummary';

/**
 * Options of {@link formatMarkdown}.
 *
 * @public
 */
export interface FormatMarkdownOptions {
  /** Most entities in the table and the gaps (worst first). */
  maxEntities?: number;
  /** Most characters of the output; default {@link MARKDOWN_LIMIT}. */
  limit?: number;
}

/**
 * The most characters of the markdown report: under GitHub's 65,536 for a
 * pull-request comment, with room for a header a CI job may add.
 *
 * @public
 */
export const MARKDOWN_LIMIT = 60_000;

/** Gaps of an entity shown before the rest are folded. */
const TOP_GAPS = 3;

/** Most regressions listed (the JSON output has them all). */
const MAX_LISTED_CHANGES = 30;

function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}

function html(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

const code = (text: string) => `\`${text.replace(/`/g, "'")}\``;

/**
 * Entities worst first: failing the gate, with regressions, then by number
 * of failing checks and score.
 */
function worstFirst(report: ScoreReport): ScoredEntity[] {
  const gateFailed = new Set(report.gate.failures.map(f => f.entityRef));
  const regressed = new Set(
    (report.baseline?.regressions ?? []).map(r => r.entityRef),
  );
  const rank = (e: ScoredEntity) =>
    (gateFailed.has(e.entityRef) ? 0 : 2) +
    (regressed.has(e.entityRef) ? 0 : 1);
  return report.entities
    .map((entity, index) => ({ entity, index }))
    .sort(
      (a, b) =>
        rank(a.entity) - rank(b.entity) ||
        countStates(b.entity).fail - countStates(a.entity).fail ||
        a.entity.scorecard.score - b.entity.scorecard.score ||
        a.index - b.index,
    )
    .map(({ entity }) => entity);
}

/** Lines, added while they fit in a budget of characters. */
class Budget {
  readonly lines: string[] = [];
  #used = 0;
  constructor(readonly limit: number) {}
  fits(block: string[]): boolean {
    return this.#used + block.join('\n').length + 1 <= this.limit;
  }
  add(...block: string[]): boolean {
    if (!this.fits(block)) {
      return false;
    }
    this.lines.push(...block);
    this.#used += block.join('\n').length + 1;
    return true;
  }
  get used(): number {
    return this.#used;
  }
}

function baselineLines(report: ScoreReport): string[] {
  const comparison = report.baseline;
  if (!comparison) {
    return [];
  }
  const { regressions, improvements } = comparison;
  const icon = regressions.length > 0 ? '❌' : '✅';
  const lines = [
    `### ${icon} Since ${comparison.source}: ${regressions.length} ${
      regressions.length === 1 ? 'regression' : 'regressions'
    }, ${improvements.length} ${
      improvements.length === 1 ? 'improvement' : 'improvements'
    }`,
    '',
  ];
  for (const change of regressions.slice(0, MAX_LISTED_CHANGES)) {
    lines.push(`- ${describeChange(change)}`);
  }
  if (regressions.length > MAX_LISTED_CHANGES) {
    lines.push(
      `- … and ${
        regressions.length - MAX_LISTED_CHANGES
      } more (see --format json)`,
    );
  }
  if (improvements.length > 0) {
    lines.push('', '<details><summary>Improvements</summary>', '');
    for (const change of improvements.slice(0, MAX_LISTED_CHANGES)) {
      lines.push(`- ${describeChange(change)}`);
    }
    if (improvements.length > MAX_LISTED_CHANGES) {
      lines.push(`- … and ${improvements.length - MAX_LISTED_CHANGES} more`);
    }
    lines.push('', '</details>');
  }
  lines.push('');
  return lines;
}

function gapLine(
  report: ScoreReport,
  entity: ScoredEntity,
  checks: Map<string, CheckDefinition>,
  checkId: string,
  reason: string,
): string[] {
  const check = checks.get(checkId);
  const lines = [
    `- ${code(checkId)} (${check?.level ?? 'unknown level'}${
      check?.advisory ? ', advisory' : ''
    }): ${cell(reason)}`,
  ];
  for (const exemplar of report.exemplars?.get(
    gapKey(entity.entityRef, checkId),
  ) ?? []) {
    lines.push(`  - ${formatExemplar(exemplar, code)}`);
  }
  return lines;
}

function entityGapLines(
  report: ScoreReport,
  entity: ScoredEntity,
  checks: Map<string, CheckDefinition>,
): string[] {
  const gaps = failingResults(report, entity);
  if (gaps.length === 0) {
    return [];
  }
  const lines = [
    `#### ${code(entity.entityRef)}: ${gaps.length} ${
      gaps.length === 1 ? 'gap' : 'gaps'
    }`,
    '',
    `<sub>${html(repositorySentence(entity))}</sub>`,
    '',
  ];
  for (const gap of gaps.slice(0, TOP_GAPS)) {
    lines.push(...gapLine(report, entity, checks, gap.checkId, gap.reason));
  }
  const passes = passingResults(report, entity);
  if (passes.length > 0) {
    lines.push(
      '',
      `<details><summary>${passes.length} passing, and on what evidence</summary>`,
      '',
    );
    for (const pass of passes) {
      lines.push(`- ${code(pass.checkId)}: ${cell(reasonWithEvidence(pass))}`);
    }
    lines.push('', '</details>');
  }
  if (gaps.length > TOP_GAPS) {
    lines.push(
      '',
      `<details><summary>${gaps.length - TOP_GAPS} more</summary>`,
      '',
    );
    for (const gap of gaps.slice(TOP_GAPS)) {
      lines.push(...gapLine(report, entity, checks, gap.checkId, gap.reason));
    }
    lines.push('', '</details>');
  }
  lines.push('');
  return lines;
}

function remediationLines(check: CheckDefinition, count: number): string[] {
  const lines = [
    `<details><summary><code>${html(check.id)}</code> ${html(
      check.title,
    )} (${count} ${count === 1 ? 'entity' : 'entities'})</summary>`,
    '',
    check.remediation.markdown.trim(),
  ];
  const links = check.remediation.links ?? [];
  if (links.length > 0) {
    lines.push('');
    for (const link of links) {
      lines.push(`- [${link.title}](${link.url})`);
    }
  }
  lines.push('', '</details>');
  return lines;
}

/**
 * Formats a report as GitHub-flavoured markdown for a pull-request comment,
 * always under {@link MARKDOWN_LIMIT} characters whatever the batch size:
 * the gate and levels, the regressions since a baseline first, a summary
 * table (worst first), the top gaps of each entity (the rest folded, with
 * exemplars from `--backend`), then the remediation of each failing check
 * once, folded. What does not fit is counted, not cut mid-way.
 *
 * @public
 */
export function formatMarkdown(
  report: ScoreReport,
  options: FormatMarkdownOptions = {},
): string {
  const limit = options.limit ?? MARKDOWN_LIMIT;
  const checks = checksById(report);
  const entities = worstFirst(report).slice(0, options.maxEntities);
  const hidden = report.entities.length - entities.length;
  // Room kept for the closing notes.
  const out = new Budget(limit - 1500);

  out.add('## Production readiness', '');
  const gate = gateSentence(report, true);
  const levels = `${levelsSentence(report)}.`;
  if (gate) {
    out.add(`${report.gate.passed ? '✅' : '❌'} **${gate}.** ${levels}`);
    const failures = report.gate.failures;
    for (const failure of failures.slice(0, MAX_LISTED_CHANGES)) {
      out.add(`- ${code(failure.entityRef)}: ${failure.reason}`);
    }
    if (failures.length > MAX_LISTED_CHANGES) {
      out.add(`- … and ${failures.length - MAX_LISTED_CHANGES} more`);
    }
  } else {
    out.add(levels);
  }
  out.add('');
  out.add(...baselineLines(report));

  out.add(
    '| Entity | Level | Score | Fail | Unknown | Pass | N/A | File |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |',
  );
  let rows = 0;
  const tableBudget = out.used + (limit - out.used) * 0.35;
  for (const entity of entities) {
    const counts = countStates(entity);
    const name = entity.title
      ? `${cell(entity.title)} (${code(entity.entityRef)})`
      : code(entity.entityRef);
    const target = targetText(entity);
    const level = `${levelText(entity, report.pack.levels)}${
      target ? `; ${target}` : ''
    }`;
    const row = `| ${name} | ${cell(level)} | ${entity.scorecard.score} | ${
      counts.fail + counts.claimed
    } | ${counts.unknown} | ${counts.pass + counts.exempt} | ${
      counts['not-applicable']
    } | ${code(`${entity.file}:${entity.line}`)} |`;
    if (out.used + row.length > tableBudget || !out.add(row)) {
      break;
    }
    rows++;
  }
  const notInTable = report.entities.length - rows;
  if (notInTable > 0) {
    out.add(
      '',
      `${notInTable} more ${
        notInTable === 1 ? 'entity' : 'entities'
      } not shown${
        hidden > 0 ? ` (--max-entities ${options.maxEntities})` : ''
      }: see --format json or sarif.`,
    );
  }

  // Remediation once per check shown, sized before the gaps take the room.
  const failingCount = new Map<string, number>();
  for (const entity of report.entities) {
    for (const gap of failingResults(report, entity)) {
      failingCount.set(gap.checkId, (failingCount.get(gap.checkId) ?? 0) + 1);
    }
  }
  const remediation: string[] = [];
  for (const check of report.pack.checks) {
    const count = failingCount.get(check.id);
    if (count) {
      remediation.push(...remediationLines(check, count), '');
    }
  }
  const remediationSize = Math.min(
    remediation.join('\n').length + 100,
    (limit - out.used) / 2,
  );

  const gapBudget = new Budget(limit - 1500 - out.used - remediationSize);
  let detailed = 0;
  const withGaps = entities.filter(e => failingResults(report, e).length > 0);
  if (withGaps.length > 0) {
    gapBudget.add('', '### Top gaps', '');
    for (const entity of entities.slice(0, rows)) {
      const block = entityGapLines(report, entity, checks);
      if (block.length === 0) {
        continue;
      }
      if (!gapBudget.add(...block)) {
        break;
      }
      detailed++;
    }
    const rest = withGaps.length - detailed;
    if (rest > 0) {
      gapBudget.add(
        `The gaps of ${rest} more ${
          rest === 1 ? 'entity' : 'entities'
        } are not shown here: see --format json or sarif.`,
        '',
      );
    }
  }
  out.add(...gapBudget.lines);

  if (remediation.length > 0) {
    out.add('### How to fix', '');
    const lines: string[] = [];
    for (const check of report.pack.checks) {
      const count = failingCount.get(check.id);
      if (count && !out.add(...remediationLines(check, count), '')) {
        lines.push(check.id);
      }
    }
    if (lines.length > 0) {
      out.add(`Run \`readiness explain <check>\` for: ${lines.join(', ')}.`);
    }
  }

  const notes = report.notes.map(
    note => `> ${note.length > 600 ? `${note.slice(0, 600)}…` : note}`,
  );
  const text = [...out.lines, ...(notes.length ? ['', ...notes] : [])].join(
    '\n',
  );
  // The budget keeps the text well under the limit; this only guards it.
  return `${text.slice(0, limit - 2)}\n`;
}
