import type { CheckDefinition } from '../types';

/**
 * Attested checks of the default pack, for what no tool can see. They are
 * off unless enabled in config, e.g.
 * `readiness.checks: [{ id: resilience.dr-drill, enabled: true }]`; each
 * passes while an owner-team member's attestation, with an evidence link, is
 * current (`attested.expiresAfterDays`, default 180, may be overridden per
 * check).
 *
 * @public
 */
export const attestedChecks: CheckDefinition[] = [
  {
    id: 'resilience.dr-drill',
    title: 'Disaster-recovery drill',
    description:
      'A restore or fail-over drill was run and its outcome written down.',
    category: 'resilience',
    level: 'gold',
    weight: 1,
    requires: [],
    attested: { expiresAfterDays: 180 },
    rule: undefined,
    messages: {
      pass: 'A disaster-recovery drill was attested',
      fail: 'No current disaster-recovery drill',
    },
    remediation: {
      markdown:
        'Run a restore or fail-over drill, write down what happened (a ticket, a report), then record an attestation with that link on the entity page.',
    },
  },
  {
    id: 'resilience.load-test',
    title: 'Load test',
    description: 'The service was load-tested at its expected peak.',
    category: 'resilience',
    level: 'gold',
    weight: 1,
    requires: [],
    attested: { expiresAfterDays: 180 },
    rule: undefined,
    messages: {
      pass: 'A load test was attested',
      fail: 'No current load test',
    },
    remediation: {
      markdown:
        'Load-test the service at its expected peak, keep the report, then record an attestation with the report link on the entity page.',
    },
  },
  {
    id: 'security.review',
    title: 'Security review',
    description: 'A security review (threat model, pen test) was done.',
    category: 'security',
    level: 'gold',
    weight: 1,
    requires: [],
    attested: { expiresAfterDays: 365 },
    rule: undefined,
    messages: {
      pass: 'A security review was attested',
      fail: 'No current security review',
    },
    remediation: {
      markdown:
        'Have the service reviewed by your security team, then record an attestation with the review link on the entity page.',
    },
  },
];
