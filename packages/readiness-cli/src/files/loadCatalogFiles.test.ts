import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadCatalogFiles } from './loadCatalogFiles';

const component = (name: string, extra = '') =>
  `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
spec:
  type: service
  lifecycle: production
  owner: team-a
${extra}`;

describe('loadCatalogFiles', () => {
  let root: string;

  beforeAll(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'readiness-load-'));
    const files: Record<string, string> = {
      'all.yaml': `apiVersion: backstage.io/v1alpha1
kind: Location
metadata:
  name: all
spec:
  targets:
    - ./services/*.yaml
    - https://github.com/o/r/blob/main/catalog-info.yaml
`,
      'services/a.yaml': `# a comment first\n\n${component(
        'a',
      )}---\n${component('b')}`,
      'services/api.yaml': `apiVersion: backstage.io/v1alpha1
kind: API
metadata:
  name: orders
spec:
  type: openapi
  lifecycle: production
  owner: team-a
  definition:
    $text: ./openapi.txt
---
apiVersion: backstage.io/v1alpha1
kind: API
metadata:
  name: remote
spec:
  type: openapi
  lifecycle: production
  owner: team-a
  definition:
    $text: https://example.com/openapi.yaml
`,
      'services/openapi.txt': 'openapi: 3.0.0\n',
    };
    for (const [file, content] of Object.entries(files)) {
      await fs.mkdir(path.dirname(path.join(root, file)), { recursive: true });
      await fs.writeFile(path.join(root, file), content);
    }
  });

  afterAll(async () => {
    await fs.rm(root, { recursive: true, force: true });
  });

  it('follows local Location targets and keeps the file and line of each entity', async () => {
    const { entities: loaded, problems } = await loadCatalogFiles(
      ['all.yaml'],
      { cwd: root },
    );

    expect(
      loaded.map(e => [e.entityRef, `${e.file}:${e.line}:${e.column}`]),
    ).toEqual([
      ['location:default/all', 'all.yaml:1:1'],
      ['component:default/a', 'services/a.yaml:3:1'],
      ['component:default/b', 'services/a.yaml:12:1'],
      ['api:default/orders', 'services/api.yaml:1:1'],
      ['api:default/remote', 'services/api.yaml:12:1'],
    ]);
    expect(loaded[1].entity.metadata.namespace).toBe('default');
    expect(problems).toEqual([
      {
        severity: 'warning',
        file: 'all.yaml',
        line: 6,
        column: 3,
        message:
          'location:default/all: the Location target https://github.com/o/r/blob/main/catalog-info.yaml is not fetched offline; pass that file as an argument to score it',
      },
    ]);
  });

  it('resolves $text placeholders from disk and leaves URLs unread', async () => {
    const { entities: loaded } = await loadCatalogFiles(['services/api.yaml'], {
      cwd: root,
    });

    expect(loaded[0].entity.spec?.definition).toBe('openapi: 3.0.0\n');
    expect(loaded[1].entity.spec?.definition).toBe(
      '(https://example.com/openapi.yaml: not read offline)',
    );
  });

  it('does not follow locations when asked not to', async () => {
    const { entities: loaded } = await loadCatalogFiles(['all.yaml'], {
      cwd: root,
      followLocations: false,
    });

    expect(loaded.map(e => e.entityRef)).toEqual(['location:default/all']);
  });
});
