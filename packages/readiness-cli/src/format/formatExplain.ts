import {
  describeMinStrength,
  explainCheck,
  type CheckDefinition,
} from '@prodready/plugin-readiness-common';

/**
 * Formats one check for `--explain`: what it checks, where it sits in the
 * pack, and how to satisfy it.
 *
 * @public
 */
export function formatExplain(check: CheckDefinition): string {
  const lines = [
    `${check.id}: ${check.title}`,
    `category ${check.category}, level ${check.level}, weight ${
      check.weight
    }, needs facts: ${
      check.requires.length > 0 ? check.requires.join(', ') : 'none'
    }`,
  ];
  if (check.description) {
    lines.push('', check.description.trim());
  }
  lines.push(
    '',
    // The same words as the readiness:explain-check action.
    `What counts: ${explainCheck(check).evidenceRules}`,
    '',
    `Minimum evidence strength: ${
      check.minStrength ?? 'declared'
    }. ${describeMinStrength(check.minStrength)}`,
  );
  lines.push('', 'How to pass it:', '', check.remediation.markdown.trim());
  const links = check.remediation.links ?? [];
  if (links.length > 0) {
    lines.push('', 'Links:');
    for (const link of links) {
      lines.push(`- ${link.title}: ${link.url}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
