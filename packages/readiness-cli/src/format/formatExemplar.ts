import type {
  Evidence,
  LearnFromExemplar,
} from '@prodready/plugin-readiness-common';

/**
 * One piece of evidence as text: `kind label: value (strength)`, e.g.
 * `annotation pagerduty.com/service-id: P123 (declared)`.
 *
 * @public
 */
export function formatEvidence(evidence: Evidence): string {
  const value =
    evidence.value && evidence.value !== evidence.label
      ? `: ${evidence.value}`
      : '';
  const strength = evidence.strength ? ` (${evidence.strength})` : '';
  return `${evidence.kind} ${evidence.label}${value}${strength}`;
}

/**
 * Who passes a check and how, one line: the entity, its owner and contacts,
 * and the evidence that made it pass.
 *
 * @public
 */
export function formatExemplar(
  exemplar: LearnFromExemplar,
  code: (text: string) => string = text => text,
): string {
  const owner = exemplar.owner.displayName ?? exemplar.owner.ref;
  const contacts = exemplar.owner.contacts.map(c => c.label).join(', ');
  const how = exemplar.evidence.slice(0, 3).map(formatEvidence);
  return `learn from ${code(exemplar.entity.entityRef)} (owner ${owner}${
    contacts ? `: ${contacts}` : ''
  })${how.length > 0 ? `: ${how.map(code).join('; ')}` : ''}`;
}
