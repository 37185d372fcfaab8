import {
  createTestFacts,
  testComponent,
} from '../../engine/__testUtils__/createTestFacts';
import { compileCheckPack } from '../../engine/compileCheckPack';
import { evaluateEntity } from '../../engine/evaluateEntity';
import { buildRepositoryFacts } from '../../facts/buildRepositoryFacts';
import { createCheckPack } from '../../pack/CheckPack';

const compiledPack = compileCheckPack(createCheckPack());

/** Facts of `services/cart` in a monorepo whose root holds these CI files. */
async function cartFacts(rootFiles: Record<string, string>) {
  return buildRepositoryFacts({
    location: 'https://github.com/acme/shop/tree/main/services/cart/',
    files: ['package.json', 'src/index.ts'],
    truncated: false,
    readFile: async () => '{}',
    root: {
      location: 'https://github.com/acme/shop/tree/main/',
      subdirectory: 'services/cart',
      files: Object.keys(rootFiles),
      siblings: ['cart', 'payments'],
      readFile: async path => rootFiles[path],
    },
  });
}

async function results(rootFiles: Record<string, string>) {
  const repository = await cartFacts(rootFiles);
  const evaluation = evaluateEntity(
    compiledPack,
    createTestFacts({
      entity: testComponent(),
      owner: { resolved: true, kind: 'group', contacts: [], members: [] },
      repository,
      metrics: { signals: {} },
    }),
    { now: new Date('2026-01-01T00:00:00Z') },
  );
  return Object.fromEntries(evaluation.results.map(r => [r.checkId, r]));
}

describe('fileOperator with repository root CI files', () => {
  it('passes CI, deploy and rollback on a root workflow whose paths filter includes the subdirectory, naming it', async () => {
    const byId = await results({
      '.github/workflows/cart.yml': [
        'on:',
        '  push:',
        '    paths: ["services/cart/**"]',
        'jobs:',
        '  ship:',
        '    steps:',
        '      - run: npm test',
        '      - run: helm upgrade --install cart ./services/cart/chart',
        '      - if: failure()',
        '        run: helm rollback cart',
      ].join('\n'),
    });
    for (const id of ['delivery.ci', 'delivery.deploy', 'delivery.rollback']) {
      expect(byId[id].state).toBe('pass');
    }
    expect(byId['delivery.ci'].evidence).toContainEqual({
      kind: 'file',
      label: '.github/workflows/cart.yml',
      strength: 'observed',
      value:
        "ci file at the repository root: its paths filter 'services/cart/**' includes services/cart/",
      url: 'https://github.com/acme/shop/tree/main/.github/workflows/cart.yml',
    });
  });

  it('fails CI when the only root workflow is another service’s, and says which file was not counted', async () => {
    const byId = await results({
      '.github/workflows/payments.yml': [
        'on:',
        '  push:',
        '    paths:',
        '      - services/payments/**',
        'jobs: { test: { steps: [{ run: make test }] } }',
      ].join('\n'),
    });
    expect(byId['delivery.ci'].state).toBe('fail');
    expect(byId['delivery.ci'].reason).toContain(
      "root CI file .github/workflows/payments.yml not counted: its paths filter ('services/payments/**') does not include services/cart/",
    );
  });

  it('counts a repository-wide Jenkinsfile and a .gitlab-ci.yml naming the service', async () => {
    const byId = await results({
      Jenkinsfile:
        "pipeline { stages { stage('test') { steps { sh 'make test' } } } }",
      '.gitlab-ci.yml': 'cart:\n  script: cd services/cart && make',
    });
    expect(byId['delivery.ci'].state).toBe('pass');
    expect(byId['delivery.ci'].evidence?.map(e => [e.label, e.value])).toEqual(
      expect.arrayContaining([
        [
          '.gitlab-ci.yml',
          'ci file at the repository root: it names services/cart',
        ],
        [
          'Jenkinsfile',
          'ci file at the repository root: it runs for the whole repository (no paths filter, no single service named)',
        ],
      ]),
    );
  });
});

describe('fileOperator when the repository root could not be read', () => {
  it('leaves CI unknown with the reason, and a runbook check decided', async () => {
    const repository = await buildRepositoryFacts({
      location: 'https://github.com/acme/shop/tree/main/services/cart/',
      files: [],
      truncated: false,
      readFile: async () => undefined,
      root: {
        location: 'https://github.com/acme/shop/tree/main/',
        subdirectory: 'services/cart',
        files: [],
        siblings: [],
        readFile: async () => undefined,
        unavailable:
          'reading https://github.com/acme/shop/tree/main/ failed: 404',
      },
    });
    const evaluation = evaluateEntity(
      compiledPack,
      createTestFacts({
        entity: testComponent(),
        owner: { resolved: true, kind: 'group', contacts: [], members: [] },
        repository,
        metrics: { signals: {} },
      }),
      { now: new Date('2026-01-01T00:00:00Z') },
    );
    const byId = Object.fromEntries(
      evaluation.results.map(r => [r.checkId, r]),
    );
    expect(byId['delivery.ci']).toMatchObject({
      state: 'unknown',
      reason:
        "The repository root's CI files are not known: reading https://github.com/acme/shop/tree/main/ failed: 404",
    });
    expect(byId['runbook.runbook'].state).toBe('fail');
  });
});
