import type { RepositoryFileKind } from '../types';

/**
 * A kind of repository file and the paths that have it.
 *
 * @public
 */
export interface RepositoryFilePattern {
  /** What a matching file tells about the service. */
  kind: RepositoryFileKind;
  /** What the pattern finds, for docs and the CLI's `--explain`. */
  description: string;
  /**
   * Tested against the path relative to the repository root, `/`-separated,
   * without a leading `/` or `./`. Case-insensitive.
   */
  pattern: RegExp;
}

const DOC = '(md|markdown|mdx|rst|adoc|asciidoc|txt|html?)';
const YAML = 'ya?ml';

/**
 * Directories whose content is never the service's own: vendored or installed
 * dependencies, virtualenvs, build output and VCS internals.
 *
 * @public
 */
export const REPOSITORY_IGNORED_DIRECTORIES: ReadonlyArray<string> = [
  'node_modules',
  'bower_components',
  'vendor',
  'third_party',
  '.git',
  '.hg',
  '.svn',
  '.venv',
  'venv',
  '__pycache__',
  '.tox',
  '.terraform',
  '.gradle',
  '.idea',
  'dist',
  'target',
];

const IGNORED = new RegExp(
  `(^|/)(${REPOSITORY_IGNORED_DIRECTORIES.map(escapeRegExp).join('|')})/`,
  'i',
);

/**
 * The files of a source repository that the readiness checks look at, by
 * kind. The backend's repository provider and the offline CLI read only the
 * files that match one of these, so a repository of any size costs a bounded
 * number of reads.
 *
 * @public
 */
