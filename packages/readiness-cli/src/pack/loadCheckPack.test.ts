import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { defaultChecks } from '@prodready/plugin-readiness-common';
import { loadCheckPack } from './loadCheckPack';

describe('loadCheckPack', () => {
  let root: string;

  beforeAll(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'readiness-pack-'));
    await fs.writeFile(
      path.join(root, 'app-config.yaml'),
      `app:
  title: ignored
readiness:
  checks:
    - id: security.sbom
      title: SBOM published
      level: silver
      rule: { annotation: example.com/sbom }
      remediation: { markdown: Publish an SBOM and annotate example.com/sbom. }
`,
    );
    await fs.writeFile(
      path.join(root, 'app-config.local.yaml'),
      `readiness:
  checks:
    - id: runbook.postmortems
      enabled: false
`,
    );
    await fs.writeFile(path.join(root, 'two-docs.yaml'), 'a: 1\n---\nb: 2\n');
    await fs.writeFile(path.join(root, 'list.yaml'), '- a\n');
  });

  afterAll(async () => {
    await fs.rm(root, { recursive: true, force: true });
  });

  it('is the default pack without config', async () => {
    const pack = await loadCheckPack([], root);

    expect(pack.checks.map(c => c.id)).toEqual(defaultChecks.map(c => c.id));
  });

  it('adds a check from an app-config file', async () => {
    const pack = await loadCheckPack(['app-config.yaml'], root);
    const ids = pack.checks.map(c => c.id);

    expect(ids).toContain('security.sbom');
    expect(ids).toHaveLength(defaultChecks.length + 1);
  });

  it('lets a later file replace the readiness.checks list, as Backstage config does', async () => {
    const pack = await loadCheckPack(
      ['app-config.yaml', 'app-config.local.yaml'],
      root,
    );
    const ids = pack.checks.map(c => c.id);

    expect(ids).not.toContain('security.sbom');
    expect(ids).not.toContain('runbook.postmortems');
    expect(ids).toHaveLength(defaultChecks.length - 1);
  });

  it('rejects a file of several documents or not a mapping', async () => {
    await expect(loadCheckPack(['two-docs.yaml'], root)).rejects.toThrow(
      'two-docs.yaml:3: an app-config file holds one YAML document',
    );
    await expect(loadCheckPack(['list.yaml'], root)).rejects.toThrow(
      'list.yaml: an app-config file must be a YAML mapping',
    );
  });
});
