import type { CheckPack } from '../pack/CheckPack';
import { createCheckPack } from '../pack/CheckPack';
import { compileCheckPack } from './compileCheckPack';
import { evaluateEntity } from './evaluateEntity';
import {
  createTestFacts,
  testComponent,
} from './__testUtils__/createTestFacts';

const NOW = new Date('2026-03-01T12:00:00Z');

describe('compileCheckPack', () => {
  it('keeps the pack it was compiled from', () => {
    const pack = createCheckPack();
    expect(compileCheckPack(pack).pack).toBe(pack);
  });

  it('never throws, even on something that is not a pack', () => {
    for (const value of [undefined, null, 0, 'pack', {}, { checks: 3 }]) {
      const compiled = compileCheckPack(value as unknown as CheckPack);
      const card = evaluateEntity(
        compiled,
        createTestFacts({ entity: testComponent() }),
        { now: NOW },
      );
      expect(card.results).toEqual([]);
      expect(card.level).toBeUndefined();
    }
  });

  it('gives the same scorecards from separately compiled copies', () => {
    const pack = createCheckPack();
    const facts = createTestFacts({
      entity: testComponent({ annotations: { 'argocd/app-name': 'x' } }),
      owner: {},
      repository: { files: ['Jenkinsfile', 'docs/runbook.md'] },
    });
    const first = compileCheckPack(pack);
    const second = compileCheckPack(pack);
    const cards = [first, second, first].map(compiled =>
      evaluateEntity(compiled, facts, { now: NOW }),
    );
    expect(cards[1]).toEqual(cards[0]);
    expect(cards[2]).toEqual(cards[0]);
  });

  it('is what evaluateEntity needs: a pack passed uncompiled is compiled for the call', () => {
    const pack = createCheckPack();
    const facts = createTestFacts({ entity: testComponent(), owner: {} });
    expect(evaluateEntity(pack as never, facts, { now: NOW })).toEqual(
      evaluateEntity(compileCheckPack(pack), facts, { now: NOW }),
    );
  });
});
