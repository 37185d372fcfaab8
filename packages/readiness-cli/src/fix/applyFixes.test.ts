import { defaultChecks } from '@prodready/plugin-readiness-common';
import { applyFixes } from './applyFixes';
import { editsFromRemediation, fillMe, fillMeUrl } from './planFixes';

const FILE = `# The payments team's services
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: other # keep this comment
spec: { type: service, lifecycle: production, owner: team-a }
---
# payments
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: payments
  annotations:
    github.com/project-slug: acme/payments # the repo
spec:
  type: service
  owner: team-a
`;

describe('applyFixes', () => {
  it('adds annotations, links and fields to one document, keeping comments and the other documents', () => {
    const { text, written, skipped } = applyFixes(FILE, [
      {
        kind: 'Component',
        name: 'payments',
        edits: [
          {
            kind: 'annotation',
            key: 'pagerduty.com/service-id',
            value: fillMe('id'),
          },
          {
            kind: 'annotation',
            key: 'github.com/project-slug',
            value: fillMe('x'),
          },
          {
            kind: 'link',
            link: {
              url: fillMeUrl('runbook'),
              title: 'Runbook',
              type: 'runbook',
            },
          },
          {
            kind: 'field',
            path: ['spec', 'lifecycle'],
            value: fillMe('e.g. production'),
          },
          { kind: 'note', text: 'add a CI file' },
        ],
      },
    ]);

    expect(text).toBe(`# The payments team's services
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: other # keep this comment
spec: { type: service, lifecycle: production, owner: team-a }
---
# payments
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: payments
  annotations:
    github.com/project-slug: acme/payments # the repo
    pagerduty.com/service-id: "<FILL-ME: id>"
  links:
    - url: "fill-me:<FILL-ME: runbook>"
      title: Runbook
      type: runbook
spec:
  type: service
  owner: team-a
  lifecycle: "<FILL-ME: e.g. production>"
`);
    expect(written).toEqual([
      'component:payments: annotation pagerduty.com/service-id',
      'component:payments: link of type runbook',
      'component:payments: field spec.lifecycle',
    ]);
    expect(skipped).toEqual([
      'component:payments: annotation github.com/project-slug already there, left alone',
      'add a CI file',
    ]);
  });

  it('turns a remediation snippet of the default pack into placeholders', () => {
    const tier = defaultChecks.find(c => c.id === 'ownership.tier')!;
    expect(editsFromRemediation(tier)).toEqual([
      {
        kind: 'annotation',
        key: 'prodready.io/tier',
        value: '<FILL-ME: Tier and lifecycle declared, e.g. "1">',
      },
      {
        kind: 'field',
        path: ['spec', 'lifecycle'],
        value: '<FILL-ME: e.g. "production">',
      },
    ]);
  });
});
