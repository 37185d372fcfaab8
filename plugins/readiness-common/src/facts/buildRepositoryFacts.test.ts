import { buildRepositoryFacts } from './buildRepositoryFacts';

function reader(files: Record<string, string>) {
  const reads: string[] = [];
  return {
    reads,
    readFile: async (path: string) => {
      reads.push(path);
      return files[path];
    },
  };
}

describe('buildRepositoryFacts', () => {
  it('groups files by kind and parses manifests of a realistic service', async () => {
    const contents: Record<string, string> = {
      'package.json': JSON.stringify({
        dependencies: { '@opentelemetry/sdk-node': '1', pino: '9' },
        devDependencies: { jest: '29' },
      }),
      '.github/workflows/ci.yml': [
        'name: ci',
        'on: [push]',
        'jobs:',
        '  test:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - run: npm test',
      ].join('\n'),
      '.github/workflows/release.yml': [
        'jobs:',
        '  ship:',
        '    steps:',
        '      - run: helm upgrade --install payments ./charts/payments',
        '      - name: Roll back on failure',
        '        if: failure()',
        '        run: helm rollback payments',
      ].join('\n'),
    };
    const { readFile, reads } = reader(contents);
    const facts = await buildRepositoryFacts({
      location: 'https://github.com/example/payments/tree/main/',
      files: [
        './package.json',
        '.github/workflows/ci.yml',
        '.github/workflows/release.yml',
        'docs/runbook.md',
        'charts/payments/Chart.yaml',
        'Dockerfile',
      ],
      truncated: false,
      readFile,
    });

    expect(facts).toEqual({
      location: 'https://github.com/example/payments/tree/main/',
      files: [
        '.github/workflows/ci.yml',
        '.github/workflows/release.yml',
        'Dockerfile',
        'charts/payments/Chart.yaml',
        'docs/runbook.md',
        'package.json',
      ],
      truncated: false,
      dependencies: [
        {
          ecosystem: 'npm',
          name: '@opentelemetry/sdk-node',
          manifest: 'package.json',
        },
        { ecosystem: 'npm', name: 'jest', manifest: 'package.json' },
        { ecosystem: 'npm', name: 'pino', manifest: 'package.json' },
      ],
      filesByKind: {
        ci: ['.github/workflows/ci.yml', '.github/workflows/release.yml'],
        deploy: ['.github/workflows/release.yml', 'charts/payments/Chart.yaml'],
        rollback: ['.github/workflows/release.yml'],
        runbook: ['docs/runbook.md'],
        manifest: ['package.json'],
        container: ['Dockerfile'],
      },
    });
    // Only manifests and CI files are read, never docs or charts.
    expect(reads.sort()).toEqual([
      '.github/workflows/ci.yml',
      '.github/workflows/release.yml',
      'package.json',
    ]);
  });

  it('finds deploy stages in a Jenkinsfile and a GitLab pipeline', async () => {
    const { readFile } = reader({
      Jenkinsfile:
        "pipeline { stages { stage('Build') {} stage('Deploy to prod') { steps { sh './deploy.sh' } } } }",
      '.gitlab-ci.yml': 'stages:\n  - test\n  - deploy\n',
    });
    const facts = await buildRepositoryFacts({
      location: '/repos/x',
      files: ['Jenkinsfile', '.gitlab-ci.yml'],
      truncated: false,
      readFile,
    });
    expect(facts.filesByKind?.deploy).toEqual([
      '.gitlab-ci.yml',
      'Jenkinsfile',
    ]);
    expect(facts.filesByKind?.rollback).toBeUndefined();
  });

  it('merges dependencies of several ecosystems in a monorepo', async () => {
    const { readFile } = reader({
      'api/go.mod': 'module x\nrequire go.opentelemetry.io/otel v1.0.0\n',
      'worker/requirements.txt': 'opentelemetry-distro\n',
      'billing/pom.xml':
        '<project><dependencies><dependency><groupId>io.sentry</groupId><artifactId>sentry</artifactId></dependency></dependencies></project>',
    });
    const facts = await buildRepositoryFacts({
      location: 'repo',
      files: ['api/go.mod', 'worker/requirements.txt', 'billing/pom.xml'],
      truncated: true,
      readFile,
    });
    expect(facts.truncated).toBe(true);
    expect(
      facts.dependencies.map(d => `${d.ecosystem} ${d.name} ${d.manifest}`),
    ).toEqual([
      'go go.opentelemetry.io/otel api/go.mod',
      'maven io.sentry:sentry billing/pom.xml',
      'pypi opentelemetry-distro worker/requirements.txt',
    ]);
  });

  it('skips unreadable, throwing and malformed files without failing', async () => {
    const facts = await buildRepositoryFacts({
      location: 'repo',
      files: ['package.json', 'a/package.json', 'b/package.json', 'go.mod'],
      truncated: false,
      readFile: async path => {
        if (path === 'package.json') {
          throw new Error('EACCES');
        }
        if (path === 'a/package.json') {
          return '{ not json';
        }
        if (path === 'b/package.json') {
          return JSON.stringify({ dependencies: { ok: '1' } });
        }
        return undefined;
      },
    });
    expect(facts.dependencies).toEqual([
      { ecosystem: 'npm', name: 'ok', manifest: 'b/package.json' },
    ]);
    expect(facts.filesByKind?.manifest).toHaveLength(4);
  });

  it('returns empty facts for an empty repository', async () => {
    await expect(
      buildRepositoryFacts({
        location: 'repo',
        files: [],
        truncated: false,
        readFile: async () => undefined,
      }),
    ).resolves.toEqual({
      location: 'repo',
      files: [],
      truncated: false,
      dependencies: [],
      filesByKind: {},
    });
  });
});

