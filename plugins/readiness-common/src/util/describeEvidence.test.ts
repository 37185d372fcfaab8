import type { CheckResult } from '../types';
import { describeEvidence, passingEvidence } from './describeEvidence';

describe('describeEvidence', () => {
  it('names the evidence, its value and its strength', () => {
    expect(
      describeEvidence({
        kind: 'annotation',
        label: 'buildkite.com/pipeline-slug',
        value: 'acme/payments',
        strength: 'declared',
      }),
    ).toBe('buildkite.com/pipeline-slug "acme/payments" (declared)');
    expect(
      describeEvidence({
        kind: 'link',
        label: 'link "JIRA Board"',
        value: 'ignored: Jira is an issue tracker, not a dashboard',
        strength: 'hint',
      }),
    ).toBe(
      'link "JIRA Board": ignored: Jira is an issue tracker, not a dashboard (hint)',
    );
    expect(describeEvidence({ kind: 'tag', label: 'tier-1' })).toBe('tier-1');
  });
});

describe('passingEvidence', () => {
  it('keeps what a pass rests on, strongest first, without hints', () => {
    const result: CheckResult = {
      checkId: 'delivery.ci',
      state: 'pass',
      reason: 'CI is configured',
      evidence: [
        { kind: 'link', label: 'link "CI"', strength: 'hint' },
        {
          kind: 'annotation',
          label: 'jenkins.io/job-full-name',
          strength: 'declared',
        },
        { kind: 'file', label: 'Jenkinsfile', strength: 'observed' },
        { kind: 'field', label: 'old result' },
      ],
    };
    expect(passingEvidence(result).map(e => e.label)).toEqual([
      'Jenkinsfile',
      'jenkins.io/job-full-name',
      'old result',
    ]);
    expect(passingEvidence(result, 1)).toHaveLength(1);
  });
});
