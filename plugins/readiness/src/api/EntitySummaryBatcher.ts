import type { EntitySummary } from '@prodready/plugin-readiness-common';

/** The most refs `POST /summaries` accepts in one request. */
export const MAX_SUMMARIES_PER_REQUEST = 500;

interface Pending {
  resolve(summary: EntitySummary | undefined): void;
  reject(error: unknown): void;
}

/**
 * Collects single-entity summary lookups made within a short window and
 * answers them with one batch load, so that a table page of 20 rows costs one
 * request rather than 20. Lookups of the same ref within a window share one
 * answer.
 */
export class EntitySummaryBatcher {
  private readonly load: (entityRefs: string[]) => Promise<EntitySummary[]>;
  private readonly windowMs: number;
  private queue = new Map<string, { ref: string; waiting: Pending[] }>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: {
    load: (entityRefs: string[]) => Promise<EntitySummary[]>;
    windowMs?: number;
  }) {
    this.load = options.load;
    this.windowMs = options.windowMs ?? 10;
  }

  /** The summary of one entity, or `undefined` when it is not scored. */
  get(entityRef: string): Promise<EntitySummary | undefined> {
    return new Promise((resolve, reject) => {
      const key = entityRef.toLocaleLowerCase('en-US');
      const entry = this.queue.get(key);
      if (entry) {
        entry.waiting.push({ resolve, reject });
      } else {
        this.queue.set(key, { ref: entityRef, waiting: [{ resolve, reject }] });
      }
      if (!this.timer) {
        this.timer = setTimeout(() => this.flush(), this.windowMs);
      }
    });
  }

  private async flush(): Promise<void> {
    const batch = this.queue;
    this.queue = new Map();
    this.timer = undefined;
    const refs = Array.from(batch.values(), entry => entry.ref);
    try {
      const summaries = await this.load(refs);
      const byRef = new Map(
        summaries.map(s => [s.entityRef.toLocaleLowerCase('en-US'), s]),
      );
      for (const [key, entry] of batch) {
        const summary = byRef.get(key);
        entry.waiting.forEach(w => w.resolve(summary));
      }
    } catch (error) {
      for (const entry of batch.values()) {
        entry.waiting.forEach(w => w.reject(error));
      }
    }
  }
}
