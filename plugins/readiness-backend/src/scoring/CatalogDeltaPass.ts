import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { ReadinessStore } from '../database/ReadinessStore';
import { DEPENDENCY_MOVED_ETAG } from '../database/operations/etags';
import type { EntityScorer } from './EntityScorer';
import { abortReason } from './deadlines';

/** Catalog fields the delta pass reads per entity. */
const DELTA_FIELDS = [
  'kind',
  'metadata.namespace',
  'metadata.name',
  'metadata.etag',
];
/** Entities per catalog page of the delta pass (fields only: small). */
const DELTA_PAGE_SIZE = 1000;
/** Entities fetched whole and scored per batch. */
const SCORE_BATCH = 100;

/**
 * Options of {@link CatalogDeltaPass.create}.
 *
 * @public
 */
export interface CatalogDeltaPassOptions {
  store: ReadinessStore;
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  scorer: EntityScorer;
  kinds: string[];
  /** Entities scored at a time. */
  concurrency: number;
  /**
   * Most entities scored in one pass; more changes are left to the next
   * pass (or the full run), so a pass stays short.
   */
  maxPerPass?: number;
}

/**
 * What one delta pass found and did.
 *
 * @public
 */
export interface DeltaPassOutcome {
  /** Entities of the scored kinds in the catalog. */
  seen: number;
  /** New or changed entities found (by etag), dependents included. */
  changed: number;
  /**
   * Of those, entities unchanged in the catalog but marked because a
   * dependency's level moved; scored after the catalog's changes.
   */
  dependents: number;
  /** Entities scored and written in this pass. */
  scored: number;
  /** Entities gone from the catalog whose scores this pass removed. */
  removed: number;
  errors: string[];
}

/**
 * Scores new and changed catalog entities within seconds, without a full
 * rescore: lists the catalog's entities with four fields (kind, namespace,
 * name, `metadata.etag`, which the catalog changes whenever an entity
 * changes), compares each etag with the one the entity was last scored at
 * (`entity_etags`, written by every scoring), and fetches and scores only
 * those that differ or are new. At 50,000 entities a pass reads 50 small
 * catalog pages and one two-column table; the full entities are fetched for
 * changes only.
 *
 * Because it scores entities as they arrive, the first full run after start
 * cannot race ingestion any more: what the catalog has not produced yet is
 * scored by a later pass.
 *
 * @public
 */
export class CatalogDeltaPass {
  /** Creates the delta pass. */
  static create(options: CatalogDeltaPassOptions): CatalogDeltaPass {
    return new CatalogDeltaPass(options);
  }

  private constructor(private readonly options: CatalogDeltaPassOptions) {}

  /** Runs one pass. */
  async run(signal: AbortSignal): Promise<DeltaPassOutcome> {
    const { store, catalog, auth, kinds, scorer, logger } = this.options;
    const credentials = await auth.getOwnServiceCredentials();
    const stored = await store.listEntityEtags();
    const changed: string[] = [];
    const dependents: string[] = [];
    const present = new Set<string>();
    let seen = 0;
    let cursor: string | undefined;
    do {
      if (signal.aborted) {
        throw abortReason(signal);
      }
      const page = await catalog.queryEntities(
        cursor
          ? { cursor, limit: DELTA_PAGE_SIZE }
          : {
              filter: { kind: kinds },
              fields: DELTA_FIELDS,
              limit: DELTA_PAGE_SIZE,
            },
        { credentials },
      );
      for (const entity of page.items) {
        seen += 1;
        const ref = stringifyEntityRef(entity);
        present.add(ref);
        const etag = entity.metadata.etag;
        // Without an etag (catalog doubles) changes cannot be told: the full
        // run covers those.
        const storedEtag = stored.get(ref);
        if (etag && storedEtag === DEPENDENCY_MOVED_ETAG) {
          dependents.push(ref);
        } else if (etag && storedEtag !== etag) {
          changed.push(ref);
        }
      }
      cursor = page.pageInfo.nextCursor;
    } while (cursor);

    // Entities scored before and no longer listed left the catalog: their
    // scores go now rather than at the next full run, so that no page or
    // campaign counts an entity that is gone. An empty listing may be a
    // catalog outage, not an empty catalog; the full run judges that.
    const gone =
      seen > 0 ? [...stored.keys()].filter(ref => !present.has(ref)) : [];
    const removed =
      gone.length > 0 ? await store.removeEntities(gone, new Date()) : 0;

    const outcome: DeltaPassOutcome = {
      seen,
      changed: changed.length + dependents.length,
      dependents: dependents.length,
      scored: 0,
      removed,
      errors: [],
    };
    // The catalog's own changes first: a new entity is not kept waiting
    // behind the dependents of a level that moved.
    const todo = [...changed, ...dependents].slice(
      0,
      this.options.maxPerPass ?? 2000,
    );
    for (let i = 0; i < todo.length && !signal.aborted; i += SCORE_BATCH) {
      const { items } = await catalog.getEntitiesByRefs(
        { entityRefs: todo.slice(i, i + SCORE_BATCH) },
        { credentials },
      );
      const entities = items.filter((e): e is Entity => !!e);
      const batch = await scorer.scoreAndWrite(
        entities,
        { id: 'delta', trigger: 'entity' },
        signal,
        this.options.concurrency,
      );
      outcome.scored += batch.seen.length - batch.errors.length;
      outcome.errors.push(...batch.errors);
    }
    if (outcome.changed > 0 || outcome.removed > 0) {
      logger.info(
        `Delta pass: ${outcome.changed} new or changed of ${seen} entities (${outcome.dependents} for a dependency's level), ${outcome.scored} scored, ${outcome.removed} removed, ${outcome.errors.length} errors`,
      );
    }
    return outcome;
  }
}
