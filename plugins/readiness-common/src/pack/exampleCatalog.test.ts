/*
 * The default pack against the example organisation in /examples: every
 * component's level and blocking checks must be what examples/README.md says
 * a correct engine computes. Facts are built the way the backend builds them
 * (catalog owner lookup, readGroupContacts, buildRepositoryFacts over the
 * example repositories), with no metrics provider.
 */
import fs from 'fs';
import path from 'path';
import { parseAllDocuments } from 'yaml';
import type { Entity } from '@backstage/catalog-model';
import {
  buildRepositoryFacts,
  isIgnoredRepositoryDirectory,
  isInterestingRepositoryFile,
  readGroupContacts,
} from '../facts';
import type { FactDocument, OwnerFacts } from '../types';
import { evaluateEntity } from '../engine/evaluateEntity';
import { compileCheckPack } from '../engine/compileCheckPack';
import { createCheckPack } from './CheckPack';

const EXAMPLES = path.resolve(__dirname, '../../../../examples');
const CATALOG = path.join(EXAMPLES, 'catalog');

interface Doc {
  entity: Entity;
  file: string;
  comment: string;
}

function loadCatalog(): Doc[] {
  const docs: Doc[] = [];
  for (const name of fs.readdirSync(CATALOG)) {
    if (!name.endsWith('.yaml')) continue;
    const file = path.join(CATALOG, name);
    const chunks = fs.readFileSync(file, 'utf8').split(/^---$/m);
    for (const chunk of chunks) {
      const [doc] = parseAllDocuments(chunk);
      const entity = doc?.toJSON() as Entity | undefined;
      if (entity?.kind) {
        const comment = /^# intended:.*$/m.exec(chunk)?.[0] ?? '';
        docs.push({ entity, file, comment });
      }
    }
  }
  return docs;
}

function ref(value: string, defaultKind: string): string {
  const [kind, rest] = value.includes(':')
    ? value.split(':', 2)
    : [defaultKind, value];
  const full = rest.includes('/') ? rest : `default/${rest}`;
  return `${kind}:${full}`.toLowerCase();
}

function refOf(entity: Entity) {
  return `${entity.kind}:${entity.metadata.namespace ?? 'default'}/${
    entity.metadata.name
  }`.toLowerCase();
}

function listFiles(root: string, dir = ''): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(root, dir), {
    withFileTypes: true,
  })) {
    const rel = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (!isIgnoredRepositoryDirectory(rel)) out.push(...listFiles(root, rel));
    } else if (isInterestingRepositoryFile(rel)) {
      out.push(rel);
    }
  }
  return out;
}

async function factsFor(doc: Doc, byRef: Map<string, Entity>, users: Entity[]) {
  const { entity } = doc;
  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  const namespaces: FactDocument['namespaces'] = {
    entity: { status: 'ok', data: entity },
    metrics: { status: 'not-configured' },
  };
  if (typeof spec.owner === 'string') {
    const ownerRef = ref(spec.owner, 'group');
    const owner = byRef.get(ownerRef);
    const profile = (owner?.spec?.profile ?? {}) as { email?: string };
    const members =
      owner?.kind === 'Group'
        ? users
            .filter(user =>
              ((user.spec?.memberOf ?? []) as string[]).some(
                m => ref(m, 'group') === ownerRef,
              ),
            )
            .map(user => ({
              ref: refOf(user),
              email: (user.spec?.profile as { email?: string } | undefined)
                ?.email,
            }))
        : [];
    const data: OwnerFacts = {
      ownerRef,
      resolved: !!owner,
      kind: owner?.kind.toLowerCase(),
      email: profile.email,
      contacts: owner ? readGroupContacts(owner) : [],
      members,
    };
    namespaces.owner = { status: 'ok', data };
  }
  const location =
    entity.metadata.annotations?.['backstage.io/source-location'];
  if (location?.startsWith('dir:')) {
    const root = path.resolve(path.dirname(doc.file), location.slice(4));
    const data = await buildRepositoryFacts({
      location: root,
      files: listFiles(root),
      truncated: false,
      readFile: async file => fs.readFileSync(path.join(root, file), 'utf8'),
    });
    namespaces.repository = { status: 'ok', data };
  } else {
    namespaces.repository = {
      status: 'not-configured',
      reason: 'no backstage.io/source-location',
    };
  }
  return { entityRef: refOf(entity), namespaces };
}

