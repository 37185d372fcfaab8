/*
 * Engine benchmark: evaluates the default check pack over 10,000 and 100,000
 * synthetic entities in memory, on one core (one thread, no I/O).
 *
 *   npm run bench -- engine
 *
 * Facts are built up front (not timed) the way the backend builds them: the
 * entity; its owner resolved among the generated Groups with their contacts
 * and members; repository facts for runtime components (a seeded mix of CI,
 * deploy, runbook and observability files and tracing/error-tracking SDKs,
 * classified like the repository provider does); no metrics provider, so the
 * golden-signal checks are `unknown`. The timed loop is `evaluateEntity` for
 * every entity, after a warm-up pass over the first 5,000.
 */
import type { Entity } from '@backstage/catalog-model';
import {
  classifyRepositoryFile,
  compileCheckPack,
  createCheckPack,
  evaluateEntity,
  FactDocument,
  OwnerFacts,
  readGroupContacts,
  RepositoryDependency,
  RepositoryFacts,
  RepositoryFileKind,
} from '@prodready/plugin-readiness-common';
import type { BenchRow } from './run';
import {
  generateSyntheticCatalog,
  mulberry32,
  SYNTHETIC_PROFILE_ANNOTATION,
} from './syntheticCatalog';

const SIZES = [10_000, 100_000];
const WARM_UP = 5_000;

const FILE_POOL = [
  '.github/workflows/ci.yml',
  '.github/workflows/deploy.yml',
  '.github/workflows/rollback.yml',
  'Jenkinsfile',
  '.gitlab-ci.yml',
  'Dockerfile',
  'helm/app/Chart.yaml',
  'helm/app/values.yaml',
  'k8s/deployment.yaml',
  'docs/runbook.md',
  'RUNBOOK.md',
  'docs/rollback.md',
  'docs/postmortems/2024-03-outage.md',
  'slos/availability.yaml',
  'alerts/service.rules.yaml',
  'package.json',
  'go.mod',
  'catalog-info.yaml',
];

const DEPENDENCY_POOL: RepositoryDependency[] = [
  {
    ecosystem: 'npm',
    name: '@opentelemetry/sdk-node',
    manifest: 'package.json',
  },
  { ecosystem: 'npm', name: '@sentry/node', manifest: 'package.json' },
  { ecosystem: 'npm', name: 'express', manifest: 'package.json' },
  { ecosystem: 'npm', name: 'pino', manifest: 'package.json' },
  { ecosystem: 'npm', name: 'zod', manifest: 'package.json' },
  { ecosystem: 'go', name: 'go.opentelemetry.io/otel', manifest: 'go.mod' },
  {
    ecosystem: 'go',
    name: 'github.com/getsentry/sentry-go',
    manifest: 'go.mod',
  },
  { ecosystem: 'go', name: 'github.com/gorilla/mux', manifest: 'go.mod' },
  { ecosystem: 'pypi', name: 'fastapi', manifest: 'requirements.txt' },
  { ecosystem: 'pypi', name: 'requests', manifest: 'requirements.txt' },
];

const KINDS_OF = new Map(FILE_POOL.map(f => [f, classifyRepositoryFile(f)]));

function refOf(kind: string, name: string, namespace = 'default'): string {
  return `${kind}:${namespace}/${name}`.toLowerCase();
}

function parseRef(ref: string, defaultKind: string): string {
  const [kind, rest] = ref.includes(':')
    ? ref.split(':', 2)
    : [defaultKind, ref];
  return (
    rest.includes('/') ? `${kind}:${rest}` : `${kind}:default/${rest}`
  ).toLowerCase();
}

function repositoryFacts(name: string, rand: () => number): RepositoryFacts {
  const files = FILE_POOL.filter(() => rand() < 0.4);
  const filesByKind: Partial<Record<RepositoryFileKind, string[]>> = {};
  for (const file of files) {
    for (const kind of KINDS_OF.get(file) ?? []) {
      (filesByKind[kind] ??= []).push(file);
    }
  }
  return {
    location: `https://github.com/acme/${name}/tree/main/`,
    files,
    truncated: false,
    dependencies: DEPENDENCY_POOL.filter(() => rand() < 0.3),
    filesByKind,
  };
}

