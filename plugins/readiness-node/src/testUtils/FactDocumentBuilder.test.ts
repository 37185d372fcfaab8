import {
  compileCheckPack,
  createCheckPack,
  evaluateEntity,
} from '@prodready/plugin-readiness-common';
import { FactDocumentBuilder } from './FactDocumentBuilder';
import { mockComponent } from './mockComponent';

describe('FactDocumentBuilder', () => {
  it('starts with the entity only', () => {
    const entity = mockComponent({ name: 'payments' });
    expect(new FactDocumentBuilder(entity).build()).toEqual({
      entityRef: 'component:default/payments',
      namespaces: { entity: { status: 'ok', data: entity } },
    });
  });

  it('fills namespaces with defaults and classifies repository files', () => {
    const facts = new FactDocumentBuilder(mockComponent())
      .withOwner({ contacts: [{ type: 'chat', label: '#team-a' }] })
      .withRepository({
        files: ['.github/workflows/ci.yml', 'docs/runbook.md', 'src/a.ts'],
      })
      .withMetrics({ probes: ['probe_success'] })
      .withNamespace('security', { openFindings: 0 })
      .build();
    expect(facts.namespaces.owner).toMatchObject({
      status: 'ok',
      data: {
        resolved: true,
        kind: 'group',
        ownerRef: 'group:default/team-a',
        members: [],
      },
    });
    expect(facts.namespaces.repository?.data).toMatchObject({
      filesByKind: {
        ci: ['.github/workflows/ci.yml'],
        runbook: ['docs/runbook.md'],
      },
    });
    expect(facts.namespaces.metrics?.data).toEqual({
      source: 'prometheus',
      signals: {},
      probes: ['probe_success'],
    });
    expect(facts.namespaces.security?.data).toEqual({ openFindings: 0 });
  });

  it('marks namespaces unavailable or not configured', () => {
    const facts = new FactDocumentBuilder(mockComponent())
      .withRepository()
      .unavailable('repository', 'timed out')
      .notConfigured('metrics')
      .withEntityRef('component:default/other')
      .build();
    expect(facts).toMatchObject({
      entityRef: 'component:default/other',
      namespaces: {
        repository: { status: 'unavailable', reason: 'timed out' },
        metrics: { status: 'not-configured' },
      },
    });
  });

  it('builds documents the engine scores', () => {
    const entity = mockComponent({
      annotations: { 'jenkins.io/job-full-name': 'team-a/svc' },
      tags: ['tier-1'],
      system: 'payments',
      links: [
        { url: 'https://logs/x', title: 'Logs', type: 'logs' },
        { url: 'https://wiki/x', title: 'Runbook' },
      ],
    });
    const card = evaluateEntity(
      compileCheckPack(createCheckPack()),
      new FactDocumentBuilder(entity)
        .withOwner({ email: 'team-a@example.com' })
        .withRepository()
        .notConfigured('metrics')
        .build(),
    );
    expect(card.level).toBe('bronze');
    expect(card.nextLevel).toBe('silver');
  });

  it('copes with an entity it cannot make a ref of', () => {
    expect(new FactDocumentBuilder({} as never).build().entityRef).toBe(
      'component:default/unknown',
    );
  });
});