/** Rows of the components table of examples/README.md. */
function readmeRows() {
  const readme = fs.readFileSync(path.join(EXAMPLES, 'README.md'), 'utf8');
  const rows = new Map<string, { intended: string; missing: string[] }>();
  for (const line of readme.split('\n')) {
    const cells = line.split('|').map(c => c.trim());
    // | component | type | owner | system | tier | repo | intended | missing | notes |
    if (cells.length < 10 || !/^`[a-z0-9-]+`$/.test(cells[1])) continue;
    const intended = cells[7].replace(/\*/g, '');
    if (!/^(gold|silver|bronze|none|nothing|n\/a)$/.test(intended)) continue;
    rows.set(cells[1].replace(/`/g, ''), {
      intended,
      missing: [...cells[8].matchAll(/`([a-z-]+\.[a-z-]+)`/g)].map(m =>
        // The README's ids are descriptive; the pack's id for error tracking:
        m[1] === 'logging.errors' ? 'logging.error-tracking' : m[1],
      ),
    });
  }
  return rows;
}

describe('the default pack on the example organisation', () => {
  // Without a metrics provider the golden-signal checks are unknown and marked
  // notConfigured, so they do not block a level: the README's intended levels
  // hold for the full default pack.
  const goldenSignals = [
    'monitoring.latency',
    'monitoring.traffic',
    'monitoring.errors',
    'monitoring.saturation',
  ];
  const pack = createCheckPack();
  const compiledPack = compileCheckPack(pack);
  const docs = loadCatalog();
  const byRef = new Map(docs.map(d => [refOf(d.entity), d.entity]));
  const users = docs.filter(d => d.entity.kind === 'User').map(d => d.entity);
  const rows = readmeRows();
  const components = docs.filter(d => d.entity.kind === 'Component');

  it('has a README row for every component', () => {
    expect(components.length).toBeGreaterThan(30);
    for (const { entity } of components) {
      expect(rows.has(entity.metadata.name)).toBe(true);
    }
  });

  const byIntent = (...intents: string[]) =>
    components
      .filter(d =>
        intents.includes(rows.get(d.entity.metadata.name)?.intended ?? ''),
      )
      .map(d => [d.entity.metadata.name, d] as const);

  // These components show CI through a CI system's annotation beside their
  // repository pointer (github.com/project-slug); without the CI annotation
  // the pointer alone leaves `delivery.ci` unknown (a pointer says where the
  // code lives, not that CI builds it).
  const ciAnnotations: Record<string, string> = {
    'cart-service': 'buildkite.com/pipeline-slug',
    'risk-rules-engine': 'jenkins.io/job-full-name',
    'query-suggest': 'circleci.com/project-slug',
    'promotions-service': 'travis-ci.com/repo-slug',
    'status-page': 'buildkite.com/project-slug',
    'event-pipeline': 'jenkins.io/job-full-name',
  };

  it.each(byIntent('gold', 'silver', 'bronze', 'none'))(
    '%s reaches the intended level with the intended gaps',
    async (name, doc) => {
      const row = rows.get(name)!;
      const card = evaluateEntity(
        compiledPack,
        await factsFor(doc, byRef, users),
      );
      expect({
        name,
        level: card.level,
        blocking: [...card.blockingCheckIds].sort(),
      }).toEqual({
        name,
        level: row.intended === 'none' ? undefined : row.intended,
        blocking: [...row.missing].sort(),
      });
    },
  );

  it.each(Object.entries(ciAnnotations))(
    '%s without its %s annotation: the repository pointer alone leaves CI unknown, saying why',
    async (name, annotation) => {
      const doc = components.find(d => d.entity.metadata.name === name)!;
      const annotations = { ...doc.entity.metadata.annotations };
      delete annotations[annotation];
      expect(annotations['github.com/project-slug']).toBeDefined();
      const withoutCi = {
        ...doc,
        entity: {
          ...doc.entity,
          metadata: { ...doc.entity.metadata, annotations },
        },
      };
      const card = evaluateEntity(
        compiledPack,
        await factsFor(withoutCi, byRef, users),
      );
      const ci = card.results.find(r => r.checkId === 'delivery.ci')!;
      expect(ci.state).toBe('unknown');
      expect(ci.reason).toMatch(/^A repository pointer says where the code/);
    },
  );

  it.each(byIntent('nothing'))(
    '%s has nothing: no level, an owner that does not resolve',
    async (_name, doc) => {
      const card = evaluateEntity(
        compiledPack,
        await factsFor(doc, byRef, users),
      );
      expect(card.level).toBeUndefined();
      expect(
        card.results.find(r => r.checkId === 'ownership.owner-resolves')?.state,
      ).toBe('fail');
      expect(card.score).toBeLessThan(20);
    },
  );

  it.each(byIntent('n/a'))(
    'library %s is scored on ownership and CI only, and passes ownership',
    async (_name, doc) => {
      const card = evaluateEntity(
        compiledPack,
        await factsFor(doc, byRef, users),
      );
      const applicable = card.results.filter(r => r.state !== 'not-applicable');
      expect(
        applicable.map(r => [r.checkId.split('.')[0], r.checkId, r.state]),
      ).toEqual([
        ['ownership', 'ownership.owner-resolves', 'pass'],
        ['ownership', 'ownership.contact', 'pass'],
        ['ownership', 'ownership.system', 'pass'],
        ['ownership', 'ownership.tier', 'pass'],
        // Only a repository pointer and no repository here (see above).
        ['delivery', 'delivery.ci', 'unknown'],
      ]);
    },
  );

  it.each(byIntent('gold', 'silver', 'bronze', 'none', 'nothing'))(
    '%s: without a metrics provider the golden signals are unknown and do not block',
    async (_name, doc) => {
      const card = evaluateEntity(
        compiledPack,
        await factsFor(doc, byRef, users),
      );
      const signals = card.results.filter(r =>
        goldenSignals.includes(r.checkId),
      );
      expect(signals.map(r => [r.state, r.notConfigured, r.reason])).toEqual(
        goldenSignals.map(() => [
          'unknown',
          true,
          'Metrics are not collected in this installation',
        ]),
      );
      expect(card.blockingCheckIds).not.toEqual(
        expect.arrayContaining([
          expect.stringMatching(
            /^monitoring\.(latency|traffic|errors|saturation)$/,
          ),
        ]),
      );
    },
  );

  it.each(byIntent('gold'))(
    '%s: a metrics provider that fails this time blocks gold',
    async (_name, doc) => {
      const facts = await factsFor(doc, byRef, users);
      const card = evaluateEntity(compiledPack, {
        ...facts,
        namespaces: {
          ...facts.namespaces,
          metrics: { status: 'unavailable', reason: 'Prometheus timed out' },
        },
      });
      expect(card.level).toBe('silver');
      expect([...card.blockingCheckIds].sort()).toEqual(
        [...goldenSignals].sort(),
      );
    },
  );

  it.each(
    docs
      .filter(d => d.entity.kind === 'API')
      .map(d => [d.entity.metadata.name, d] as const),
  )('API %s is scored on ownership only', async (name, doc) => {
    const card = evaluateEntity(
      compiledPack,
      await factsFor(doc, byRef, users),
    );
    const applicable = card.results.filter(r => r.state !== 'not-applicable');
    // Ownership only: a score, but no level ("Bronze 100/100" said nothing).
    expect(card.level).toBeUndefined();
    expect(card.levelApplicable).toBe(false);
    expect(applicable.map(r => r.checkId).sort()).toEqual([
      'ownership.contact',
      'ownership.owner-resolves',
      'ownership.system',
      'ownership.tier',
    ]);
    const failing = applicable
      .filter(r => r.state !== 'pass')
      .map(r => r.checkId);
    const expected: string[] = [];
    if (/no system/.test(doc.comment)) expected.push('ownership.system');
    if (/no tier/.test(doc.comment)) expected.push('ownership.tier');
    expect([name, failing.sort()]).toEqual([name, expected.sort()]);
  });
});
