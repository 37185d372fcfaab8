/*
 * Synthetic catalogs for benchmarks and load tests.
 *
 * The mix mirrors the example organisation in `examples/catalog` (see
 * `examples/README.md`): for every ~40 entities there is one team, with users,
 * systems and domains, and the rest are components and APIs whose readiness
 * evidence (links, annotations, tiers, owners) has the same spread of levels
 * and of real-world variants, including owners that do not resolve and
 * components with nothing at all.
 *
 * Only `@backstage/catalog-model` types are used, so the module runs anywhere
 * (tsx, jest, the backend) without extra dependencies.
 */
import type { Entity, EntityLink } from '@backstage/catalog-model';
import { mulberry32, pick, weighted } from './seededRandom';
import { addEvidence, itemsFor, type Meta } from './syntheticEvidence';
import {
  FIRST_NAMES,
  LANGUAGES,
  LAST_NAMES,
  LIFECYCLES,
  SUFFIXES,
  WORDS,
} from './syntheticWords';

export { mulberry32 };

/** Options for {@link generateSyntheticCatalog}. */
export interface SyntheticCatalogOptions {
  /** Exact number of entities to return. At least {@link MIN_SYNTHETIC_ENTITIES}. */
  entities: number;
  /** PRNG seed; the same seed and size always give the same catalog. Default 42. */
  seed?: number;
}

/** The smallest catalog that still has one of every kind (Group, User, Domain, System, Component, API). */
export const MIN_SYNTHETIC_ENTITIES = 10;

/**
 * The readiness profile a synthetic component was generated with, stored in
 * the annotation {@link SYNTHETIC_PROFILE_ANNOTATION} so benchmarks can compare
 * the engine's result with the intent. With golden-signal checks `unknown`,
 * `gold` means every catalog-visible Definition-of-Done item is present;
 * `none` fails at least one bronze check; `nothing` has no evidence and an
 * owner that does not resolve; `library` only has ownership and CI evidence;
 * `api` is an API whose ownership checks (owner, contact, system, tier) all
 * pass (APIs that miss one are marked `none`).
 *
 * Components with the `nothing` profile carry no annotation at all, not even
 * this one: a component without it is a `nothing`.
 */
export type SyntheticProfile =
  | 'gold'
  | 'silver'
  | 'bronze'
  | 'none'
  | 'nothing'
  | 'library'
  | 'api';

/** Annotation carrying the {@link SyntheticProfile} of generated components and APIs (absent on `nothing`). */
export const SYNTHETIC_PROFILE_ANNOTATION = 'bench.prodready.io/profile';

// Shares of components per profile, as in the example organisation
// (5 gold, 8 silver, 9 bronze, 8 below bronze, 4 with nothing, 2 libraries).
const PROFILE_WEIGHTS: Array<[SyntheticProfile, number]> = [
  ['gold', 5],
  ['silver', 8],
  ['bronze', 9],
  ['none', 8],
  ['nothing', 4],
  ['library', 2],
];
// Share of APIs among components + APIs (7 of 43 in the example).
const API_SHARE = 0.16;

type TeamContact = 'full' | 'members-only' | 'none';
// 10 of 12 example teams have contacts, 1 only members with email, 1 nothing.
const TEAM_CONTACT_WEIGHTS: Array<[TeamContact, number]> = [
  ['full', 10],
  ['members-only', 1],
  ['none', 1],
];

function hasKeys(o: Record<string, string>): boolean {
  for (const _ in o) return true;
  return false;
}

function finishMeta(meta: Meta, name: string): Entity['metadata'] {
  const out: Entity['metadata'] = { name };
  if (hasKeys(meta.labels)) out.labels = meta.labels;
  if (hasKeys(meta.annotations)) out.annotations = meta.annotations;
  if (meta.tags.length) out.tags = meta.tags;
  if (meta.links.length) out.links = meta.links;
  return out;
}

const newMeta = (): Meta => ({
  annotations: {},
  labels: {},
  tags: [],
  links: [],
});

/**
 * Generates a deterministic synthetic Backstage catalog of exactly
 * `options.entities` entities, all valid per `@backstage/catalog-model`
 * (names at most 63 characters of `[a-zA-Z0-9-_.]`, default namespace).
 *
 * Shape, per ~40 entities: one team Group (about 1 in 12 teams reachable only
 * through members' emails, 1 in 12 with no contact at all), teams grouped
 * under department Groups under one organization Group, ~2.5 Users per team,
 * ~2 Systems per 3 teams, ~1 Domain per 3 teams; everything else is
 * Components (84%) and APIs (16%). Components follow the example
 * organisation's readiness mix (about 14% gold, 22% silver, 25% bronze, 22%
 * below bronze, 11% with nothing and an unresolvable owner, 6% libraries),
 * recorded in the `bench.prodready.io/profile` annotation, with the same
 * annotation and link variants and tier styles (`prodready.io/tier`, label
 * `tier`, tag `tier-N`, `service-tier`). There is no `backstage.io/source-location`,
 * so repository facts are `not-configured` for every synthetic entity.
 *
 * Entities are ordered: Groups, Users, Domains, Systems, Components, APIs.
 * 100,000 entities take a fraction of a second.
 *
 * @throws RangeError when `entities` is below {@link MIN_SYNTHETIC_ENTITIES}.
 */
