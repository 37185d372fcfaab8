import type { Entity } from '@backstage/catalog-model';
import {
  CheckDefinition,
  CheckPack,
  FactDocument,
  OwnerFacts,
  RepositoryFacts,
  RepositoryFileKind,
  RuleOutcome,
  createCheckPack,
} from '@prodready/plugin-readiness-common';

/*
 * A small, stable pack with code rules for the golden-file tests: the output
 * of the CLI's formats must not change when the default pack evolves.
 */

function entityOf(facts: FactDocument): Entity {
  return facts.namespaces.entity?.data as Entity;
}

function linkOf(facts: FactDocument, type: string): RuleOutcome | undefined {
  const link = entityOf(facts).metadata.links?.find(l => l.type === type);
  return link
    ? {
        state: 'pass',
        evidence: [
          {
            kind: 'link',
            label: `${type} link`,
            url: link.url,
            strength: 'declared',
          },
        ],
      }
    : undefined;
}

function fileOf(
  facts: FactDocument,
  kind: RepositoryFileKind,
): RuleOutcome | undefined {
  const repository = facts.namespaces.repository;
  const data = repository?.data as RepositoryFacts | undefined;
  const file =
    repository?.status === 'ok' ? data?.filesByKind?.[kind]?.[0] : undefined;
  return file
    ? {
        state: 'pass',
        evidence: [{ kind: 'file', label: file, strength: 'observed' }],
      }
    : undefined;
}

function check(
  id: string,
  title: string,
  level: string,
  requires: string[],
  rule: (facts: FactDocument) => RuleOutcome,
  fail: string,
): CheckDefinition {
  return {
    id,
    title,
    category: id.split('.')[0],
    level,
    weight: 1,
    requires,
    rule,
    messages: { pass: `${title}: yes`, fail },
    remediation: {
      markdown: `How to pass **${title}**: see the handbook.`,
      links: [{ title: 'Handbook', url: `https://handbook.example.com/${id}` }],
    },
  };
}

const fail: RuleOutcome = { state: 'fail' };

/** The pack of the golden-file tests. */
export const fixturePack: CheckPack = createCheckPack({
  checks: [
    check(
      'ownership.owner',
      'Owned by a team',
      'bronze',
      ['owner'],
      facts => {
        const owner = facts.namespaces.owner?.data as OwnerFacts | undefined;
        return owner?.resolved && owner.kind === 'group'
          ? {
              state: 'pass',
              evidence: [
                {
                  kind: 'relation',
                  label: 'owner',
                  value: owner.ownerRef,
                  strength: 'declared',
                },
              ],
            }
          : fail;
      },
      'The owner is not a team',
    ),
    check(
      'delivery.ci',
      'CI configured',
      'bronze',
      ['entity'],
      facts => fileOf(facts, 'ci') ?? fail,
      'No CI workflow in the repository',
    ),
    check(
      'runbook.linked',
      'Runbook linked',
      'bronze',
      ['entity'],
      facts => linkOf(facts, 'runbook') ?? fileOf(facts, 'runbook') ?? fail,
      'No runbook link or runbook document',
    ),
    check(
      'delivery.rollback',
      'Rollback documented',
      'silver',
      ['entity'],
      facts => linkOf(facts, 'rollback') ?? fileOf(facts, 'rollback') ?? fail,
      'No rollback procedure',
    ),
    check(
      'monitoring.dashboard',
      'Dashboard linked',
      'silver',
      ['entity'],
      facts => linkOf(facts, 'dashboard') ?? fail,
      'No dashboard link (Grafana | Datadog)',
    ),
    check(
      'monitoring.latency',
      'Latency observed live',
      'gold',
      ['metrics'],
      () => ({ state: 'pass' }),
      'No latency series',
    ),
  ],
});