/** Fact documents for every Component and API of a synthetic catalog. */
export function buildSyntheticFacts(entities: Entity[]): FactDocument[] {
  const byRef = new Map(entities.map(e => [refOf(e.kind, e.metadata.name), e]));
  const members = new Map<string, OwnerFacts['members']>();
  for (const user of entities) {
    if (user.kind !== 'User') continue;
    const profile = user.spec?.profile as { email?: string } | undefined;
    for (const group of (user.spec?.memberOf ?? []) as string[]) {
      const ref = parseRef(group, 'group');
      const list = members.get(ref) ?? [];
      list.push({
        ref: refOf('user', user.metadata.name),
        email: profile?.email,
      });
      members.set(ref, list);
    }
  }
  const owners = new Map<string, OwnerFacts>();
  const ownerFacts = (spec: string): OwnerFacts => {
    const ref = parseRef(spec, 'group');
    let facts = owners.get(ref);
    if (!facts) {
      const owner = byRef.get(ref);
      const profile = owner?.spec?.profile as { email?: string } | undefined;
      facts = {
        ownerRef: ref,
        resolved: !!owner,
        kind: owner?.kind.toLowerCase(),
        email: profile?.email,
        contacts: owner ? readGroupContacts(owner) : [],
        members: owner ? members.get(ref) ?? [] : [],
      };
      owners.set(ref, facts);
    }
    return facts;
  };
  const rand = mulberry32(7);
  const documents: FactDocument[] = [];
  for (const entity of entities) {
    if (entity.kind !== 'Component' && entity.kind !== 'API') continue;
    const spec = (entity.spec ?? {}) as { owner?: string; type?: string };
    const runtime =
      entity.kind === 'Component' && spec.type !== 'library' && rand() < 0.7;
    documents.push({
      entityRef: refOf(entity.kind, entity.metadata.name),
      namespaces: {
        entity: { status: 'ok', data: entity },
        owner: spec.owner
          ? { status: 'ok', data: ownerFacts(spec.owner) }
          : {
              status: 'ok',
              data: { resolved: false, contacts: [], members: [] },
            },
        repository: runtime
          ? { status: 'ok', data: repositoryFacts(entity.metadata.name, rand) }
          : { status: 'not-configured', reason: 'no source location' },
        metrics: { status: 'not-configured' },
      },
    });
  }
  return documents;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

function mb(bytes: number): number {
  return bytes / (1024 * 1024);
}

async function measure(size: number): Promise<BenchRow> {
  const catalog = generateSyntheticCatalog({ entities: size, seed: 42 });
  const documents = buildSyntheticFacts(catalog);
  const pack = compileCheckPack(createCheckPack());
  const now = new Date();

  for (let i = 0; i < Math.min(WARM_UP, documents.length); i++) {
    evaluateEntity(pack, documents[i], { now });
  }

  const durations = new Float64Array(documents.length);
  const levels: Record<string, number> = {};
  let agree = 0;
  let withProfile = 0;
  const started = process.hrtime.bigint();
  for (let i = 0; i < documents.length; i++) {
    const t0 = performance.now();
    const card = evaluateEntity(pack, documents[i], { now });
    durations[i] = performance.now() - t0;
    const level = card.level ?? 'none';
    levels[level] = (levels[level] ?? 0) + 1;
    const profile = (documents[i].namespaces.entity?.data as Entity).metadata
      .annotations?.[SYNTHETIC_PROFILE_ANNOTATION];
    if (profile === 'gold' || profile === 'silver' || profile === 'bronze') {
      withProfile += 1;
      // Without a metrics provider the golden signals block gold.
      const expected = profile === 'gold' ? 'silver' : profile;
      if (level === expected) agree += 1;
    }
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const memory = process.memoryUsage();
  durations.sort();
  const distribution = Object.entries(levels)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([level, count]) => `${level} ${count}`)
    .join(', ');
  return {
    benchmark: 'engine: default pack',
    entities: documents.length,
    checks: pack.pack.checks.length,
    seconds,
    entitiesPerSecond: documents.length / seconds,
    p50Ms: percentile(durations, 0.5),
    p95Ms: percentile(durations, 0.95),
    rssMb: process.resourceUsage().maxRSS / 1024,
    heapMb: mb(memory.heapUsed),
    note: `${size.toLocaleString(
      'en-US',
    )}-entity catalog (${documents.length.toLocaleString(
      'en-US',
    )} components and APIs scored): levels ${distribution}; ${agree}/${withProfile} gold/silver/bronze profiles at the expected level`,
  };
}

/** Runs the engine benchmark at each size. */
export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const size of SIZES) {
    rows.push(await measure(size));
  }
  return rows;
}
