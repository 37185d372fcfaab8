/*
 * Generates the SLO burn-rate rules from the Sloth spec, in the shape Sloth
 * (https://sloth.dev, v0.11) generates them: SLI error ratios over the alert
 * windows and the 30-day period, SLO metadata series, and multi-window,
 * multi-burn-rate alerts (page: 14.4× over 1 h and 5 m, 6× over 6 h and
 * 30 m; ticket: 3× over 1 d and 2 h, 1× over 3 d and 6 h).
 *
 *   npx tsx observability/scripts/generateSloRules.ts           # writes the rules
 *   npx tsx observability/scripts/generateSloRules.ts --check   # fails if they differ
 *
 * Written in TypeScript so that no Go toolchain is needed; the output is what
 * `sloth generate` would give for the same spec, minus its version comment.
 */
import fs from 'node:fs';
import YAML from 'yaml';
import { MIXIN, relative } from './mixin';

/** The part of prettier 2's API used here (it ships no types). */
const prettier: {
  format(source: string, options: object): string;
  resolveConfig: { sync(file: string): object | null };
} = require('prettier');

/** A Sloth `prometheus/v1` spec, the parts used here. */
export interface SlothSpec {
  version: string;
  service: string;
  labels?: Record<string, string>;
  slos: Array<{
    name: string;
    objective: number;
    description?: string;
    labels?: Record<string, string>;
    sli: { events: { error_query: string; total_query: string } };
    alerting: {
      name: string;
      labels?: Record<string, string>;
      annotations?: Record<string, string>;
      page_alert?: {
        labels?: Record<string, string>;
        annotations?: Record<string, string>;
      };
      ticket_alert?: {
        labels?: Record<string, string>;
        annotations?: Record<string, string>;
      };
    };
  }>;
}

interface Rule {
  record?: string;
  alert?: string;
  expr: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

/** Sloth's default SLO period. */
const PERIOD = '30d';
const PERIOD_DAYS = 30;
/** Google SRE workbook's multi-window, multi-burn-rate alerts (as Sloth). */
const ALERT_WINDOWS = {
  page: [
    { short: '5m', long: '1h', factor: 14.4 },
    { short: '30m', long: '6h', factor: 6 },
  ],
  ticket: [
    { short: '2h', long: '1d', factor: 3 },
    { short: '6h', long: '3d', factor: 1 },
  ],
};
const SLI_WINDOWS = ['5m', '30m', '1h', '2h', '6h', '1d', '3d'];

function sorted(labels: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(labels).sort(([a], [b]) => a.localeCompare(b)),
  );
}

function oneLine(query: string): string {
  return query.replace(/\s+/g, ' ').trim();
}