export function generateSyntheticCatalog(
  options: SyntheticCatalogOptions,
): Entity[] {
  const total = Math.floor(options.entities);
  if (!Number.isFinite(total) || total < MIN_SYNTHETIC_ENTITIES) {
    throw new RangeError(
      `entities must be at least ${MIN_SYNTHETIC_ENTITIES}, got ${options.entities}`,
    );
  }
  const rand = mulberry32(options.seed ?? 42);
  const apiVersion = 'backstage.io/v1alpha1';

  const teamCount = Math.max(1, Math.round(total / 40));
  const deptCount = Math.max(1, Math.ceil(teamCount / 4));
  const userCount = Math.max(1, Math.round(teamCount * 2.5));
  const domainCount = Math.max(1, Math.ceil(teamCount / 3));
  const systemCount = Math.max(1, Math.round((teamCount * 2) / 3));
  const structural =
    1 + deptCount + teamCount + userCount + domainCount + systemCount;
  const rest = total - structural;
  const apiCount = rest >= 2 ? Math.max(1, Math.round(rest * API_SHARE)) : 0;
  const componentCount = rest - apiCount;

  const entities: Entity[] = [];
  const word = (i: number) => WORDS[i % WORDS.length];

  // Groups -----------------------------------------------------------------
  const orgName = 'acme';
  const depts = Array.from(
    { length: deptCount },
    (_, i) => `dept-${word(i * 7)}-${i}`,
  );
  const teams = Array.from({ length: teamCount }, (_, i) => ({
    name: `team-${word(i)}-${i}`,
    dept: depts[i % deptCount],
    // The first team always has full contacts so tiny catalogs still have a gold-capable owner.
    contact:
      i === 0 ? ('full' as TeamContact) : weighted(rand, TEAM_CONTACT_WEIGHTS),
    systems: [] as string[],
  }));
  entities.push({
    apiVersion,
    kind: 'Group',
    metadata: { name: orgName, title: 'Acme Corp' },
    spec: {
      type: 'organization',
      profile: { displayName: 'Acme Corp', email: 'engineering@example.com' },
      children: depts,
    },
  });
  depts.forEach((d, i) => {
    entities.push({
      apiVersion,
      kind: 'Group',
      metadata: {
        name: d,
        links: [
          {
            url: `https://chat.example.com/channels/${d}`,
            title: `#${d}`,
            type: 'chat',
            icon: 'chat',
          },
        ],
      },
      spec: {
        type: 'department',
        profile: { displayName: `Department ${i}`, email: `${d}@example.com` },
        parent: orgName,
        children: teams.filter(t => t.dept === d).map(t => t.name),
      },
    });
  });
  for (const t of teams) {
    const spec: Record<string, unknown> = {
      type: 'team',
      parent: t.dept,
      children: [],
    };
    const metadata: Entity['metadata'] = { name: t.name };
    if (t.contact === 'full') {
      spec.profile = { displayName: t.name, email: `${t.name}@example.com` };
      const links: EntityLink[] = [
        {
          url: `https://chat.example.com/channels/${t.name}`,
          title: `#${t.name}`,
          type: rand() < 0.6 ? 'chat' : 'slack',
          icon: 'chat',
        },
      ];
      if (rand() < 0.4)
        links.push({
          url: `mailto:${t.name}@example.com`,
          title: 'Email the team',
          type: 'email',
          icon: 'email',
        });
      if (rand() < 0.5)
        links.push({
          url: `https://oncall.example.com/schedules/${t.name}`,
          title: 'On-call schedule',
          type: 'oncall',
        });
      metadata.links = links;
    } else if (t.contact === 'members-only') {
      spec.profile = { displayName: t.name };
    }
    entities.push({
      apiVersion,
      kind: 'Group',
      metadata,
      spec: spec as Entity['spec'],
    });
  }

  // Users: spread over the teams that have members (not the "no contact" ones).
  const staffed = teams.filter(t => t.contact !== 'none');
  for (let i = 0; i < userCount; i++) {
    const name = `${pick(rand, FIRST_NAMES)}.${pick(rand, LAST_NAMES)}-${i}`;
    const team = staffed[i % staffed.length];
    const memberOf = rand() < 0.1 ? [team.name, team.dept] : [team.name];
    entities.push({
      apiVersion,
      kind: 'User',
      metadata: { name },
      spec: {
        profile: { displayName: name, email: `${name}@example.com` },
        memberOf,
      },
    });
  }

  // Domains and systems ----------------------------------------------------
  const domains = Array.from(
    { length: domainCount },
    (_, i) => `domain-${word(i * 3 + 1)}-${i}`,
  );
  domains.forEach((d, i) => {
    entities.push({
      apiVersion,
      kind: 'Domain',
      metadata: { name: d },
      spec: { owner: depts[i % deptCount] },
    });
  });
  for (let i = 0; i < systemCount; i++) {
    const name = `system-${word(i * 5 + 2)}-${i}`;
    const owner = staffed[i % staffed.length];
    owner.systems.push(name);
    entities.push({
      apiVersion,
      kind: 'System',
      metadata: { name },
      spec: { owner: owner.name, domain: domains[i % domainCount] },
    });
  }
  const allSystems = teams.flatMap(t => t.systems);
  const teamByRef = new Map<string, (typeof teams)[number]>();
  for (const t of teams) {
    teamByRef.set(t.name, t);
    teamByRef.set(`group:default/${t.name}`, t);
  }
  const contactable = teams.filter(t => t.contact !== 'none');
  const withFullContact = teams.filter(t => t.contact === 'full');

  // Components -------------------------------------------------------------
  const components: Entity[] = [];
  for (let i = 0; i < componentCount; i++) {
    const profile = weighted(rand, PROFILE_WEIGHTS);
    const name = `${word(Math.floor(rand() * WORDS.length))}-${pick(
      rand,
      SUFFIXES,
    )}-${i}`;
    const items = itemsFor(rand, profile);
    const meta = newMeta();
    let owner: string;
    if (profile === 'nothing') {
      owner = `${pick(rand, [
        'billing',
        'growth',
        'platform',
        'legacy',
      ])}-legacy-${i}`;
    } else {
      const pool =
        profile === 'gold'
          ? withFullContact
          : profile === 'none'
          ? teams
          : contactable;
      const team = pick(rand, pool);
      owner = rand() < 0.15 ? `group:default/${team.name}` : team.name;
    }
    if (profile !== 'nothing') {
      meta.tags.push(pick(rand, LANGUAGES));
      meta.annotations[SYNTHETIC_PROFILE_ANNOTATION] = profile;
    }
    for (const item of items) addEvidence(rand, item, name, meta);
    const ownerTeam = teamByRef.get(owner);
    const spec: Record<string, unknown> = {
      type:
        profile === 'library'
          ? 'library'
          : rand() < 0.12
          ? 'website'
          : 'service',
      lifecycle:
        profile === 'gold' || profile === 'silver'
          ? 'production'
          : pick(rand, LIFECYCLES),
      owner,
    };
    if (items.includes('system')) {
      spec.system =
        ownerTeam && ownerTeam.systems.length && rand() < 0.8
          ? pick(rand, ownerTeam.systems)
          : pick(rand, allSystems);
    }
    const entity: Entity = {
      apiVersion,
      kind: 'Component',
      metadata: finishMeta(meta, name),
      spec: spec as Entity['spec'],
    };
    components.push(entity);
  }

  // APIs: each is provided by a component (when there is one).
  const apis: Entity[] = [];
  for (let i = 0; i < apiCount; i++) {
    const name = `${word(Math.floor(rand() * WORDS.length))}-v${
      1 + Math.floor(rand() * 3)
    }-${i}`;
    const provider = components.length
      ? components[Math.floor(rand() * components.length)]
      : undefined;
    const providerOwner = provider?.spec?.owner as string | undefined;
    const resolvable =
      providerOwner !== undefined && teamByRef.has(providerOwner);
    const owner =
      resolvable && providerOwner ? providerOwner : pick(rand, teams).name;
    const meta = newMeta();
    meta.tags.push('rest');
    let complete = rand() < 0.75;
    const spec: Record<string, unknown> = {
      type: 'openapi',
      lifecycle: 'production',
      owner,
      definition: `openapi: 3.0.3\ninfo:\n  title: ${name}\n  version: 1.0.0\npaths:\n  /items/{id}:\n    get:\n      responses:\n        '200':\n          description: OK\n`,
    };
    if (teamByRef.get(owner)?.contact === 'none') complete = false;
    meta.annotations[SYNTHETIC_PROFILE_ANNOTATION] = complete ? 'api' : 'none';
    if (complete) {
      addEvidence(rand, 'tier', name, meta);
      spec.system = pick(rand, allSystems);
    } else if (rand() < 0.5) {
      spec.system = pick(rand, allSystems); // has a system but no tier
    }
    if (provider && resolvable) {
      const pspec = provider.spec as Record<string, unknown>;
      pspec.providesApis = [
        ...((pspec.providesApis as string[] | undefined) ?? []),
        name,
      ];
    }
    apis.push({
      apiVersion,
      kind: 'API',
      metadata: finishMeta(meta, name),
      spec: spec as Entity['spec'],
    });
  }

  entities.push(...components, ...apis);
  return entities;
}
