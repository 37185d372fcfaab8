import {
  isSafeUrl,
  type CheckDefinition,
  type DependencyFact,
  type DependencyFacts,
  type Evidence,
  type FactDocument,
  type RuleOutcome,
} from '@prodready/plugin-readiness-common';

/** Id of the dependency-risk check. */
export const DEPENDENCY_RISK_CHECK_ID = 'dependencies.ready';

function name(dependency: DependencyFact): string {
  return dependency.title ?? dependency.ref;
}

function ownerText(dependency: DependencyFact): string {
  const owner = dependency.owner;
  if (!owner) return 'owner unknown';
  const contact = owner.contacts[0];
  return `owner ${owner.displayName ?? owner.ref}${
    contact ? `, ${contact.label}` : ''
  }`;
}

function toEvidence(dependency: DependencyFact): Evidence {
  const url = dependency.owner?.contacts.find(c =>
    isSafeUrl(c.url, { mailto: true }),
  )?.url;
  const level = dependency.scored
    ? dependency.levelTitle ?? 'no level'
    : 'not scored';
  return {
    kind: 'relation',
    label: `${
      dependency.relation === 'consumesApi' ? 'consumes' : 'depends on'
    } ${dependency.ref}`,
    value: `${level}; ${ownerText(dependency)}`,
    ...(url ? { url } : {}),
  };
}

/** The verdict over the `dependencies` namespace. */
function judgeDependencies(facts: FactDocument): RuleOutcome {
  const data = facts.namespaces.dependencies?.data as
    | DependencyFacts
    | undefined;
  const dependencies = data?.dependencies ?? [];
  if (dependencies.length === 0) {
    return {
      state: 'not-applicable',
      reason: 'Declares no dependencies (spec.dependsOn) and consumes no APIs',
    };
  }
  const scored = dependencies.filter(d => d.scored);
  const required = dependencies[0].requiredLevel;
  if (scored.length === 0) {
    // Not `unknown`: that would hold back the entity's level on its first
    // scoring, before what it depends on has been scored once.
    return {
      state: 'not-applicable',
      reason: `None of its ${dependencies.length} dependencies is scored (yet), so none can be judged`,
    };
  }
  const weak = scored.filter(d => !d.meetsRequired);
  const evidence = [
    ...weak,
    ...dependencies.filter(d => !weak.includes(d)),
  ].map(toEvidence);
  if (weak.length > 0) {
    const first = weak[0];
    return {
      state: 'fail',
      reason: `Depends on ${name(first)} (${
        first.levelTitle ?? 'no level'
      }, ${ownerText(first)})${
        weak.length > 1 ? ` and ${weak.length - 1} more` : ''
      }, below the ${required ?? 'required'} level its dependencies must reach`,
      evidence,
    };
  }
  const unscored = dependencies.length - scored.length;
  return {
    state: 'pass',
    reason: `Its ${scored.length} scored ${
      scored.length === 1 ? 'dependency reaches' : 'dependencies reach'
    } ${required ?? 'their levels'}${
      unscored ? ` (${unscored} not scored, not judged)` : ''
    }`,
    evidence,
  };
}

/**
 * The dependency-risk check: what a service depends on reaches the level
 * its policy asks (Bronze for every entity and Silver for tier-1 by
 * default, `readiness.dependencies`), so that a tier-1 service is not one
 * weak dependency away from an outage. Its evidence lists each dependency's
 * level and owner contact, so the gap says whom to talk to.
 *
 * @internal
 */
export function dependencyRiskCheck(options: {
  level: string;
}): CheckDefinition {
  return {
    id: DEPENDENCY_RISK_CHECK_ID,
    title: 'Dependencies are production-ready',
    description:
      'What it depends on (spec.dependsOn) and the APIs it consumes reach the level its tier asks of dependencies.',
    category: 'ownership',
    level: options.level,
    weight: 1,
    appliesTo: { kind: 'component' },
    requires: ['dependencies'],
    rule: judgeDependencies,
    messages: {
      pass: 'Its dependencies reach the level they must',
      fail: 'A dependency is below the level it must reach',
    },
    remediation: {
      markdown: `A dependency below the level this service needs is a risk you share. Talk to its owner (the contact is listed with the dependency) about its gaps — its Readiness tab shows them and who already solved each — or remove the dependency. If the dependency is wrong, fix \`spec.dependsOn\`:

\`\`\`yaml
spec:
  dependsOn:
    - component:default/payments-db
\`\`\`

The levels asked of dependencies are set per tier in \`readiness.dependencies\`.`,
      links: [
        {
          title: 'Backstage: spec.dependsOn',
          url: 'https://backstage.io/docs/features/software-catalog/descriptor-format#specdependson-optional',
        },
      ],
    },
  };
}