/** The rule groups Sloth generates for a spec. */
export function generateSloRuleGroups(spec: SlothSpec) {
  if (spec.version !== 'prometheus/v1') {
    throw new Error(`Unsupported Sloth spec version ${spec.version}`);
  }
  return spec.slos.flatMap(slo => {
    const id = `${spec.service}-${slo.name}`;
    const ids = {
      sloth_id: id,
      sloth_service: spec.service,
      sloth_slo: slo.name,
    };
    const selector = `{sloth_id="${id}", sloth_service="${spec.service}", sloth_slo="${slo.name}"}`;
    const userLabels = { ...spec.labels, ...slo.labels };
    const objective = slo.objective / 100;
    const budget = 1 - objective;
    const sliRule = (window: string): Rule => ({
      record: `slo:sli_error:ratio_rate${window}`,
      expr: `(${oneLine(slo.sli.events.error_query).replace(
        /\{\{\s*\.window\s*\}\}/g,
        window,
      )})\n/\n(${oneLine(slo.sli.events.total_query).replace(
        /\{\{\s*\.window\s*\}\}/g,
        window,
      )})\n`,
      labels: sorted({ ...userLabels, ...ids, sloth_window: window }),
    });
    const sliRules: Rule[] = [
      ...SLI_WINDOWS.map(sliRule),
      {
        record: `slo:sli_error:ratio_rate${PERIOD}`,
        expr: `sum_over_time(slo:sli_error:ratio_rate5m${selector}[${PERIOD}])\n/ ignoring (sloth_window)\ncount_over_time(slo:sli_error:ratio_rate5m${selector}[${PERIOD}])\n`,
        labels: sorted({ ...userLabels, ...ids, sloth_window: PERIOD }),
      },
    ];
    const metaLabels = sorted({ ...userLabels, ...ids });
    const metaRules: Rule[] = [
      {
        record: 'slo:objective:ratio',
        expr: `vector(${objective})`,
        labels: metaLabels,
      },
      {
        record: 'slo:error_budget:ratio',
        expr: `vector(1-${objective})`,
        labels: metaLabels,
      },
      {
        record: 'slo:time_period:days',
        expr: `vector(${PERIOD_DAYS})`,
        labels: metaLabels,
      },
      {
        record: 'slo:current_burn_rate:ratio',
        expr: `slo:sli_error:ratio_rate5m${selector}\n/ on(sloth_id, sloth_slo, sloth_service) group_left\nslo:error_budget:ratio${selector}\n`,
        labels: metaLabels,
      },
      {
        record: 'slo:period_burn_rate:ratio',
        expr: `slo:sli_error:ratio_rate${PERIOD}${selector}\n/ on(sloth_id, sloth_slo, sloth_service) group_left\nslo:error_budget:ratio${selector}\n`,
        labels: metaLabels,
      },
      {
        record: 'slo:period_error_budget_remaining:ratio',
        expr: `1 - slo:period_burn_rate:ratio${selector}`,
        labels: metaLabels,
      },
      {
        record: 'sloth_slo_info',
        expr: 'vector(1)',
        labels: sorted({
          ...userLabels,
          ...ids,
          sloth_mode: 'cli-gen-prom',
          sloth_objective: String(slo.objective),
          sloth_spec: spec.version,
        }),
      },
    ];
    const alert = (severity: 'page' | 'ticket'): Rule => {
      const windows = ALERT_WINDOWS[severity];
      const condition = (window: string, factor: number) =>
        `max(slo:sli_error:ratio_rate${window}${selector} > (${factor} * ${budget})) without (sloth_window)`;
      const expr = windows
        .map(
          w =>
            `(\n    ${condition(w.short, w.factor)}\n    and\n    ${condition(
              w.long,
              w.factor,
            )}\n)`,
        )
        .join('\nor\n');
      const extra =
        severity === 'page'
          ? slo.alerting.page_alert
          : slo.alerting.ticket_alert;
      return {
        alert: slo.alerting.name,
        expr: `${expr}\n`,
        labels: sorted({
          ...slo.alerting.labels,
          ...extra?.labels,
          sloth_severity: severity,
        }),
        annotations: sorted({
          title: `(${severity}) {{$labels.sloth_service}} {{$labels.sloth_slo}} SLO error budget burn rate is too fast.`,
          ...slo.alerting.annotations,
          ...extra?.annotations,
        }),
      };
    };
    return [
      { name: `sloth-slo-sli-recordings-${id}`, rules: sliRules },
      { name: `sloth-slo-meta-recordings-${id}`, rules: metaRules },
      {
        name: `sloth-slo-alerts-${id}`,
        rules: [alert('page'), alert('ticket')],
      },
    ];
  });
}

/** The rules file's text for a spec file, formatted as prettier keeps it. */
export function renderSloRules(specFile: string, outFile: string): string {
  const spec = YAML.parse(fs.readFileSync(specFile, 'utf8')) as SlothSpec;
  const header = `# Generated by observability/scripts/generateSloRules.ts from\n# ${relative(
    specFile,
  )} (Sloth prometheus/v1). DO NOT EDIT:\n# change the spec and run \`npm run observability:generate\`.\n`;
  const body = YAML.stringify(
    { groups: generateSloRuleGroups(spec) },
    { lineWidth: 0 },
  );
  return prettier.format(`${header}${body}`, {
    ...prettier.resolveConfig.sync(outFile),
    filepath: outFile,
  });
}

function main() {
  const check = process.argv.includes('--check');
  const text = renderSloRules(MIXIN.sloSpec, MIXIN.sloRules);
  const current = fs.existsSync(MIXIN.sloRules)
    ? fs.readFileSync(MIXIN.sloRules, 'utf8')
    : undefined;
  if (check) {
    if (current !== text) {
      console.error(
        `${relative(MIXIN.sloRules)} is not what ${relative(
          MIXIN.sloSpec,
        )} generates: run \`npm run observability:generate\``,
      );
      process.exitCode = 1;
      return;
    }
    console.log(
      `${relative(MIXIN.sloRules)} agrees with ${relative(MIXIN.sloSpec)}`,
    );
    return;
  }
  fs.writeFileSync(MIXIN.sloRules, text);
  console.log(`wrote ${relative(MIXIN.sloRules)}`);
}

if (require.main === module) {
  main();
}
