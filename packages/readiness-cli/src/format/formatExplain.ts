import {
  describeMinStrength,
  type CheckDefinition,
} from '@prodready/plugin-readiness-common';

const STRENGTH_RULE =
  'every piece of evidence has a strength. observed: seen in reality (a file in the repository, live series or alert rules). declared: an annotation, a field, or a link whose type names the kind or whose URL is a tool serving it (Grafana /d/, Datadog /dashboard/, PagerDuty...). hint: a link known only by its title or icon, or one pointing at a tool that does not serve the kind (Jira, Notion, a status page): it is listed as ignored and never passes. Placeholders (TODO, -, none, missing, <GUID>, true where an id is expected) and repository pointers alone never pass.';

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
    `What counts: ${STRENGTH_RULE}`,
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
