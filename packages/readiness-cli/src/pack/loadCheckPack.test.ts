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
    await fs.writeFile(
      path.join(root, 'substituted.yaml'),
      `readiness:
  checks:
    - id: security.sbom
      title: \${READINESS_TEST_SBOM_TITLE}
      level: silver
      rule: { annotation: example.com/sbom }
      remediation: { markdown: Publish an SBOM. }
    - $include: included-check.yaml
`,
    );
    await fs.writeFile(
      path.join(root, 'included-check.yaml'),
      `id: security.secrets
title: Secrets scanned
level: bronze
rule: { annotation: example.com/secret-scanning }
remediation: { markdown: Turn on secret scanning. }
`,
    );
    await fs.writeFile(
      path.join(root, 'missing-include.yaml'),
      `readiness:
  checks:
    - $include: nowhere.yaml
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

  it('substitutes environment variables and follows $include, as the backend does', async () => {
    process.env.READINESS_TEST_SBOM_TITLE = 'SBOM published (from env)';
    try {
      const pack = await loadCheckPack(['substituted.yaml'], root);
      const byId = new Map(pack.checks.map(c => [c.id, c]));

      expect(byId.get('security.sbom')?.title).toBe(
        'SBOM published (from env)',
      );
      expect(byId.get('security.secrets')?.title).toBe('Secrets scanned');
    } finally {
      delete process.env.READINESS_TEST_SBOM_TITLE;
    }
  });

  it('names the file when an $include cannot be read', async () => {
    await expect(loadCheckPack(['missing-include.yaml'], root)).rejects.toThrow(
      /^missing-include\.yaml: .*nowhere\.yaml/,
    );
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
