import type { Entity } from '@backstage/catalog-model';
import type { JsonObject, JsonValue } from '@backstage/types';
import type { TeamContact } from './api';

/**
 * How a fact provider fared for one namespace of one entity.
 *
 * - `ok`: the namespace holds data.
 * - `not-configured`: no provider is set up for it (e.g. no Prometheus module);
 *   checks that need it are `unknown`, never `fail`.
 * - `unavailable`: a provider is set up but failed this time (timeout, 5xx…);
 *   checks that need it are `unknown` with the reason.
 *
 * @public
 */
export type FactNamespaceStatus = 'ok' | 'not-configured' | 'unavailable';

/**
 * One namespace of an entity's fact document, filled by one provider.
 *
 * @public
 */
export interface FactNamespace<TData = JsonObject> {
  /**
   * Whether the namespace holds data, has no provider, or its provider failed.
   */
  status: FactNamespaceStatus;
  /** Why the namespace is not `ok`, one line, shown to users. */
  reason?: string;
  /** The facts; present when `status` is `ok`. */
  data?: TData;
  /** ISO timestamp of collection. */
  collectedAt?: string;
}

/**
 * All facts known about one entity, keyed by namespace (`entity`, `owner`,
 * `repository`, `metrics`, or any namespace a module adds).
 *
 * @public
 */
export interface FactDocument {
  /** The entity's ref, e.g. `component:default/payments-api`. */
  entityRef: string;
  /** Each namespace's facts and status; absent means no provider filled it. */
  namespaces: Record<string, FactNamespace<unknown> | undefined>;
}

/**
 * A contact point of a team or person.
 *
 * @public
 */
export interface Contact {
  /**
   * What kind of contact it is, so the UI can pick an icon and the checks a
   * type.
   */
  type: 'email' | 'chat' | 'url' | 'oncall';
  /** What to show, e.g. `#payments` or `payments@example.com`. */
  label: string;
  /** Where it leads, e.g. `mailto:…` or a chat URL. */
  url?: string;
}

/**
 * Facts of the `owner` namespace, filled from the catalog.
 *
 * @public
 */
export interface OwnerFacts {
  /** The owner ref as written in `spec.owner`, resolved to a full ref. */
  ownerRef?: string;
  /**
   * Whether the owner was found in the catalog. It may be a Group or a User:
   * see `kind` (a check for "owned by a real team" tests `kind === 'group'`).
   */
  resolved: boolean;
  /** Kind of the resolved owner (`group` or `user`). */
  kind?: string;
  /** Name of the owner from its profile or title. */
  displayName?: string;
  /** Profile email of the owner. */
  email?: string;
  /** Team contacts: profile email, chat/email links, on-call links. */
  contacts: Contact[];
  /** Members of the owning group, with what is known of them. */
  members: Array<{ ref: string; displayName?: string; email?: string }>;
  /**
   * How much of the catalog this owner owns (see `judgeOwnerShare`), when
   * the whole catalog was counted: the backend counts it once per pass, the
   * CLI over the files it scores.
   */
  share?: OwnerShare;
}

/**
 * The share of the catalog an owner owns: entities of the owned kinds
 * (Component, API, Resource, System, Domain) whose `spec.owner` is it.
 *
 * @public
 */
export interface OwnerShare {
  /** Entities this owner owns. */
  owned: number;
  /** Entities of the owned kinds in the catalog. */
  total: number;
  /**
   * Whether the share is implausible for one team: at least
   * `minOwnedEntities` entities and at least `maxOwnerShare` of the catalog.
   * The ownership check then wants a contact before it believes the owner
   * is a team.
   */
  implausible: boolean;
}

/**
 * Facts of the `system` namespace, filled from the catalog: the system the
 * entity belongs to and that system's domain.
 *
 * @public
 */
export interface SystemFacts {
  /** Full ref of `spec.system` (or of the entity itself for a System). */
  systemRef?: string;
  /** Whether the system exists in the catalog. */
  resolved: boolean;
  /** Title or name of the system when resolved. */
  systemTitle?: string;
  /**
   * Full ref of the domain: the system's `spec.domain`, or the entity's own
   * `spec.domain` when it has no system (e.g. a System entity).
   */
  domainRef?: string;
}

/**
 * A dependency found in a manifest of the source repository.
 *
 * @public
 */
export interface RepositoryDependency {
  /** The package ecosystem of the manifest it was read from. */
  ecosystem: 'npm' | 'go' | 'pypi' | 'maven' | 'gradle';
  /** Package name as written in the manifest. */
  name: string;
  /** Manifest path relative to the repository root. */
  manifest: string;
}

