import type { Evidence } from '../../types';
import * as factsView from '../FactsView';
import { invalid } from '../invalid';
import * as ruleValues from '../RuleNode';
import { RuleNode } from '../RuleNode';
import { inNamespace } from './inNamespace';
import { readStringList } from './readStringList';
import { RuleOperator } from './RuleOperator';

// Local copies of hot imported bindings: tsx and jest read an imported
// binding through getters on every access (see RuleNode.ts).
const { isRecord, truncate } = factsView;
const { FAIL, PASS } = ruleValues;

const SIGNALS: ReadonlySet<string> = new Set([
  'latency',
  'traffic',
  'errors',
  'saturation',
]);

/**
 * `signal: signals`: a metrics provider verified one of the golden signals
 * live.
 *
 * @internal
 */
export const signalOperator: RuleOperator = {
  extraKeys: [],
  compile(operand, context): RuleNode {
    const { at } = context;
    const signals = readStringList(operand, at, 'a golden signal').map(
      (signal, i) =>
        SIGNALS.has(signal)
          ? signal
          : invalid(
              Array.isArray(operand) ? `${at}[${i}]` : at,
              `unknown signal; expected one of ${[...SIGNALS].join(', ')}`,
              signal,
            ),
    );
    context.uses('metrics');
    return inNamespace('metrics', (view, scratch) => {
      const metrics = view.metrics();
      const all = metrics?.signals;
      if (!isRecord(all)) {
        return FAIL;
      }
      let found = 0;
      for (const signal of signals) {
        const evidence = all[signal];
        if (!isRecord(evidence) || evidence.present !== true) {
          continue;
        }
        const query =
          typeof evidence.query === 'string'
            ? truncate(evidence.query)
            : undefined;
        const sample =
          typeof evidence.sample === 'string'
            ? truncate(evidence.sample)
            : undefined;
        const source =
          typeof metrics?.source === 'string'
            ? ` (${truncate(metrics.source)})`
            : '';
        const item: Evidence = {
          kind: 'series',
          label: `${signal}${source}`,
          strength: 'observed',
        };
        if (query || sample) {
          item.value =
            query && sample ? `${query} = ${sample}` : query ?? sample;
        }
        scratch.evidence.push(item);
        found += 1;
      }
      return found > 0 ? PASS : FAIL;
    });
  },
};