export const REPOSITORY_INTERESTING_FILES: ReadonlyArray<RepositoryFilePattern> =
  [
    // CI
    {
      kind: 'ci',
      description: 'GitHub Actions workflow (.github/workflows/*.yml)',
      pattern: new RegExp(`^\\.github/workflows/[^/]+\\.${YAML}$`, 'i'),
    },
    {
      kind: 'ci',
      description: 'Jenkins pipeline (Jenkinsfile, Jenkinsfile.*)',
      pattern: /(^|\/)jenkinsfile([.-][^/]*)?$/i,
    },
    {
      kind: 'ci',
      description: 'GitLab CI (.gitlab-ci.yml, .gitlab/ci/*.yml)',
      pattern: new RegExp(
        `^(\\.gitlab-ci\\.${YAML}|\\.gitlab/ci/.+\\.${YAML})$`,
        'i',
      ),
    },
    {
      kind: 'ci',
      description: 'CircleCI (.circleci/config.yml)',
      pattern: new RegExp(`^\\.circleci/[^/]+\\.${YAML}$`, 'i'),
    },
    {
      kind: 'ci',
      description: 'Buildkite pipeline (.buildkite/*, buildkite.yml)',
      pattern: new RegExp(
        `^(\\.buildkite/.+\\.(${YAML}|json|sh)|\\.?buildkite\\.${YAML})$`,
        'i',
      ),
    },
    {
      kind: 'ci',
      description: 'Azure Pipelines (azure-pipelines.yml, .azure-pipelines/*)',
      pattern: new RegExp(
        `^((.+/)?azure-pipelines[^/]*\\.${YAML}|\\.azure-pipelines/.+\\.${YAML}|\\.azuredevops/.+\\.${YAML})$`,
        'i',
      ),
    },
    {
      kind: 'ci',
      description:
        'Other CI (.travis.yml, bitbucket-pipelines.yml, .drone.yml, cloudbuild.yaml, .tekton/*, .woodpecker*)',
      pattern: new RegExp(
        `^(\\.travis\\.${YAML}|bitbucket-pipelines\\.${YAML}|\\.drone\\.${YAML}|cloudbuild\\.${YAML}|\\.tekton/.+\\.${YAML}|\\.woodpecker(\\.${YAML}|/.+\\.${YAML}))$`,
        'i',
      ),
    },
    // Deployment
    {
      kind: 'deploy',
      description: 'Helm chart (Chart.yaml, helm/**, charts/**)',
      pattern: new RegExp(
        `(^|/)(chart\\.${YAML}|(helm|charts?)/.+\\.(${YAML}|tpl))$`,
        'i',
      ),
    },
    {
      kind: 'deploy',
      description:
        'Kubernetes manifests (k8s/**, kubernetes/**, deploy/**, manifests/**, kustomization.yaml)',
      pattern: new RegExp(
        `(^|/)((k8s|kubernetes|kube|manifests|deploy|deployment|deployments|kustomize|overlays)/.+\\.(${YAML}|json|jsonnet|libsonnet)|kustomization\\.${YAML})$`,
        'i',
      ),
    },
    {
      kind: 'deploy',
      description: 'Argo CD application (argocd/**, *argocd*.yaml)',
      pattern: new RegExp(
        `(^|/)((argocd|argo-cd|argo)/.+\\.${YAML}|[^/]*argocd[^/]*\\.${YAML})$`,
        'i',
      ),
    },
    {
      kind: 'deploy',
      description:
        'Deployment tooling (skaffold.yaml, Spinnaker, serverless.yml, fly.toml, appspec.yml, waypoint.hcl)',
      pattern: new RegExp(
        `(^|/)(skaffold\\.${YAML}|\\.?spinnaker/.+\\.(${YAML}|json)|serverless\\.${YAML}|fly\\.toml|appspec\\.${YAML}|waypoint\\.hcl)$`,
        'i',
      ),
    },
    {
      kind: 'deploy',
      description:
        'Deploy workflow (.github/workflows/*deploy*|*release*|*cd*|*promote*.yml)',
      pattern: new RegExp(
        `^\\.github/workflows/([^/]*(deploy|release|delivery|promot)[^/]*|([^/]*[-_.])?cd([-_.][^/]*)?)\\.${YAML}$`,
        'i',
      ),
    },
    // Rollback
    {
      kind: 'rollback',
      description:
        'Rollback doc (ROLLBACK.md, docs/**/*rollback*, docs/**/*revert*)',
      pattern: new RegExp(
        `(^|/)(roll-?back[^/]*\\.${DOC}|docs/(.+/)?[^/]*(roll-?back|revert)[^/]*\\.${DOC})$`,
        'i',
      ),
    },
    {
      kind: 'rollback',
      description:
        'Rollback automation (.github/workflows/*rollback*.yml, scripts/*rollback*)',
      pattern: new RegExp(
        `^(\\.github/workflows/[^/]*(roll-?back|revert)[^/]*\\.${YAML}|(.+/)?scripts?/[^/]*roll-?back[^/]*)$`,
        'i',
      ),
    },
    // Runbooks
    {
      kind: 'runbook',
      description:
        'Runbook (RUNBOOK.md, docs/runbook*, docs/runbooks/**, runbooks/**, playbooks/**)',
      pattern: new RegExp(
        `(^|/)(run-?books?(\\.${DOC})?|docs/(.+/)?run-?books?[^/]*\\.${DOC}|(docs/)?(run-?books?|playbooks?)/.+\\.(${DOC}|${YAML}))$`,
        'i',
      ),
    },
    // Postmortems
    {
      kind: 'postmortem',
      description:
        'Postmortems or incident history (postmortems/**, incidents/**, docs/**/*postmortem*)',
      pattern: new RegExp(
        `(^|/)((post-?mortems?|incidents?|incident-reports?)(\\.${DOC}|/.+\\.${DOC})|docs/(.+/)?[^/]*post-?mortem[^/]*\\.${DOC})$`,
        'i',
      ),
    },
    // Dependency manifests
    {
      kind: 'manifest',
      description:
        'Dependency manifest (package.json, go.mod, requirements*.txt, pyproject.toml, pom.xml, build.gradle[.kts], libs.versions.toml)',
      pattern:
        /(^|\/)(package\.json|go\.mod|requirements[^/]*\.txt|pyproject\.toml|pom\.xml|build\.gradle(\.kts)?|libs\.versions\.toml)$/i,
    },
    // Observability configuration
    {
      kind: 'observability',
      description:
        'Alert rules, SLOs and collector config (*.rules.yml, alerts/**, slos/**, openslo/**, sloth/**, otel*.yaml)',
      pattern: new RegExp(
        `(^|/)([^/]*\\.rules\\.${YAML}|(alerts?|alerting|prometheus|slos?|openslo|sloth|pyrra)/.+\\.(${YAML}|json|jsonnet|libsonnet)|([^/]*[-_.])?(slos?|alerts?)\\.${YAML}|otel[^/]*\\.${YAML}|opentelemetry[^/]*\\.${YAML})$`,
        'i',
      ),
    },
    // Containers
    {
      kind: 'container',
      description: 'Container build (Dockerfile, *.dockerfile, Containerfile)',
      pattern:
        /(^|\/)(dockerfile([.-][^/]*)?|[^/]+\.dockerfile|containerfile)$/i,
    },
    // Catalog and docs config
    {
      kind: 'catalog',
      description: 'Backstage catalog file and TechDocs config',
      pattern: new RegExp(
        `(^|/)catalog-info\\.${YAML}$|^mkdocs\\.${YAML}$`,
        'i',
      ),
    },
  ];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Normalises a repository path: `/`-separated, no leading `./` or `/`.
 *
 * @public
 */
export function normalizeRepositoryPath(path: string): string {
  let result = path.replace(/\\/g, '/').replace(/\/{2,}/g, '/');
  while (result.startsWith('./') || result.startsWith('/')) {
    result = result.slice(result.startsWith('/') ? 1 : 2);
  }
  return result;
}

/**
 * The kinds of a repository file by its path (empty when it is of no
 * interest). Files inside {@link REPOSITORY_IGNORED_DIRECTORIES} have none.
 *
 * @public
 */
export function classifyRepositoryFile(path: string): RepositoryFileKind[] {
  const normalized = normalizeRepositoryPath(path);
  if (!normalized || IGNORED.test(normalized)) {
    return [];
  }
  const kinds: RepositoryFileKind[] = [];
  for (const { kind, pattern } of REPOSITORY_INTERESTING_FILES) {
    if (!kinds.includes(kind) && pattern.test(normalized)) {
      kinds.push(kind);
    }
  }
  return kinds;
}

/**
 * Whether a repository file matters to the readiness checks; use it as the
 * filter when listing or reading a repository.
 *
 * @public
 */
export function isInterestingRepositoryFile(path: string): boolean {
  return classifyRepositoryFile(path).length > 0;
}

/**
 * Whether a directory can hold interesting files; lets a directory walker
 * skip `node_modules` and the like without listing them.
 *
 * @public
 */
export function isIgnoredRepositoryDirectory(path: string): boolean {
  const normalized = normalizeRepositoryPath(path).replace(/\/?$/, '/');
  return IGNORED.test(normalized);
}
