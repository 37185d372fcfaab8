import type { Evidence } from '../../types';
import * as factsView from '../FactsView';
import { GlobSet } from '../glob';
import { invalid } from '../invalid';
import * as ruleValues from '../RuleNode';
import { RuleNode } from '../RuleNode';
import { inNamespace } from './inNamespace';
import { readGlobSet, readStringList } from './readStringList';
import * as ruleOperator from './RuleOperator';
import { RuleOperator } from './RuleOperator';

// Local copies of hot imported bindings: tsx and jest read an imported
// binding through getters on every access (see RuleNode.ts).
const { isRecord, truncate } = factsView;
const { FAIL, PASS } = ruleValues;
const { MAX_LEAF_EVIDENCE } = ruleOperator;

/**
 * `dependency: globs | { name, ecosystem }`: the repository declares a
 * matching dependency.
 *
 * @internal
 */
export const dependencyOperator: RuleOperator = {
  extraKeys: [],
  compile(operand, context): RuleNode {
    const { at } = context;
    let names: GlobSet;
    let ecosystems: Set<string> | undefined;
    if (isRecord(operand)) {
      for (const key of Object.keys(operand)) {
        if (key !== 'name' && key !== 'ecosystem') {
          invalid(
            `${at}.${key}`,
            'unknown dependency condition; allowed: name, ecosystem',
            operand[key],
          );
        }
      }
      names = readGlobSet(operand.name, `${at}.name`, false);
      if (operand.ecosystem !== undefined) {
        ecosystems = new Set(
          readStringList(
            operand.ecosystem,
            `${at}.ecosystem`,
            'an ecosystem',
          ).map(e => e.toLowerCase()),
        );
      }
    } else {
      names = readGlobSet(operand, at, false);
    }
    context.uses('repository');
    return inNamespace('repository', (view, scratch) => {
      const dependencies = view.dependencies();
      let found = 0;
      for (
        let i = 0;
        i < dependencies.length && found < MAX_LEAF_EVIDENCE;
        i++
      ) {
        const dep = dependencies[i];
        if (ecosystems && !ecosystems.has(dep.ecosystem.toLowerCase())) {
          continue;
        }
        if (!names.test(dep.name)) {
          continue;
        }
        const evidence: Evidence = {
          kind: 'dependency',
          label: truncate(dep.name),
          value: dep.manifest
            ? `${dep.ecosystem} (${truncate(dep.manifest)})`
            : dep.ecosystem,
          strength: 'observed',
        };
        const url = dep.manifest ? view.fileUrl(dep.manifest) : undefined;
        if (url !== undefined) {
          evidence.url = url;
        }
        scratch.evidence.push(evidence);
        found += 1;
      }
      return found > 0 ? PASS : FAIL;
    });
  },
};
