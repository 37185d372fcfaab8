/*
 * Checks the readiness backend's monitoring mixin (run by .ci/run):
 *
 * - the SLO burn-rate rules are what the Sloth spec generates;
 * - the Grafana dashboard is valid JSON with unique panel ids, and every
 *   query uses only metrics the backend exports or the rules record;
 * - every rule's expression uses only such metrics; every alert has a
 *   severity, a summary and a runbook_url pointing at a section of
 *   docs/runbook.md that exists;
 * - `promtool check rules` and `promtool test rules` pass (skipped, saying
 *   why, where promtool is not installed).
 *
 *   npm run observability:check
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { renderSloRules } from './generateSloRules';
import { MIXIN, ROOT, RULE_FILES, relative } from './mixin';

/** Where the backend's instruments are created. */
const INSTRUMENT_SOURCES = [
  path.join(ROOT, 'plugins', 'readiness-backend', 'src'),
  path.join(ROOT, 'packages', 'backend', 'src'),
];

/** Series Prometheus makes itself. */
const PROMETHEUS_SERIES = ['up'];

const PROMQL_KEYWORDS = new Set([
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'and',
  'or',
  'unless',
  'offset',
  'bool',
  'inf',
  'nan',
]);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      return sourceFiles(file);
    }
    return /\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)
      ? [file]
      : [];
  });
}

/**
 * The Prometheus names of the backend's OpenTelemetry instruments, read from
 * the code that creates them: dots become underscores, histograms add
 * `_bucket`, `_count` and `_sum`, monotonic counters `_total`.
 */
export function backendMetricNames(): Set<string> {
  const names = new Set<string>();
  const pattern =
    /create(Histogram|Counter|UpDownCounter|ObservableGauge|ObservableCounter|ObservableUpDownCounter|Gauge)\(\s*['"]([\w.]+)['"]/g;
  for (const file of INSTRUMENT_SOURCES.flatMap(sourceFiles)) {
    for (const [, type, name] of fs
      .readFileSync(file, 'utf8')
      .matchAll(pattern)) {
      const base = name.replace(/\./g, '_');
      if (type === 'Histogram') {
        for (const suffix of ['_bucket', '_count', '_sum']) {
          names.add(base + suffix);
        }
      } else if (type === 'Counter' || type === 'ObservableCounter') {
        names.add(`${base}_total`);
      } else {
        names.add(base);
      }
    }
  }
  return names;
}

/** The metric names a PromQL expression selects. */
export function metricsInPromql(expr: string): string[] {
  const stripped = expr
    .replace(/"(\\.|[^"\\])*"|'(\\.|[^'\\])*'|`[^`]*`/g, ' ')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(
      /\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g,
      ' ',
    )
    .replace(/\$\{?\w+\}?/g, ' ')
    .replace(/\b\d+(\.\d+)?([eE][-+]?\d+)?\b/g, ' ');
  const names = new Set<string>();
  for (const match of stripped.matchAll(/[a-zA-Z_:][a-zA-Z0-9_:]*/g)) {
    const after = stripped.slice(match.index! + match[0].length);
    if (/^\s*\(/.test(after) || PROMQL_KEYWORDS.has(match[0].toLowerCase())) {
      continue;
    }
    names.add(match[0]);
  }
  return [...names];
}

/** GitHub's anchor for a Markdown heading. */
export function headingAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');
}

interface RuleFile {
  groups: Array<{
    name: string;
    rules: Array<{
      record?: string;
      alert?: string;
      expr: string;
      labels?: Record<string, string>;
      annotations?: Record<string, string>;
    }>;
  }>;
}

function readRules(): Array<{ file: string; rules: RuleFile }> {
  return RULE_FILES.map(file => ({
    file,
    rules: YAML.parse(fs.readFileSync(file, 'utf8')) as RuleFile,
  }));
}

function checkSloRules(problems: string[]) {
  const expected = renderSloRules(MIXIN.sloSpec, MIXIN.sloRules);
  if (fs.readFileSync(MIXIN.sloRules, 'utf8') !== expected) {
    problems.push(
      `${relative(MIXIN.sloRules)} is not what ${relative(
        MIXIN.sloSpec,
      )} generates: run \`npm run observability:generate\``,
    );
  }
}

