import * as factsView from '../FactsView';
import { invalid } from '../invalid';
import * as ruleValues from '../RuleNode';
import { RuleNode } from '../RuleNode';
import { inNamespace } from './inNamespace';
import { readGlobSet } from './readStringList';
import * as ruleOperator from './RuleOperator';
import { RuleOperator } from './RuleOperator';

// Local copies of hot imported bindings: tsx and jest read an imported
// binding through getters on every access (see RuleNode.ts).
const { truncate } = factsView;
const { FAIL, PASS } = ruleValues;
const { MAX_LEAF_EVIDENCE } = ruleOperator;

const METRICS_LISTS: Record<string, string> = {
  alertRules: 'alert rule',
  probes: 'probe',
  slos: 'SLO series',
  alertRunbooks: 'alert runbook',
  burnRateAlerts: 'burn-rate alert',
  tlsProbes: 'TLS expiry probe',
};

/**
 * `metrics: alertRules | probes | slos | alertRunbooks | burnRateAlerts |
 * tlsProbes` with optional `matches`: the metrics
 * provider found such series or rules.
 *
 * @internal
 */
export const metricsOperator: RuleOperator = {
  extraKeys: ['matches'],
  compile(operand, context): RuleNode {
    const { at, path } = context;
    const matches = context.rule.matches;
    if (typeof operand !== 'string' || !(operand in METRICS_LISTS)) {
      return invalid(
        at,
        `expected one of ${Object.keys(METRICS_LISTS).join(', ')}`,
        operand,
      );
    }
    const label = METRICS_LISTS[operand];
    const set =
      matches === undefined
        ? undefined
        : readGlobSet(matches, `${path}.matches`, false);
    context.uses('metrics');
    return inNamespace('metrics', (view, scratch) => {
      const list = view.metrics()?.[operand];
      if (!Array.isArray(list)) {
        return FAIL;
      }
      let found = 0;
      for (let i = 0; i < list.length && found < MAX_LEAF_EVIDENCE; i++) {
        const entry = list[i];
        if (typeof entry !== 'string' || (set && !set.test(entry))) {
          continue;
        }
        scratch.evidence.push({
          kind: 'series',
          label,
          value: truncate(entry),
          strength: 'observed',
        });
        found += 1;
      }
      return found > 0 ? PASS : FAIL;
    });
  },
};
