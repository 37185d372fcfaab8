import type { CheckDefinition } from '../types/checks';

/**
 * How evidence is weighed, the same for every check: the rule `readiness
 * explain` (CLI) and the `readiness:explain-check` action state.
 *
 * @public
 */
export const EVIDENCE_STRENGTH_RULE =
  'every piece of evidence has a strength. observed: seen in reality (a file in the repository, live series or alert rules). declared: an annotation, a field, or a link whose type names the kind or whose URL is a tool serving it (Grafana /d/, Datadog /dashboard/, PagerDuty...). hint: a link known only by its title or icon, or one pointing at a tool that does not serve the kind (Jira, Notion, a status page): it is listed as ignored and never passes. Placeholders (TODO, -, none, missing, <GUID>, true where an id is expected) and repository pointers alone never pass.';

/** Why each category of the production Definition of Done matters. */
const CATEGORY_PURPOSE: Record<string, string> = {
  monitoring:
    'Operators learn of trouble from dashboards, alerts and probes before users do.',
  logging:
    'Whoever is on call can find what happened: logs are centralised and exceptions reach an error tracker.',
  tracing:
    'A slow or failing request can be followed across the services it crosses.',
  runbook:
    'Operators know what to do in an incident, and past incidents teach the next one.',
  delivery:
    'Changes are built, tested, deployed and rolled back by automation, not by hand.',
  ownership:
    'Someone is accountable and reachable, and the service is placed in the organisation.',
  api: 'Consumers can read the contract, learn how to use it and reach its team.',
  rollup:
    'A System is as ready as its weakest component: its level comes from the levels its parts reached.',
};

/**
 * A check explained for a person: what it asks, why it matters, how it is
 * evaluated, which evidence counts, and how to pass it.
 *
 * @public
 */
export interface CheckExplanation {
  /** The check's id, e.g. `delivery.rollback`. */
  id: string;
  /** The check's title as the pages show it. */
  title: string;
  /** The category the check belongs to, e.g. `monitoring`. */
  category: string;
  /** Id of the lowest level that requires the check to pass. */
  level: string;
  /** The check's weight in the score. */
  weight: number;
  /** What the check asks of an entity. */
  asks: string;
  /** Why it is part of the Definition of Done. */
  whyItMatters: string;
  /** How it is decided: facts needed, reality checks, attestation, warnings. */
  evaluation: string;
  /** Which evidence counts, and the weakest a pass may rest on. */
  evidenceRules: string;
  /** How to pass it (Markdown) and where to read more. */
  remediation: {
    markdown: string;
    links: Array<{ title: string; url: string }>;
  };
}

/**
 * Explains a check of the pack; the CLI's `readiness explain` and the
 * backend's `readiness:explain-check` action both use it.
 *
 * @public
 */
export function explainCheck(check: CheckDefinition): CheckExplanation {
  const evaluation: string[] = [
    check.requires.length > 0
      ? `Decided from the ${check.requires.join(
          ', ',
        )} facts; when any of them is unavailable or not configured the result is unknown, never a failure.`
      : 'Decided from the catalog entity alone.',
  ];
  if (check.optional && check.optional.length > 0) {
    evaluation.push(`Also reads ${check.optional.join(', ')} when present.`);
  }
  if (check.attested) {
    evaluation.push(
      `Attested: no tool can see it, so it passes while an owner-team member's attestation is current (${
        check.attested.expiresAfterDays ?? 180
      } days) and fails after it expires.`,
    );
  }
  if (check.observe) {
    evaluation.push(
      'A pass is checked against reality: when live facts are there and do not show it, the result is claimed, not observed.',
    );
  }
  if (check.warn) {
    evaluation.push(
      'A near miss is a warning: shown as such, and not passing for levels or the score.',
    );
  }
  evaluation.push(
    `Counts towards ${check.level}: every check of a level and of the levels below must pass (or be exempt) to reach it.`,
  );
  return {
    id: check.id,
    title: check.title,
    category: check.category,
    level: check.level,
    weight: check.weight,
    asks: (check.description ?? check.title).trim(),
    whyItMatters:
      CATEGORY_PURPOSE[check.category] ??
      `Part of the ${check.category} expectations of the production Definition of Done.`,
    evaluation: evaluation.join(' '),
    evidenceRules: `${EVIDENCE_STRENGTH_RULE}${
      check.minStrength === 'observed'
        ? ' This check needs observed evidence: declared evidence alone fails it.'
        : ''
    }`,
    remediation: {
      markdown: check.remediation.markdown.trim(),
      links: (check.remediation.links ?? []).map(link => ({ ...link })),
    },
  };
}
