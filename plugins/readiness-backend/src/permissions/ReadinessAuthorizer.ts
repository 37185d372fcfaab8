import type {
  AuthService,
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AuthorizeResult,
  type BasicPermission,
} from '@backstage/plugin-permission-common';
import type { VisibleEntityRefs } from '../database/ReadinessStore';
import { ExpiringCache } from '../lib/ExpiringCache';
import { retryTransientErrors } from '../lib/retryTransientErrors';

/** Page size when listing the entities a restricted caller may read. */
const VISIBILITY_PAGE_SIZE = 500;
/** The fields that make an entity ref. */
const REF_FIELDS = ['kind', 'metadata.namespace', 'metadata.name'];

/**
 * Options of {@link ReadinessAuthorizer.create}.
 *
 * @internal
 */
export interface ReadinessAuthorizerOptions {
  auth: AuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
  /** Kinds that are scored: only these are listed for restricted callers. */
  kinds: string[];
  /** How long a caller's visibility is reused. */
  cacheTtlMs: number;
}

/**
 * The one place where the readiness API checks permissions and catalog
 * visibility; handlers never call the permission framework themselves.
 *
 * Visibility follows the catalog: a caller sees the results of the entities
 * it may read there. For lists, the permission framework is asked whether
 * `catalog.entity.read` is unconditionally allowed for the caller: ALLOW
 * (the common case) means no filtering at all; DENY means nothing; a
 * CONDITIONAL decision means the catalog is asked, with the caller's
 * credentials, which entities it may read. Decisions and ref lists are
 * cached per principal for `cacheTtlMs` (a short TTL, per replica, unlike
 * the caches derived from our scores: they come from the permission
 * framework and the catalog, which tell us nothing when they change, so no
 * counter in our database can invalidate them). Every call to the permission
 * framework and the catalog is a read, so one that fails with a transient
 * network error (a connection reset) is tried again with backoff.
 *
 * @internal
 */
export class ReadinessAuthorizer {
  /** Creates the authorizer. */
  static create(options: ReadinessAuthorizerOptions): ReadinessAuthorizer {
    return new ReadinessAuthorizer(options);
  }

  readonly #visibility: ExpiringCache<VisibleEntityRefs>;
  readonly #visibleSets = new WeakMap<ReadonlyArray<string>, Set<string>>();

  private constructor(private readonly options: ReadinessAuthorizerOptions) {
    this.#visibility = new ExpiringCache({
      ttlMs: options.cacheTtlMs,
      maxEntries: 500,
    });
  }

  /** Throws NotAllowedError unless the caller has the permission. */
  async authorize(
    credentials: BackstageCredentials,
    permission: BasicPermission,
  ): Promise<void> {
    const [decision] = await retryTransientErrors(() =>
      this.options.permissions.authorize([{ permission }], { credentials }),
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `Missing permission ${permission.name} for this request`,
      );
    }
  }

  /**
   * Returns the entity if the caller may read it in the catalog; otherwise
   * NotFoundError (hidden and missing entities look the same).
   */
  async getVisibleEntity(
    credentials: BackstageCredentials,
    entityRef: string,
  ): Promise<Entity> {
    const entity = await retryTransientErrors(() =>
      this.options.catalog.getEntityByRef(entityRef, { credentials }),
    );
    if (!entity) {
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    }
    return entity;
  }

  /**
   * Throws NotFoundError unless the caller may read the entity, and returns
   * the caller's visibility ({@link ReadinessAuthorizer.getVisibleEntityRefs}).
   * Decided on that cached visibility, without asking the catalog about the
   * entity: a caller allowed to read every entity passes, another one only
   * for an entity in its list of visible refs. For reads of stored results,
   * where the store itself answers "not scored" for unknown entities.
   */
  async assertVisible(
    credentials: BackstageCredentials,
    entityRef: string,
  ): Promise<VisibleEntityRefs> {
    const visible = await this.getVisibleEntityRefs(credentials);
    if (visible) {
      let refs = this.#visibleSets.get(visible);
      if (!refs) {
        refs = new Set(visible);
        this.#visibleSets.set(visible, refs);
      }
      if (!refs.has(entityRef)) {
        throw new NotFoundError(`No entity ${entityRef} in the catalog`);
      }
    }
    return visible;
  }

  /**
   * Which entities the caller may read: `undefined` for all of them,
   * otherwise the list of refs (possibly empty).
   */
  async getVisibleEntityRefs(
    credentials: BackstageCredentials,
  ): Promise<VisibleEntityRefs> {
    return this.#visibility.get(this.principalKey(credentials), () =>
      this.computeVisibleEntityRefs(credentials),
    );
  }

  /** Forgets cached visibility (e.g. after the catalog changed). */
  clearCache(): void {
    this.#visibility.clear();
  }

  private principalKey(credentials: BackstageCredentials): string {
    const { auth } = this.options;
    if (auth.isPrincipal(credentials, 'user')) {
      return `user:${credentials.principal.userEntityRef}`;
    }
    if (auth.isPrincipal(credentials, 'service')) {
      return `service:${credentials.principal.subject}`;
    }
    return 'none';
  }

  private async computeVisibleEntityRefs(
    credentials: BackstageCredentials,
  ): Promise<VisibleEntityRefs> {
    const [decision] = await retryTransientErrors(() =>
      this.options.permissions.authorizeConditional(
        [{ permission: catalogEntityReadPermission }],
        { credentials },
      ),
    );
    if (decision.result === AuthorizeResult.ALLOW) {
      return undefined;
    }
    if (decision.result === AuthorizeResult.DENY) {
      return [];
    }
    const refs: string[] = [];
    let cursor: string | undefined;
    do {
      const request = cursor
        ? { cursor, fields: REF_FIELDS, limit: VISIBILITY_PAGE_SIZE }
        : {
            filter: { kind: this.options.kinds },
            fields: REF_FIELDS,
            limit: VISIBILITY_PAGE_SIZE,
          };
      const page = await retryTransientErrors(() =>
        this.options.catalog.queryEntities(request, { credentials }),
      );
      for (const entity of page.items) {
        refs.push(stringifyEntityRef(entity));
      }
      cursor = page.pageInfo.nextCursor;
    } while (cursor);
    return refs;
  }
}
