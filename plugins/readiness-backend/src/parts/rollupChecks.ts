import type {
  CheckDefinition,
  Evidence,
  FactDocument,
  LevelDefinition,
  RuleOutcome,
} from '@prodready/plugin-readiness-common';
import type { PartFact, PartsFacts } from './PartsFactProvider';

/** Id of the roll-up check of a level, e.g. `rollup.parts-silver`. */
export function rollupCheckId(levelId: string): string {
  return `rollup.parts-${levelId}`;
}

function name(part: PartFact): string {
  return part.title ?? part.ref;
}

function toEvidence(part: PartFact): Evidence {
  let value = 'not scored yet';
  if (part.scored) {
    value = part.levelApplicable
      ? part.levelTitle ?? 'below the lowest level'
      : 'no level (no operational check applies)';
  }
  return {
    kind: 'relation',
    label: `has part ${part.ref}`,
    value,
    strength: 'observed',
  };
}

/** The verdict of the roll-up of one level over the `parts` namespace. */
function judgeParts(level: LevelDefinition, rank: number) {
  return (facts: FactDocument): RuleOutcome => {
    const data = facts.namespaces.parts?.data as PartsFacts | undefined;
    const parts = data?.parts ?? [];
    if (parts.length === 0) {
      return {
        state: 'not-applicable',
        reason:
          'Has no parts that reach levels (no components or resources, or for a Domain no systems)',
      };
    }
    const judged = parts.filter(p => p.scored && p.levelApplicable);
    if (judged.length === 0) {
      // Not `unknown`: that would hold back the first scoring, before the
      // parts have been scored once.
      return {
        state: 'not-applicable',
        reason: `None of its ${parts.length} parts has a level yet (not scored, or no operational check applies), so none can be judged`,
      };
    }
    const below = judged.filter(p => p.levelRank < rank);
    const evidence = [...below, ...parts.filter(p => !below.includes(p))]
      .slice(0, 20)
      .map(toEvidence);
    const unjudged = parts.length - judged.length;
    const unjudgedText = unjudged
      ? ` (${unjudged} not scored or without a level, not judged)`
      : '';
    if (below.length > 0) {
      const first = below[0];
      return {
        state: 'fail',
        reason: `${below.length} of its ${judged.length} parts ${
          below.length === 1 ? 'is' : 'are'
        } below ${level.title}: ${name(first)} (${
          first.levelTitle ?? 'below the lowest level'
        })${
          below.length > 1 ? ` and ${below.length - 1} more` : ''
        }${unjudgedText}`,
        evidence,
      };
    }
    return {
      state: 'pass',
      reason: `All ${judged.length} of its parts reach ${level.title}${unjudgedText}`,
      evidence,
    };
  };
}

/**
 * The roll-up checks of Systems and Domains, one per level of the pack
 * (lowest first): `rollup.parts-<level>` passes when every part that has a
 * level (a System's components and resources, a Domain's systems; see
 * `PartsFactProvider`) reaches that level. So a System reaches the level
 * its weakest component reaches ("a System is ready when its components
 * reach a level"), and gets a level at all only once a part has one. Parts
 * not scored yet, or without operational checks, are listed and not judged.
 *
 * @internal
 */
export function rollupChecks(
  levels: readonly LevelDefinition[],
): CheckDefinition[] {
  return levels.map((level, i) => ({
    id: rollupCheckId(level.id),
    title: `Its parts reach ${level.title}`,
    description: `Every component and resource of the System (every system of the Domain) that has a level reaches ${level.title}, as last scored.`,
    category: 'rollup',
    level: level.id,
    weight: 1,
    appliesTo: { kind: { $in: ['system', 'domain'] } },
    requires: ['parts'],
    rule: judgeParts(level, i + 1),
    messages: {
      pass: `Its parts reach ${level.title}`,
      fail: `A part is below ${level.title}`,
    },
    remediation: {
      markdown: `A System is as ready as its weakest component. Open the components listed below ${level.title} and close their gaps (each one's Readiness tab lists them), or move a component that does not belong to this system elsewhere (\`spec.system\`):

\`\`\`yaml
spec:
  system: payments
\`\`\``,
      links: [
        {
          title: 'Backstage: System entities',
          url: 'https://backstage.io/docs/features/software-catalog/descriptor-format#kind-system',
        },
      ],
    },
  }));
}
