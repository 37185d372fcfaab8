import fs from 'fs';
import os from 'os';
import path from 'path';
import { loadRealismCorpus } from './loadRealismCorpus';

const IDS = ['ownership.owner-resolves', 'delivery.ci', 'logging.logs'];

function corpusDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'realism-'));
  for (const [name, text] of Object.entries(files)) {
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const FAMILY = `family: sample
defaults:
  logging.logs: unknown — judged offline
  otherwise: fail — nothing declared
`;

const ENTITY = `# source: acme/catalog catalog-info.yaml (a sample)
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: sample-service }
spec: { type: service, lifecycle: production, owner: team-a }
`;

describe('loadRealismCorpus', () => {
  it('resolves verdicts: own, then family defaults, then otherwise', () => {
    const dir = corpusDir({
      'a.yaml': `${FAMILY}---\n${ENTITY}---
verdicts:
  delivery.ci: pass — a Jenkins job is named
  logging.logs: pass — its own verdict wins over the default
  otherwise: unknown — its own otherwise
traps:
  delivery.ci: a trap
`,
    });
    const corpus = loadRealismCorpus(IDS, dir);
    expect(corpus.judged).toHaveLength(1);
    const [item] = corpus.judged;
    expect(item.ref).toBe('component:default/sample-service');
    expect(item.source).toMatch(/^source: acme\/catalog catalog-info.yaml/);
    expect(item.verdicts).toEqual({
      'delivery.ci': { state: 'pass', reason: 'a Jenkins job is named' },
      'logging.logs': {
        state: 'pass',
        reason: 'its own verdict wins over the default',
      },
      'ownership.owner-resolves': {
        state: 'unknown',
        reason: 'its own otherwise',
      },
    });
    expect(item.traps).toEqual({ 'delivery.ci': 'a trap' });
  });

  it('does not judge Groups and Users but keeps them in the catalog', () => {
    const dir = corpusDir({
      'g.yaml': `apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: team-a }
spec: { type: team, children: [] }
`,
    });
    const corpus = loadRealismCorpus(IDS, dir);
    expect(corpus.judged).toEqual([]);
    expect([...corpus.catalog.keys()]).toEqual(['group:default/team-a']);
  });

  it.each([
    [
      'a check without a verdict',
      `---\n${ENTITY}---\nverdicts:\n  delivery.ci: pass — named\n`,
      /has no verdict for ownership.owner-resolves/,
    ],
    [
      'an unknown check id',
      `${FAMILY}---\n${ENTITY}---\nverdicts:\n  delivery.cd: pass — typo\n`,
      /unknown check id delivery.cd/,
    ],
    [
      'a malformed verdict',
      `${FAMILY}---\n${ENTITY}---\nverdicts:\n  delivery.ci: passes\n`,
      /expected "state — reason"/,
    ],
    [
      'an entity without a source comment',
      `${FAMILY}---\n${ENTITY.replace(/^# source.*\n/, '')}---\nverdicts: {}\n`,
      /has no "source:" comment/,
    ],
    [
      'an entity without verdicts',
      `${FAMILY}---\n${ENTITY}`,
      /has no verdicts document/,
    ],
  ])('refuses %s', (_what, text, error) => {
    const dir = corpusDir({ 'bad.yaml': text });
    expect(() => loadRealismCorpus(IDS, dir)).toThrow(error);
  });
});
