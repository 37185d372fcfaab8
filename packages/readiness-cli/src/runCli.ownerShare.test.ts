import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runCliForTest } from './__testUtils__/runCliForTest';

function component(name: string, owner: string): string {
  return [
    'apiVersion: backstage.io/v1alpha1',
    'kind: Component',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    '  type: service',
    '  lifecycle: production',
    `  owner: ${owner}`,
  ].join('\n');
}

const GROUPS = [
  'apiVersion: backstage.io/v1alpha1',
  'kind: Group',
  'metadata:',
  '  name: legacy',
  'spec:',
  '  type: team',
  '  children: []',
  '---',
  'apiVersion: backstage.io/v1alpha1',
  'kind: Group',
  'metadata:',
  '  name: payments',
  'spec:',
  '  type: team',
  '  profile:',
  '    email: payments@example.com',
  '  children: []',
].join('\n');

describe('readiness score and owners that own most of the files', () => {
  let root: string;

  beforeAll(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'readiness-owner-share-'));
    const documents = [
      ...Array.from({ length: 22 }, (_, i) => component(`old-${i}`, 'legacy')),
      ...Array.from({ length: 8 }, (_, i) => component(`pay-${i}`, 'payments')),
    ];
    await fs.writeFile(
      path.join(root, 'catalog-info.yaml'),
      documents.join('\n---\n'),
    );
    await fs.writeFile(path.join(root, 'groups.yaml'), GROUPS);
    await fs.writeFile(
      path.join(root, 'app-config.yaml'),
      'readiness:\n  ownership:\n    minOwnedEntities: 5\n    maxOwnerShare: 0.5\n',
    );
  });

  afterAll(async () => {
    await fs.rm(root, { recursive: true, force: true });
  });

  async function ownerResults(extra: string[]) {
    const { stdout, code } = await runCliForTest(
      [
        'score',
        '--no-repo',
        '--format',
        'json',
        '--context',
        'groups.yaml',
        ...extra,
        'catalog-info.yaml',
      ],
      { cwd: root },
    );
    expect(code).toEqual(expect.any(Number));
    const report = JSON.parse(stdout);
    return new Map<string, { state: string; reason: string }>(
      report.entities.map(
        (e: {
          entityRef: string;
          results: Array<{ checkId: string; state: string; reason: string }>;
        }) => [
          e.entityRef,
          e.results.find(r => r.checkId === 'ownership.owner-resolves'),
        ],
      ),
    );
  }

  it('makes the ownership check unknown for a catch-all owner without contact, over the files scored', async () => {
    const results = await ownerResults([]);
    const legacy = results.get('component:default/old-0')!;
    expect(legacy.state).toBe('unknown');
    expect(legacy.reason).toContain(
      'group:default/legacy owns 22 of 30 catalog entities (73 %) and lists no contact',
    );
    expect(results.get('component:default/pay-0')!.state).toBe('pass');
  });

  it('reads the thresholds from readiness.ownership', async () => {
    const results = await ownerResults(['--config', 'app-config.yaml']);
    // 22 of 30 is above half too.
    expect(results.get('component:default/old-0')!.state).toBe('unknown');
    await fs.writeFile(
      path.join(root, 'strict.yaml'),
      'readiness:\n  ownership:\n    maxOwnerShare: 0.9\n',
    );
    const relaxed = await ownerResults(['--config', 'strict.yaml']);
    expect(relaxed.get('component:default/old-0')!.state).toBe('pass');
  });
});
