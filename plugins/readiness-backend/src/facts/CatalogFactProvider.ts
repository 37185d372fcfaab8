import type {
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  buildOwnerFacts,
  buildSystemFacts,
  countOwnedEntities,
  DEFAULT_OWNER_SHARE_THRESHOLDS,
  describeError,
  judgeOwnerShare,
  readEntityRef,
  readGroupMemberRefs,
  readOwnerRef,
  readSystemRef,
  readUserGroupRefs,
  type FactNamespace,
  type OwnerFacts,
  type OwnedEntityCounts,
  type OwnerMember,
  type OwnerShareThresholds,
  type SystemFacts,
} from '@prodready/plugin-readiness-common';
import type {
  FactProviderContext,
  ReadinessFactProvider,
} from '@prodready/plugin-readiness-node';

/**
 * Options of {@link CatalogFactProvider.create}.
 *
 * @internal
 */
export interface CatalogFactProviderOptions {
  /** `catalogServiceRef` from `@backstage/plugin-catalog-node`. */
  catalog: CatalogService;
  /** `coreServices.auth`; the provider reads with its own service credentials. */
  auth: AuthService;
  logger: LoggerService;
  /**
   * How long the loaded Groups, Users and Systems are reused, in ms
   * (default 60 000). A full rescore reads them once.
   */
  cacheTtlMs?: number;
  /**
   * After this many single-entity lookups within `cacheTtlMs` the provider
   * loads all Groups, Users and Systems at once instead (default 20).
   */
  bulkLoadThreshold?: number;
  /** Page size of the bulk load (default 1000). */
  pageSize?: number;
  /** Most members listed per group (default 100). */
  maxMembers?: number;
  /**
   * When an owner's share of the catalog is implausible
   * (`readiness.ownership`, see `readOwnerShareConfig`); default
   * `DEFAULT_OWNER_SHARE_THRESHOLDS`.
   */
  ownerShare?: OwnerShareThresholds;
  /** Clock (tests). */
  now?: () => number;
}

/** Fields the bulk load asks for: what owner and system facts need. */
const FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.links',
  'metadata.annotations',
  'spec.profile',
  'spec.memberOf',
  'spec.members',
  'spec.domain',
  'relations',
];

/** Kinds whose owners are counted, as the catalog spells them. */
const OWNED_KINDS = ['Component', 'API', 'Resource', 'System', 'Domain'];
/** Fields of the count of owners. */
const OWNED_FIELDS = ['kind', 'metadata.namespace', 'spec.owner'];

interface Snapshot {
  loadedAt: number;
  groups: Map<string, Entity>;
  users: Map<string, Entity>;
  systems: Map<string, Entity>;
  /** group ref → user refs, from users' memberOf. */
  membersOf: Map<string, Set<string>>;
  ownerFacts: Map<string, OwnerFacts>;
  /** Entities each owner owns (see `countOwnedEntities`). */
  ownerCounts: OwnedEntityCounts;
}

/**
 * Fills the `entity`, `owner` and `system` namespaces from the catalog.
 *
 * - `entity`: the entity itself.
 * - `owner` ({@link @prodready/plugin-readiness-common#OwnerFacts}):
 *   `spec.owner` resolved to a Group (or User) with its profile, contacts
 *   (`readGroupContacts`) and members' names and emails (from the group's
 *   `hasMember` relations and `spec.members`, and users' `memberOf`). An
 *   owner that is not in the catalog is `ok` data with `resolved: false`,
 *   so the ownership check fails rather than being unknown.
 *   With the bulk load it also counts, once, the entities each owner owns
 *   (only kind, namespace and `spec.owner` are read), so `owner.share`
 *   tells an owner that owns an implausible share of the catalog
 *   (`readiness.ownership`); lookups by ref reuse the last count.
 * - `system` ({@link @prodready/plugin-readiness-common#SystemFacts}): the
 *   entity's system and that system's domain.
 *
 * Speed: the first lookups of a run go to the catalog by ref; once
 * `bulkLoadThreshold` lookups happen within `cacheTtlMs`, all Groups, Users
 * and Systems are streamed once (in pages, only the fields needed) and served
 * from memory until they are `cacheTtlMs` old, so a full rescore of 10,000
 * entities costs a handful of catalog requests. A single-entity refresh
 * reads fresh data by ref. Call {@link CatalogFactProvider.preload} to load
 * up front at the start of a full rescore.
 *
 * Catalog errors make `owner`/`system` `unavailable` with the reason.
 *
 * @internal
 */
export class CatalogFactProvider implements ReadinessFactProvider {
  readonly id = 'catalog';
  readonly namespaces = ['entity', 'owner', 'system'];

  readonly #catalog: CatalogService;
  readonly #auth: AuthService;
  readonly #logger: LoggerService;
  readonly #cacheTtlMs: number;
  readonly #bulkLoadThreshold: number;
  readonly #pageSize: number;
  readonly #maxMembers: number;
  readonly #ownerShare: OwnerShareThresholds;
  readonly #now: () => number;
  /** The last count of owners, kept for lookups by ref between loads. */
  #ownerCounts?: OwnedEntityCounts;
  #snapshot?: Snapshot;
  #loading?: Promise<Snapshot>;
  #lookups = { count: 0, since: 0 };
  /** When the last bulk load failed; lookups go by ref for a while after. */
  #bulkFailedAt?: number;