function checkRules(known: Set<string>, problems: string[]) {
  const runbook = fs.readFileSync(MIXIN.runbook, 'utf8');
  const anchors = new Set(
    Array.from(runbook.matchAll(/^#{1,6}\s+(.+)$/gm), m => headingAnchor(m[1])),
  );
  const runbookUrl =
    /^https:\/\/github\.com\/prodready\/readiness-scorecards\/blob\/main\/docs\/runbook\.md#(.+)$/;
  let alerts = 0;
  for (const { file, rules } of readRules()) {
    for (const group of rules.groups) {
      for (const rule of group.rules) {
        const name = rule.alert ?? rule.record ?? '?';
        const where = `${relative(file)}: ${name}`;
        for (const metric of metricsInPromql(rule.expr)) {
          if (!known.has(metric)) {
            problems.push(
              `${where} uses ${metric}, which neither the backend exports nor a rule records`,
            );
          }
        }
        if (!rule.alert) {
          continue;
        }
        alerts++;
        if (!rule.labels?.severity) {
          problems.push(`${where} has no severity label`);
        }
        if (!rule.annotations?.summary) {
          problems.push(`${where} has no summary annotation`);
        }
        const url = rule.annotations?.runbook_url ?? '';
        const anchor = url.match(runbookUrl)?.[1];
        if (!anchor) {
          problems.push(
            `${where}: runbook_url "${url}" is not a section of docs/runbook.md`,
          );
        } else if (!anchors.has(anchor)) {
          problems.push(
            `${where}: runbook_url points at #${anchor}, which is no heading of docs/runbook.md`,
          );
        }
      }
    }
  }
  console.log(
    `  rules: ${alerts} alerts, each with a severity, a summary and a runbook section`,
  );
}

interface Panel {
  id?: number;
  type?: string;
  title?: string;
  targets?: Array<{ expr?: string }>;
  panels?: Panel[];
}

function checkDashboard(known: Set<string>, problems: string[]) {
  const where = relative(MIXIN.dashboard);
  let dashboard: { uid?: string; title?: string; panels?: Panel[] };
  try {
    dashboard = JSON.parse(fs.readFileSync(MIXIN.dashboard, 'utf8'));
  } catch (error) {
    problems.push(`${where} is not valid JSON: ${(error as Error).message}`);
    return;
  }
  if (!dashboard.uid || !dashboard.title) {
    problems.push(`${where} has no uid or title`);
  }
  const panels = (dashboard.panels ?? []).flatMap(p => [
    p,
    ...(p.panels ?? []),
  ]);
  const ids = new Map<number, string>();
  let queries = 0;
  for (const panel of panels) {
    const title = panel.title ?? '(untitled)';
    if (typeof panel.id !== 'number') {
      problems.push(`${where}: panel "${title}" has no numeric id`);
    } else if (ids.has(panel.id)) {
      problems.push(
        `${where}: panels "${ids.get(panel.id)}" and "${title}" share the id ${
          panel.id
        }`,
      );
    } else {
      ids.set(panel.id, title);
    }
    if (panel.type !== 'row' && !panel.targets?.length) {
      problems.push(`${where}: panel "${title}" has no query`);
    }
    for (const target of panel.targets ?? []) {
      queries++;
      const metrics = metricsInPromql(target.expr ?? '');
      if (metrics.length === 0) {
        problems.push(
          `${where}: panel "${title}" has a query without a metric`,
        );
      }
      for (const metric of metrics) {
        if (!known.has(metric)) {
          problems.push(
            `${where}: panel "${title}" uses ${metric}, which neither the backend exports nor a rule records`,
          );
        }
      }
    }
  }
  console.log(`  dashboard: ${ids.size} panels, ${queries} queries`);
}

function promtool(problems: string[]) {
  if (spawnSync('promtool', ['--version']).error) {
    console.log(
      '  promtool: skipped, not installed (apt-get install prometheus; .ci/run installs it)',
    );
    return;
  }
  for (const args of [
    ['check', 'rules', ...RULE_FILES.map(relative)],
    ['test', 'rules', relative(MIXIN.ruleTests)],
  ]) {
    try {
      execFileSync('promtool', args, { cwd: ROOT, stdio: 'pipe' });
      console.log(`  promtool ${args.slice(0, 2).join(' ')}: passed`);
    } catch (error) {
      const { stdout, stderr } = error as { stdout: Buffer; stderr: Buffer };
      problems.push(
        `promtool ${args.join(' ')} failed:\n${stdout}${stderr}`.trim(),
      );
    }
  }
}

function main() {
  const problems: string[] = [];
  const known = new Set([...backendMetricNames(), ...PROMETHEUS_SERIES]);
  for (const { rules } of readRules()) {
    for (const group of rules.groups) {
      for (const rule of group.rules) {
        if (rule.record) {
          known.add(rule.record);
        }
      }
    }
  }
  console.log('Monitoring mixin (observability/)');
  checkSloRules(problems);
  console.log(`  SLO rules: generated from ${relative(MIXIN.sloSpec)}`);
  checkRules(known, problems);
  checkDashboard(known, problems);
  promtool(problems);
  if (problems.length > 0) {
    console.error(problems.map(p => `✗ ${p}`).join('\n'));
    process.exitCode = 1;
  }
}

if (require.main === module) {
  main();
}
