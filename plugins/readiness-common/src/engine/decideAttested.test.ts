import { ConfigReader } from '@backstage/config';
import type { Attestation, FactDocument } from '../types';
import { readCheckPackFromConfig } from '../config/readCheckPackFromConfig';
import { compileCheckPack } from './compileCheckPack';
import { evaluateEntity } from './evaluateEntity';

const NOW = new Date('2026-03-01T12:00:00Z');

function facts(
  attestations: Record<string, Attestation> | undefined,
): FactDocument {
  return {
    entityRef: 'component:default/a',
    namespaces: {
      entity: {
        status: 'ok',
        data: {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: { name: 'a' },
          spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
        },
      },
      attestations: attestations
        ? { status: 'ok', data: attestations }
        : undefined,
    },
  };
}

function attestation(expiresAt: string): Attestation {
  return {
    id: '1',
    entityRef: 'component:default/a',
    checkId: 'resilience.dr-drill',
    evidenceUrl: 'https://wiki.example.com/dr-2026',
    author: 'user:default/jane',
    createdAt: '2026-01-10T09:00:00.000Z',
    expiresAt,
  };
}

const enabled = readCheckPackFromConfig(
  new ConfigReader({
    readiness: {
      checks: [
        { id: 'resilience.dr-drill', enabled: true },
        { id: 'security.review', attested: { expiresAfterDays: 30 } },
      ],
    },
  }),
);
const pack = compileCheckPack(enabled);

function drDrill(doc: FactDocument) {
  return evaluateEntity(pack, doc, { now: NOW }).results.find(
    r => r.checkId === 'resilience.dr-drill',
  );
}

describe('attested checks', () => {
  it('are off by default and turned on by config, with overrides', () => {
    const plain = readCheckPackFromConfig(new ConfigReader({}));
    expect(plain.checks.map(c => c.id)).not.toContain('resilience.dr-drill');
    expect(enabled.checks.map(c => c.id)).toEqual(
      expect.arrayContaining(['resilience.dr-drill', 'security.review']),
    );
    expect(enabled.checks.map(c => c.id)).not.toContain('resilience.load-test');
    expect(
      enabled.checks.find(c => c.id === 'security.review')?.attested,
    ).toEqual({ expiresAfterDays: 30 });
  });

  it('pass while the attestation is current, with its evidence link', () => {
    expect(
      drDrill(
        facts({ 'resilience.dr-drill': attestation('2026-07-09T09:00:00Z') }),
      ),
    ).toMatchObject({
      state: 'pass',
      reason:
        'A disaster-recovery drill was attested (attested by user:default/jane on 2026-01-10, until 2026-07-09)',
      evidence: [
        {
          kind: 'link',
          url: 'https://wiki.example.com/dr-2026',
          label: 'attestation by user:default/jane on 2026-01-10',
        },
      ],
    });
  });

  it('fail with "attestation expired on …" once expired', () => {
    expect(
      drDrill(
        facts({ 'resilience.dr-drill': attestation('2026-02-28T09:00:00Z') }),
      ),
    ).toMatchObject({
      state: 'fail',
      reason:
        'No current disaster-recovery drill (attestation expired on 2026-02-28)',
    });
  });

  it('fail without an attestation; unknown and not blocking where nobody records them', () => {
    expect(drDrill(facts({}))).toMatchObject({
      state: 'fail',
      reason: 'No current disaster-recovery drill (no attestation recorded)',
    });
    expect(drDrill(facts(undefined))).toMatchObject({
      state: 'unknown',
      notConfigured: true,
    });
  });

  it('refuses a bad expiry, naming the path', () => {
    expect(() =>
      readCheckPackFromConfig(
        new ConfigReader({
          readiness: {
            checks: [
              { id: 'resilience.load-test', attested: { expiresAfterDays: 0 } },
            ],
          },
        }),
      ),
    ).toThrow(/readiness\.checks\[0\]\.attested\.expiresAfterDays/);
  });
});
