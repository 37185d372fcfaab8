import {
  classifyRepositoryFile,
  isIgnoredRepositoryDirectory,
  isInterestingRepositoryFile,
  normalizeRepositoryPath,
} from './classifyRepositoryFile';

describe('classifyRepositoryFile', () => {
  it.each([
    ['.github/workflows/ci.yml', ['ci']],
    ['.github/workflows/build.yaml', ['ci']],
    ['Jenkinsfile', ['ci']],
    ['ci/Jenkinsfile.release', ['ci']],
    ['.gitlab-ci.yml', ['ci']],
    ['.circleci/config.yml', ['ci']],
    ['.buildkite/pipeline.yml', ['ci']],
    ['azure-pipelines.yml', ['ci']],
    ['.travis.yml', ['ci']],
    ['bitbucket-pipelines.yml', ['ci']],
  ])('recognises the CI file %s', (path, kinds) => {
    expect(classifyRepositoryFile(path)).toEqual(kinds);
  });

  it.each([
    ['charts/payments/Chart.yaml'],
    ['helm/values-prod.yaml'],
    ['charts/payments/templates/deployment.yaml'],
    ['k8s/deployment.yaml'],
    ['deploy/overlays/prod/kustomization.yaml'],
    ['kubernetes/service.yml'],
    ['argocd/application.yaml'],
    ['payments.argocd.yaml'],
    ['skaffold.yaml'],
    ['serverless.yml'],
  ])('recognises the deployment file %s', path => {
    expect(classifyRepositoryFile(path)).toContain('deploy');
  });

  it('treats a deploy workflow as both CI and deployment', () => {
    expect(classifyRepositoryFile('.github/workflows/deploy.yml')).toEqual([
      'ci',
      'deploy',
    ]);
    expect(classifyRepositoryFile('.github/workflows/ci-cd.yml')).toEqual([
      'ci',
      'deploy',
    ]);
    expect(classifyRepositoryFile('.github/workflows/release.yaml')).toEqual([
      'ci',
      'deploy',
    ]);
    expect(classifyRepositoryFile('.github/workflows/codeql.yml')).toEqual([
      'ci',
    ]);
  });

  it.each([
    ['RUNBOOK.md', 'runbook'],
    ['docs/runbook.md', 'runbook'],
    ['docs/Runbook-payments.md', 'runbook'],
    ['docs/runbooks/high-latency.md', 'runbook'],
    ['runbooks/db-failover.md', 'runbook'],
    ['ROLLBACK.md', 'rollback'],
    ['docs/rollback.md', 'rollback'],
    ['docs/operations/how-to-revert.md', 'rollback'],
    ['.github/workflows/rollback.yml', 'rollback'],
    ['docs/postmortems/2024-03-01-outage.md', 'postmortem'],
    ['postmortems/README.md', 'postmortem'],
    ['incidents/2023-11-02.md', 'postmortem'],
    ['package.json', 'manifest'],
    ['services/api/go.mod', 'manifest'],
    ['requirements-dev.txt', 'manifest'],
    ['pyproject.toml', 'manifest'],
    ['pom.xml', 'manifest'],
    ['app/build.gradle.kts', 'manifest'],
    ['gradle/libs.versions.toml', 'manifest'],
    ['monitoring/alerts.rules.yml', 'observability'],
    ['slos/availability.yaml', 'observability'],
    ['otel-collector.yaml', 'observability'],
    ['Dockerfile', 'container'],
    ['catalog-info.yaml', 'catalog'],
  ])('classifies %s as %s', (path, kind) => {
    expect(classifyRepositoryFile(path)).toContain(kind);
  });

  it.each([
    ['src/index.ts'],
    ['README.md'],
    ['docs/architecture.md'],
    ['node_modules/left-pad/package.json'],
    ['web/node_modules/react/package.json'],
    ['vendor/github.com/x/y/go.mod'],
    ['.venv/lib/python3.12/site-packages/x/pyproject.toml'],
    ['target/classes/pom.xml'],
    [''],
  ])('ignores %s', path => {
    expect(classifyRepositoryFile(path)).toEqual([]);
    expect(isInterestingRepositoryFile(path)).toBe(false);
  });

  it('normalises separators and leading ./ before matching', () => {
    expect(normalizeRepositoryPath('.\\docs\\runbook.md')).toBe(
      'docs/runbook.md',
    );
    expect(normalizeRepositoryPath('/./package.json')).toBe('package.json');
    expect(isInterestingRepositoryFile('./.github//workflows/ci.yml')).toBe(
      true,
    );
  });

  it('tells which directories a walker can skip', () => {
    expect(isIgnoredRepositoryDirectory('node_modules')).toBe(true);
    expect(isIgnoredRepositoryDirectory('web/node_modules/')).toBe(true);
    expect(isIgnoredRepositoryDirectory('.git')).toBe(true);
    expect(isIgnoredRepositoryDirectory('docs')).toBe(false);
    expect(isIgnoredRepositoryDirectory('.github/workflows')).toBe(false);
  });
});
