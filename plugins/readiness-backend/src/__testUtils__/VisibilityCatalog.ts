import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  catalogServiceMock,
  type CatalogServiceMock,
} from '@backstage/plugin-catalog-node/testUtils';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import {
  catalogServiceRef,
  type CatalogService,
} from '@backstage/plugin-catalog-node';
import { createServiceFactory } from '@backstage/backend-plugin-api';

type Options = { credentials: BackstageCredentials } | undefined;

function userOf(options: unknown): string | undefined {
  const credentials = (options as Options)?.credentials;
  const principal = credentials?.principal as
    | { type?: string; userEntityRef?: string }
    | undefined;
  return principal?.type === 'user' ? principal.userEntityRef : undefined;
}

/**
 * An in-memory catalog that, like the real one under a permission policy,
 * hides some entities from some users: what they may read depends on the
 * credentials passed with each call. Also counts calls, so tests can check
 * that an unrestricted caller costs no catalog request.
 *
 * @internal
 */
export class VisibilityCatalog {
  readonly calls: string[] = [];
  readonly #hidden: Map<string, Set<string>>;
  readonly #visible: CatalogServiceMock;
  readonly #entities: Entity[];

  constructor(entities: Entity[], hidden: Record<string, string[]>) {
    this.#entities = entities;
    this.#visible = catalogServiceMock({ entities });
    this.#hidden = new Map(
      Object.entries(hidden).map(([user, refs]) => [user, new Set(refs)]),
    );
  }

  private hiddenFor(options: unknown): Set<string> {
    const user = userOf(options);
    return (user && this.#hidden.get(user)) || new Set();
  }

  /** The catalog service, for a test backend or direct use. */
  get service(): CatalogService {
    const inner = this.#visible;
    const calls = this.calls;
    const allEntities = this.#entities;
    const hiddenFor = (options: unknown) => this.hiddenFor(options);
    const filterFor = (options: unknown) => {
      const hidden = hiddenFor(options);
      return (entities: Entity[]) =>
        hidden.size
          ? entities.filter(e => !hidden.has(stringifyEntityRef(e)))
          : entities;
    };
    const service: Partial<CatalogService> = {
      async getEntityByRef(ref, options) {
        calls.push('getEntityByRef');
        const entity = await inner.getEntityByRef(ref);
        if (entity && hiddenFor(options).has(stringifyEntityRef(entity))) {
          return undefined;
        }
        return entity;
      },
      async queryEntities(request, options) {
        calls.push('queryEntities');
        const hidden = hiddenFor(options);
        if (hidden.size === 0) {
          return inner.queryEntities(request);
        }
        // Serve restricted users from a catalog without their hidden entities.
        const restricted = catalogServiceMock({
          entities: filterFor(options)(allEntities),
        });
        return restricted.queryEntities(request);
      },
      async getEntitiesByRefs(request, options) {
        calls.push('getEntitiesByRefs');
        const hidden = hiddenFor(options);
        const response = await inner.getEntitiesByRefs(request);
        return {
          items: response.items.map(e =>
            e && hidden.has(stringifyEntityRef(e)) ? undefined : e,
          ),
        };
      },
      async getEntities(request, options) {
        calls.push('getEntities');
        const response = await inner.getEntities(request);
        return { items: filterFor(options)(response.items) };
      },
    };
    return new Proxy(service as CatalogService, {
      get(target, prop, receiver) {
        if (prop in target) {
          return Reflect.get(target, prop, receiver);
        }
        return (inner as unknown as Record<string | symbol, unknown>)[prop];
      },
    });
  }

  /** A service factory installing this catalog in a test backend. */
  factory() {
    const service = this.service;
    return createServiceFactory({
      service: catalogServiceRef,
      deps: {},
      factory: () => service,
    });
  }
}