/**
 * What a file of the source repository tells about the service.
 *
 * - `ci`: a CI pipeline definition (GitHub Actions workflow, Jenkinsfile, …).
 * - `deploy`: deployment automation (Helm chart, Kubernetes manifests, Argo CD
 *   application, Skaffold, a workflow that deploys).
 * - `rollback`: a rollback/revert procedure (a rollback doc, or a workflow
 *   that rolls back).
 * - `runbook`: an operations runbook.
 * - `postmortem`: postmortems or incident history.
 * - `manifest`: a dependency manifest (package.json, go.mod, …).
 * - `observability`: alert rules, SLO definitions, collector config.
 * - `container`: a container build (Dockerfile).
 * - `catalog`: a Backstage catalog file or TechDocs config.
 *
 * @public
 */
export type RepositoryFileKind =
  | 'ci'
  | 'deploy'
  | 'rollback'
  | 'runbook'
  | 'postmortem'
  | 'manifest'
  | 'observability'
  | 'container'
  | 'catalog';

/**
 * Facts of the `repository` namespace: what the source repository holds.
 *
 * @public
 */
export interface RepositoryFacts {
  /** Where the files were read from (source location URL or a local path). */
  location: string;
  /** Paths of the files found, relative to the repository root, `/`-separated. */
  files: string[];
  /** True when the file list hit the configured bound. */
  truncated: boolean;
  /** Dependencies found in the manifests of `files`. */
  dependencies: RepositoryDependency[];
  /**
   * The files of `files` grouped by what they tell (a file may be in several
   * groups, e.g. a deploy workflow is `ci` and `deploy`). Filled by
   * `buildRepositoryFacts`; absent in documents from older collectors.
   */
  filesByKind?: Partial<Record<RepositoryFileKind, string[]>>;
  /**
   * Present when the location is a subdirectory of a repository (a service
   * in a monorepo): the CI files at the repository root, judged one by one
   * on whether they concern that subdirectory.
   */
  root?: RepositoryRootFacts;
}

/**
 * The repository root's CI files, as seen from a subdirectory's facts.
 *
 * @public
 */
export interface RepositoryRootFacts {
  /** Where the repository root was read from (URL or local path). */
  location: string;
  /** The entity's subdirectory, relative to the root, `/`-separated. */
  subdirectory: string;
  /** Root CI files that concern the subdirectory: evidence for it. */
  files: RepositoryRootFile[];
  /** Root CI files that do not (a paths filter excludes it, another service is named). */
  ignored: Array<{ path: string; reason: string }>;
  /** Why the root could not be read, when it could not. */
  unavailable?: string;
}

/**
 * A CI file at a repository's root that counts for one of its subdirectories.
 *
 * @public
 */
export interface RepositoryRootFile {
  /** Path relative to the repository root, `/`-separated. */
  path: string;
  /** What the file tells (`ci`, and `deploy` / `rollback` from its content). */
  kinds: RepositoryFileKind[];
  /** Why it concerns the subdirectory, e.g. `its paths filter includes services/cart/`. */
  reason: string;
}

/**
 * One golden signal's live evidence in the `metrics` namespace.
 *
 * @public
 */
export interface SignalEvidence {
  /** Whether live data was found for the signal. */
  present: boolean;
  /** The query or series that proved it, e.g. a PromQL expression. */
  query?: string;
  /** A sample value, formatted for humans. */
  sample?: string;
}

/**
 * Facts of the `metrics` namespace: live evidence from a metrics backend.
 *
 * @public
 */
export interface MetricsFacts {
  /** Which metrics backend answered, e.g. `prometheus`. */
  source: string;
  /**
   * Live evidence per golden signal; a signal absent here was not looked for.
   */
  signals: Partial<
    Record<'latency' | 'traffic' | 'errors' | 'saturation', SignalEvidence>
  >;
  /** Alerting rules found for the service. */
  alertRules?: string[];
  /** Positive monitoring found: probes (e.g. blackbox `probe_success`) or SLO series. */
  probes?: string[];
  /**
   * SLO series found (e.g. Sloth or Pyrra recording rules). Also listed in
   * `probes`, since an SLO is positive monitoring too.
   */
  slos?: string[];
  /**
   * Alert rules of the service that carry an http(s) `runbook_url`
   * annotation, as `<alert>: <url>`.
   */
  alertRunbooks?: string[];
  /**
   * Alert rules of the service shaped like SLO burn-rate alerts (generated
   * by Sloth, Pyrra or from OpenSLO definitions).
   */
  burnRateAlerts?: string[];
  /**
   * TLS certificate expiry probes of the service (blackbox
   * `probe_ssl_earliest_cert_expiry`), with the days left.
   */
  tlsProbes?: string[];
  /**
   * HTTPS endpoints of the service that are probed (the `instance` of its
   * `https://` probes) but have no TLS expiry series.
   */
  httpsWithoutTlsProbe?: string[];
}