  /** Creates the provider. */
  static create(options: CatalogFactProviderOptions): CatalogFactProvider {
    return new CatalogFactProvider(options);
  }

  private constructor(options: CatalogFactProviderOptions) {
    this.#catalog = options.catalog;
    this.#auth = options.auth;
    this.#logger = options.logger;
    this.#cacheTtlMs = options.cacheTtlMs ?? 60_000;
    this.#bulkLoadThreshold = options.bulkLoadThreshold ?? 20;
    this.#pageSize = options.pageSize ?? 1000;
    this.#maxMembers = options.maxMembers ?? 100;
    this.#ownerShare = options.ownerShare ?? DEFAULT_OWNER_SHARE_THRESHOLDS;
    this.#now = options.now ?? Date.now;
  }

  /**
   * Loads all Groups, Users and Systems now unless a fresh copy is held;
   * call it at the start of a full rescore. Rejects on catalog errors.
   */
  async preload(): Promise<void> {
    await this.#freshSnapshot(true);
  }

  /** Drops the loaded Groups, Users and Systems. */
  clearCache(): void {
    this.#snapshot = undefined;
  }

  async collect(
    entity: Entity,
    context: FactProviderContext,
  ): Promise<Record<string, FactNamespace<unknown>>> {
    const collectedAt = new Date().toISOString();
    const ownerRef = readOwnerRef(entity);
    const systemRef = readSystemRef(entity);

    let snapshot: Snapshot | undefined;
    try {
      snapshot = await this.#freshSnapshot(false);
    } catch (error) {
      // The bulk load failed; fall back to by-ref lookups below.
      this.#logger.warn(
        `Loading groups and users from the catalog failed, falling back to lookups by ref: ${describeError(
          error,
        )}`,
        { runId: context.runId },
      );
    }