describe('buildRepositoryFacts of a subdirectory', () => {
  it('judges the root CI files only, reading deploy steps of those that count', async () => {
    const root: Record<string, string> = {
      '.github/workflows/cart.yml':
        'on:\n  push:\n    paths: [services/cart/**]\njobs: { d: { steps: [{ run: kubectl apply -f k8s/ }] } }',
      '.github/workflows/search.yml':
        'on:\n  push:\n    paths: [services/search/**]',
      'services/payments/Jenkinsfile': 'pipeline {}',
      'README.md': '# shop',
    };
    const facts = await buildRepositoryFacts({
      location: 'https://github.com/acme/shop/tree/main/services/cart/',
      files: [],
      truncated: false,
      readFile: async () => undefined,
      root: {
        location: 'https://github.com/acme/shop/tree/main/',
        subdirectory: '/services/cart/',
        files: Object.keys(root),
        siblings: ['cart', 'search'],
        readFile: async path => root[path],
      },
    });
    expect(facts.root).toEqual({
      location: 'https://github.com/acme/shop/tree/main/',
      subdirectory: 'services/cart',
      files: [
        {
          path: '.github/workflows/cart.yml',
          kinds: ['ci', 'deploy'],
          reason: "its paths filter 'services/cart/**' includes services/cart/",
        },
      ],
      ignored: [
        {
          path: '.github/workflows/search.yml',
          reason:
            "its paths filter ('services/search/**') does not include services/cart/",
        },
      ],
    });
  });

  it('keeps why the root could not be read', async () => {
    const facts = await buildRepositoryFacts({
      location: 'sub',
      files: [],
      truncated: false,
      readFile: async () => undefined,
      root: {
        location: 'root',
        subdirectory: 'sub',
        files: [],
        siblings: [],
        readFile: async () => undefined,
        unavailable: 'reading root failed: 404',
      },
    });
    expect(facts.root).toEqual({
      location: 'root',
      subdirectory: 'sub',
      files: [],
      ignored: [],
      unavailable: 'reading root failed: 404',
    });
  });
});
