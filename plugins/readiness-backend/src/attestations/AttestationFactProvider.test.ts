import type { Entity } from '@backstage/catalog-model';
import type { Attestation } from '@prodready/plugin-readiness-common';
import { AttestationFactProvider } from './AttestationFactProvider';
import type { AttestationsStore } from './AttestationsStore';

function component(name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default' },
  };
}

const drill: Attestation = {
  id: '1',
  entityRef: 'component:default/a',
  checkId: 'resilience.dr-drill',
  evidenceUrl: 'https://wiki.example.com/1',
  author: 'user:default/jane',
  createdAt: '2026-02-01T00:00:00.000Z',
  expiresAt: '2027-01-01T00:00:00.000Z',
};

function fakeStore(): AttestationsStore & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    recordAttestation: async () => undefined,
    listAttestationHistory: async () => [],
    listExpiringAttestations: async () => [],
    markAttestationsNotified: async () => undefined,
    listLatestAttestations: async ref => {
      reads.push(`one ${ref}`);
      return ref === drill.entityRef ? [drill] : [];
    },
    listLatestAttestationsOf: async refs => {
      reads.push(`batch ${refs.length}`);
      return new Map([[drill.entityRef, [drill]]]);
    },
  };
}

/** The namespace without its collection time. */
function withoutTime(facts: Record<string, unknown>) {
  return JSON.parse(
    JSON.stringify(facts, (key, value) =>
      key === 'collectedAt' ? undefined : value,
    ),
  );
}

describe('AttestationFactProvider', () => {
  it('reads a batch in one go, with the same facts as one by one', async () => {
    const store = fakeStore();
    const provider = AttestationFactProvider.create({ store });
    const [a, b] = [component('a'), component('b')];
    const one = [await provider.collect(a), await provider.collect(b)];
    expect(one[0].attestations.data).toEqual({ 'resilience.dr-drill': drill });

    store.reads.length = 0;
    const batch = await provider.forEntities([a, b]);
    const many = [
      await batch.collect(a, {} as never),
      await batch.collect(b, {} as never),
    ];
    expect(many.map(withoutTime)).toEqual(one.map(withoutTime));
    expect(store.reads).toEqual(['batch 2']);

    // Outside the batch: read by itself.
    await batch.collect(component('c'), {} as never);
    expect(store.reads).toEqual(['batch 2', 'one component:default/c']);
  });

  it('is unavailable with the reason when the store fails', async () => {
    const store = fakeStore();
    store.listLatestAttestations = async () => {
      throw new Error('connection reset');
    };
    const facts = await AttestationFactProvider.create({ store }).collect(
      component('a'),
    );
    expect(facts.attestations).toEqual(
      expect.objectContaining({
        status: 'unavailable',
        reason: 'could not read attestations: connection reset',
      }),
    );
  });
});