    const [owner, system] = await Promise.all([
      this.#settle(
        () => this.#ownerFacts(ownerRef, snapshot),
        ownerRef ? `owner ${ownerRef}` : 'owner',
      ),
      this.#settle(
        () => this.#systemFacts(entity, systemRef, snapshot),
        systemRef ? `system ${systemRef}` : 'system',
      ),
    ]);
    return {
      entity: { status: 'ok', data: entity, collectedAt },
      owner: { ...owner, collectedAt },
      system: { ...system, collectedAt },
    };
  }

  async #settle<T>(
    fn: () => Promise<T>,
    what: string,
  ): Promise<FactNamespace<T>> {
    try {
      return { status: 'ok', data: await fn() };
    } catch (error) {
      return {
        status: 'unavailable',
        reason: `catalog lookup of ${what} failed: ${describeError(error)}`,
      };
    }
  }

  async #credentials(): Promise<BackstageCredentials> {
    return this.#auth.getOwnServiceCredentials();
  }

  /**
   * The snapshot when fresh; loads it when `force`, or when enough by-ref
   * lookups happened recently; otherwise undefined (look up by ref).
   */
  async #freshSnapshot(force: boolean): Promise<Snapshot | undefined> {
    const now = this.#now();
    if (this.#snapshot && now - this.#snapshot.loadedAt < this.#cacheTtlMs) {
      return this.#snapshot;
    }
    if (this.#loading) {
      return this.#loading;
    }
    if (!force) {
      if (now - this.#lookups.since >= this.#cacheTtlMs) {
        this.#lookups = { count: 0, since: now };
      }
      this.#lookups.count += 1;
      if (this.#lookups.count <= this.#bulkLoadThreshold) {
        return undefined;
      }
      if (
        this.#bulkFailedAt !== undefined &&
        now - this.#bulkFailedAt < this.#cacheTtlMs
      ) {
        return undefined;
      }
    }
    this.#loading = this.#load()
      .then(
        snapshot => {
          this.#bulkFailedAt = undefined;
          return snapshot;
        },
        error => {
          this.#bulkFailedAt = this.#now();
          throw error;
        },
      )
      .finally(() => {
        this.#loading = undefined;
      });
    return this.#loading;
  }

  async #load(): Promise<Snapshot> {
    const started = this.#now();
    const credentials = await this.#credentials();
    const snapshot: Snapshot = {
      loadedAt: started,
      groups: new Map(),
      users: new Map(),
      systems: new Map(),
      membersOf: new Map(),
      ownerFacts: new Map(),
      ownerCounts: { total: 0, byOwner: new Map() },
    };
    for await (const page of this.#catalog.streamEntities(
      {
        filter: { kind: ['Group', 'User', 'System'] },
        fields: FIELDS,
        pageSize: this.#pageSize,
      },
      { credentials },
    )) {
      for (const entity of page) {
        const kind = entity.kind?.toLocaleLowerCase('en-US');
        const ref = readEntityRef(entity);
        if (kind === 'group') {
          snapshot.groups.set(ref, entity);
        } else if (kind === 'user') {
          snapshot.users.set(ref, entity);
          for (const group of readUserGroupRefs(entity)) {
            let members = snapshot.membersOf.get(group);
            if (!members) {
              members = new Set();
              snapshot.membersOf.set(group, members);
            }
            members.add(ref);
          }
        } else if (kind === 'system') {
          snapshot.systems.set(ref, entity);
        }
      }
    }
    snapshot.ownerCounts = await this.#countOwners(credentials);
    this.#ownerCounts = snapshot.ownerCounts;
    this.#snapshot = snapshot;
    this.#lookups = { count: 0, since: this.#now() };
    this.#logger.debug(
      `Loaded ${snapshot.groups.size} groups, ${
        snapshot.users.size
      } users and ${snapshot.systems.size} systems from the catalog in ${
        this.#now() - started
      } ms`,
    );
    return snapshot;
  }

  /** Streams the owned kinds' owners only, and counts them. */
  async #countOwners(
    credentials: BackstageCredentials,
  ): Promise<OwnedEntityCounts> {
    const entities: Entity[] = [];
    for await (const page of this.#catalog.streamEntities(
      {
        filter: { kind: OWNED_KINDS },
        fields: OWNED_FIELDS,
        pageSize: this.#pageSize,
      },
      { credentials },
    )) {
      entities.push(...page);
    }
    return countOwnedEntities(entities);
  }

  async #ownerFacts(
    ownerRef: string | undefined,
    snapshot: Snapshot | undefined,
  ): Promise<OwnerFacts> {
    if (!ownerRef) {
      return buildOwnerFacts({ ownerRef });
    }
    if (snapshot) {
      let facts = snapshot.ownerFacts.get(ownerRef);
      if (!facts) {
        const owner =
          snapshot.groups.get(ownerRef) ?? snapshot.users.get(ownerRef);
        facts = this.#describeOwner(
          ownerRef,
          owner,
          owner ? this.#membersFromSnapshot(owner, ownerRef, snapshot) : [],
          snapshot.ownerCounts,
        );
        snapshot.ownerFacts.set(ownerRef, facts);
      }
      return facts;
    }

    const credentials = await this.#credentials();
    const owner = await this.#catalog.getEntityByRef(ownerRef, { credentials });
    if (!owner || owner.kind.toLocaleLowerCase('en-US') !== 'group') {
      return this.#describeOwner(ownerRef, owner, [], this.#ownerCounts);
    }
    const listed = readGroupMemberRefs(owner);
    const [byRefs, byRelation] = await Promise.all([
      listed.length
        ? this.#catalog.getEntitiesByRefs(
            { entityRefs: listed, fields: FIELDS },
            { credentials },
          )
        : Promise.resolve({ items: [] as Array<Entity | undefined> }),
      this.#catalog.getEntities(
        {
          filter: { kind: 'User', 'relations.memberOf': ownerRef },
          fields: FIELDS,
        },
        { credentials },
      ),
    ]);
    const found = new Map<string, Entity>();
    for (const user of [...byRefs.items, ...byRelation.items]) {
      if (user && user.kind.toLocaleLowerCase('en-US') === 'user') {
        found.set(readEntityRef(user), user);
      }
    }
    // Listed members that are not in the catalog are kept, by ref.
    const members: OwnerMember[] = [
      ...[...found].map(([ref, entity]) => ({ ref, entity })),
      ...listed.filter(ref => !found.has(ref)).map(ref => ({ ref })),
    ];
    return this.#describeOwner(ownerRef, owner, members, this.#ownerCounts);
  }

  #membersFromSnapshot(
    owner: Entity,
    ownerRef: string,
    snapshot: Snapshot,
  ): OwnerMember[] {
    if (owner.kind.toLocaleLowerCase('en-US') !== 'group') {
      return [];
    }
    const refs = new Set([
      ...readGroupMemberRefs(owner),
      ...(snapshot.membersOf.get(ownerRef) ?? []),
    ]);
    return [...refs].map(ref => ({ ref, entity: snapshot.users.get(ref) }));
  }

  #describeOwner(
    ownerRef: string,
    owner: Entity | undefined,
    members: OwnerMember[],
    counts: OwnedEntityCounts | undefined,
  ): OwnerFacts {
    return buildOwnerFacts({
      ownerRef,
      owner,
      members,
      maxMembers: this.#maxMembers,
      share: judgeOwnerShare(ownerRef, counts, this.#ownerShare),
    });
  }

  async #systemFacts(
    entity: Entity,
    systemRef: string | undefined,
    snapshot: Snapshot | undefined,
  ): Promise<SystemFacts> {
    let system: Entity | undefined;
    if (!systemRef || readEntityRef(entity) === systemRef) {
      system = undefined;
    } else if (snapshot) {
      system = snapshot.systems.get(systemRef);
    } else {
      system = await this.#catalog.getEntityByRef(systemRef, {
        credentials: await this.#credentials(),
      });
    }
    return buildSystemFacts({ entity, systemRef, system });
  }
}
