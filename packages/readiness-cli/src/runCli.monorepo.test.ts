import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runCliForTest } from './__testUtils__/runCliForTest';

/** A monorepo whose CI is at its root, one workflow per service. */
const FILES: Record<string, string> = {
  '.github/workflows/cart.yml': [
    'on:',
    '  push:',
    '    paths:',
    "      - 'services/cart/**'",
    'jobs:',
    '  test:',
    '    steps:',
    '      - run: npm test',
    '        working-directory: services/cart',
  ].join('\n'),
  '.github/workflows/payments.yml': [
    'on:',
    '  pull_request:',
    '    paths: [services/payments/**]',
    'jobs: {}',
  ].join('\n'),
  'services/cart/package.json': '{ "name": "cart" }',
  'services/payments/package.json': '{ "name": "payments" }',
  'services/search/package.json': '{ "name": "search" }',
};

function catalogInfo(name: string): string {
  return [
    'apiVersion: backstage.io/v1alpha1',
    'kind: Component',
    'metadata:',
    `  name: ${name}`,
    '  annotations:',
    `    backstage.io/source-location: url:https://github.com/acme/shop/tree/main/services/${name}/`,
    'spec:',
    '  type: service',
    '  lifecycle: production',
    '  owner: group:default/shop',
    '',
  ].join('\n');
}

describe('readiness in a monorepo', () => {
  let root: string;

  beforeAll(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'readiness-monorepo-'));
    const files: Record<string, string> = {
      ...FILES,
      'services/cart/catalog-info.yaml': catalogInfo('cart'),
      'services/search/catalog-info.yaml': catalogInfo('search'),
    };
    for (const [file, content] of Object.entries(files)) {
      await fs.mkdir(path.dirname(path.join(root, file)), { recursive: true });
      await fs.writeFile(path.join(root, file), content);
    }
    await fs.mkdir(path.join(root, '.git'));
  });

  afterAll(async () => {
    await fs.rm(root, { recursive: true, force: true });
  });

  async function ciResult(service: string) {
    const { stdout, stderr, code } = await runCliForTest(
      ['score', '--format', 'json', `services/${service}/catalog-info.yaml`],
      { cwd: root },
    );
    expect({ code, stderr }).toEqual({ code: expect.any(Number), stderr: '' });
    const report = JSON.parse(stdout);
    return report.entities[0].results.find(
      (r: { checkId: string }) => r.checkId === 'delivery.ci',
    );
  }

  it('counts the root workflow whose paths filter includes the service, saying which and why', async () => {
    const result = await ciResult('cart');
    expect(result.state).toBe('pass');
    expect(result.evidence).toContainEqual(
      expect.objectContaining({
        label: '.github/workflows/cart.yml',
        strength: 'observed',
        value:
          "ci file at the repository root: its paths filter 'services/cart/**' includes services/cart/",
      }),
    );
  });

  it('does not count other services’ workflows for a service without one', async () => {
    const result = await ciResult('search');
    expect(result.state).toBe('fail');
    expect(result.reason).toContain(
      "root CI file .github/workflows/cart.yml not counted: its paths filter ('services/cart/**') does not include services/search/",
    );
  });
});