/**
 * What fetching one link of the entity found (`links` namespace).
 *
 * - `answered`: the page answered (2xx, a redirect, or 401/403: it exists
 *   behind a login); the link's evidence becomes `observed`.
 * - `dead`: it answered 404/410 or another error status, or its host does
 *   not exist or refused the connection; the link is not counted.
 * - `unchecked`: not fetched (host not allowed, a private address, a
 *   timeout); the link counts as declared, as without verification.
 *
 * @public
 */
export interface LinkCheck {
  /** The link fetched, as the entity declares it. */
  url: string;
  /** What fetching it found. */
  state: 'answered' | 'dead' | 'unchecked';
  /** The HTTP status it answered with. */
  status?: number;
  /** One line, e.g. `HTTP 404` or `host resolves to a private address`. */
  reason: string;
}

/**
 * Facts of the `links` namespace, filled when `readiness.links.verify` is
 * enabled: the runbook, dashboard and logs links of the entity, fetched.
 *
 * @public
 */
export interface LinksFacts {
  /** One result per link fetched. */
  checks: LinkCheck[];
}

/**
 * The `entity` namespace holds the catalog entity itself.
 *
 * @public
 */
export type EntityFacts = Entity;

/**
 * The fact namespace filled with facts pushed from outside Backstage (CI:
 * test coverage, load-test reports, security scans…), read by rules as
 * `fact: pushed.<key>` (e.g. `{ fact: pushed.coverage, gte: 80 }`).
 *
 * @public
 */
export const PUSHED_NAMESPACE = 'pushed';

/**
 * One fact pushed for an entity (`POST /facts`), as stored and as found in
 * the `pushed` namespace, keyed by fact key.
 *
 * @public
 */
export interface PushedFact {
  /** The fact key, declared in `readiness.pushedFacts`. */
  key: string;
  /** The value, valid against the key's JSON schema. */
  value: JsonValue;
  /** ISO timestamp of when the pusher computed it. */
  observedAt: string;
  /** ISO timestamp after which it is stale (`observedAt` plus the key's TTL). */
  staleAt: string;
  /** Whether it was stale when the facts were collected: its checks are `unknown`. */
  stale: boolean;
  /** Who pushed it (a user or service principal). */
  pushedBy?: string;
}

/**
 * The fact namespace filled with the attestations recorded for an entity,
 * keyed by check id (see `Attestation`); read by attested checks.
 *
 * @public
 */
export const ATTESTATIONS_NAMESPACE = 'attestations';

/**
 * An owner-team member's statement that an attested check holds (a DR drill
 * was run, a load test passed, a security review was done), with a link to
 * the evidence. The check passes until `expiresAt`.
 *
 * @public
 */
export interface Attestation {
  /** Id of the attestation. */
  id: string;
  /** Full ref of the entity attested. */
  entityRef: string;
  /** The attested check the statement is about. */
  checkId: string;
  /** An http(s) link to the evidence (report, ticket, recording). */
  evidenceUrl: string;
  /** What was done, optional. */
  note?: string;
  /** User entity ref of who attested. */
  author: string;
  /** When it was recorded (ISO 8601). */
  createdAt: string;
  /**
   * When it stops carrying the check (ISO 8601): `createdAt` plus the check's
   * `expiresAfterDays`.
   */
  expiresAt: string;
}

/**
 * One dependency of an entity in the `dependencies` namespace: an entity it
 * depends on (`spec.dependsOn`) or an API it consumes, with its stored level.
 *
 * @public
 */
export interface DependencyFact {
  /** Full entity ref of the dependency. */
  ref: string;
  /** How the entity depends on it: `spec.dependsOn`, or an API it consumes. */
  relation: 'dependsOn' | 'consumesApi';
  /** Whether it has a stored score; unscored dependencies are not judged. */
  scored: boolean;
  /** Its `metadata.title`, for reasons. */
  title?: string;
  /** Its level id; absent below the lowest level or when not scored. */
  level?: string;
  /** Title of that level, for reasons. */
  levelTitle?: string;
  /** Its stored score, 0–100, when scored. */
  score?: number;
  /** Its owning team and how to reach it. */
  owner?: TeamContact;
  /** The level this entity's policy asks of its dependencies. */
  requiredLevel?: string;
  /** Whether the dependency reaches `requiredLevel` (true when none is asked). */
  meetsRequired: boolean;
}

/**
 * Facts of the `dependencies` namespace, filled by the backend from the
 * entity's relations and the stored scores of what it depends on.
 *
 * @public
 */
export interface DependencyFacts {
  /** Every dependency of the entity, scored or not. */
  dependencies: DependencyFact[];
}
