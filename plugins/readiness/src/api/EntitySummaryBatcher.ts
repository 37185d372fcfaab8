import type { EntitySummary } from '@prodready/plugin-readiness-common';

interface Queued {
  ref: string;
  resolve(summary: EntitySummary | undefined): void;
  reject(error: unknown): void;
}

/**
 * Collects single-entity summary lookups made within a short window and
 * answers them with one batch load, so that a table page of 20 rows costs one
 * request rather than 20. A lookup of a ref already queued or loading shares
 * that answer, and answers are kept for a short while, so that a table
 * re-rendering its rows does not ask again.
 */
export class EntitySummaryBatcher {
  private readonly load: (entityRefs: string[]) => Promise<EntitySummary[]>;
  private readonly windowMs: number;
  private readonly cacheMs: number;
  private readonly cache = new Map<
    string,
    { summary: EntitySummary | undefined; at: number }
  >();
  /** Lookups queued or loading, by lower-case ref. */
  private readonly pending = new Map<
    string,
    Promise<EntitySummary | undefined>
  >();
  private queue = new Map<string, Queued>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: {
    load: (entityRefs: string[]) => Promise<EntitySummary[]>;
    /** How long lookups wait to be batched, in milliseconds; default 10. */
    windowMs?: number;
    /** How long answers are kept, in milliseconds; default 30 s, 0 keeps none. */
    cacheMs?: number;
  }) {
    this.load = options.load;
    this.windowMs = options.windowMs ?? 10;
    this.cacheMs = options.cacheMs ?? 30_000;
  }

  /** The summary of one entity, or `undefined` when it is not scored. */
  get(entityRef: string): Promise<EntitySummary | undefined> {
    const key = entityRef.toLocaleLowerCase('en-US');
    const cached = this.cache.get(key);
    if (cached && Date.now() - cached.at <= this.cacheMs) {
      return Promise.resolve(cached.summary);
    }
    const pending = this.pending.get(key);
    if (pending) {
      return pending;
    }
    const promise = new Promise<EntitySummary | undefined>(
      (resolve, reject) => {
        this.queue.set(key, { ref: entityRef, resolve, reject });
        if (!this.timer) {
          this.timer = setTimeout(() => this.flush(), this.windowMs);
        }
      },
    );
    this.pending.set(key, promise);
    const settle = () => this.pending.delete(key);
    promise.then(settle, settle);
    return promise;
  }

  private async flush(): Promise<void> {
    const batch = this.queue;
    this.queue = new Map();
    this.timer = undefined;
    try {
      const summaries = await this.load(
        Array.from(batch.values(), queued => queued.ref),
      );
      const byRef = new Map(
        summaries.map(s => [s.entityRef.toLocaleLowerCase('en-US'), s]),
      );
      const now = Date.now();
      for (const [key, queued] of batch) {
        const summary = byRef.get(key);
        if (this.cacheMs > 0) {
          this.cache.set(key, { summary, at: now });
        }
        queued.resolve(summary);
      }
    } catch (error) {
      batch.forEach(queued => queued.reject(error));
    }
  }
}
