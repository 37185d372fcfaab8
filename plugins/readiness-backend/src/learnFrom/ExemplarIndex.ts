import type {
  ExemplarPick,
  ExemplarPool,
  ExemplarQuery,
} from '../database/ReadinessStore';

/** At most this many of the asking entity's traits count for similarity. */
const MAX_SIMILARITY_TRAITS = 10;
/** Id of "no value": never equal to the id of a value the asker has. */
const NONE = 0;
/** Id of a value of the asker that no candidate has. */
const UNKNOWN = -1;

/**
 * An exemplar chosen by {@link ExemplarIndex.rank}, with its similarity
 * points and traits (to explain the similarity).
 *
 * @internal
 */
export interface RankedExemplar extends ExemplarPick {
  similarity: number;
  traits: string[];
}

/**
 * The learn-from ranking in memory, over an {@link ExemplarPool}: for each
 * failing check, the entities of other owners passing it, ranked by
 * similarity (same system +3, same domain +2, same type +1, each shared
 * trait +1, among the asker's first 10 traits), then score (best first),
 * then entity ref — the ranking of the store's `findExemplars` query,
 * computed over a few integer arrays instead of per-row `LIKE`s in the
 * database. Strings (owners, systems, domains, types, traits) are interned
 * to integers once, when the index is built.
 *
 * @internal
 */
export class ExemplarIndex {
  /** Builds the index of a pool. */
  static fromPool(pool: ExemplarPool): ExemplarIndex {
    return new ExemplarIndex(pool);
  }

  /** The results version the pool was read at. */
  readonly version: number;
  readonly #ids = new Map<string, number>();
  readonly #refs: string[];
  readonly #traits: string[][];
  readonly #owner: Int32Array;
  readonly #system: Int32Array;
  readonly #domain: Int32Array;
  readonly #type: Int32Array;
  readonly #traitIds: Int32Array[];
  readonly #passing = new Map<string, Int32Array>();

  private constructor(pool: ExemplarPool) {
    this.version = pool.version;
    const n = pool.entities.length;
    this.#refs = new Array(n);
    this.#traits = new Array(n);
    this.#owner = new Int32Array(n);
    this.#system = new Int32Array(n);
    this.#domain = new Int32Array(n);
    this.#type = new Int32Array(n);
    this.#traitIds = new Array(n);
    pool.entities.forEach((entity, i) => {
      this.#refs[i] = entity.entityRef;
      this.#traits[i] = entity.traits;
      this.#owner[i] = this.intern(entity.owner);
      this.#system[i] = this.intern(entity.system);
      this.#domain[i] = this.intern(entity.domain);
      this.#type[i] = this.intern(entity.type);
      this.#traitIds[i] = Int32Array.from(entity.traits, t => this.intern(t));
    });
    for (const [checkId, list] of pool.passing) {
      this.#passing.set(checkId, Int32Array.from(list));
    }
  }

  /** Number of entities in the index. */
  get size(): number {
    return this.#refs.length;
  }

  private intern(value: string | undefined): number {
    if (!value) {
      return NONE;
    }
    let id = this.#ids.get(value);
    if (id === undefined) {
      id = this.#ids.size + 1;
      this.#ids.set(value, id);
    }
    return id;
  }

  private idOf(value: string | undefined): number {
    return value ? this.#ids.get(value) ?? UNKNOWN : UNKNOWN;
  }

  /**
   * The best `query.limit` exemplars of each of `query.checkIds`, by check in
   * the order given, best first. `isVisible` hides entities the caller may
   * not read.
   */
  rank(
    query: ExemplarQuery,
    isVisible?: (entityRef: string) => boolean,
  ): RankedExemplar[] {
    const limit = query.limit;
    if (limit < 1) {
      return [];
    }
    const system = this.idOf(query.system);
    const domain = this.idOf(query.domain);
    const type = this.idOf(query.type);
    const owner = query.owner ? this.idOf(query.owner) : UNKNOWN;
    const wanted = new Set<number>();
    for (const trait of query.traits.slice(0, MAX_SIMILARITY_TRAITS)) {
      const id = this.#ids.get(trait);
      if (id !== undefined) {
        wanted.add(id);
      }
    }
    const best =
      (system !== UNKNOWN ? 3 : 0) +
      (domain !== UNKNOWN ? 2 : 0) +
      (type !== UNKNOWN ? 1 : 0) +
      wanted.size;

    const out: RankedExemplar[] = [];
    for (const checkId of new Set(query.checkIds)) {
      const candidates = this.#passing.get(checkId);
      if (!candidates) {
        continue;
      }
      // Candidates come best score first (ties by ref): a later one only
      // beats a kept one with strictly more similarity points.
      const top: Array<{ i: number; similarity: number }> = [];
      for (let c = 0; c < candidates.length; c++) {
        const i = candidates[c];
        if (this.#owner[i] === owner || this.#refs[i] === query.entityRef) {
          continue;
        }
        let similarity = 0;
        if (this.#system[i] === system) similarity += 3;
        if (this.#domain[i] === domain) similarity += 2;
        if (this.#type[i] === type) similarity += 1;
        if (wanted.size > 0) {
          const traits = this.#traitIds[i];
          for (let t = 0; t < traits.length; t++) {
            if (wanted.has(traits[t])) similarity += 1;
          }
        }
        if (top.length === limit && similarity <= top[limit - 1].similarity) {
          continue;
        }
        if (isVisible && !isVisible(this.#refs[i])) {
          continue;
        }
        let at = top.length;
        while (at > 0 && top[at - 1].similarity < similarity) {
          at -= 1;
        }
        top.splice(at, 0, { i, similarity });
        if (top.length > limit) {
          top.pop();
        }
        if (top.length === limit && top[limit - 1].similarity >= best) {
          break;
        }
      }
      for (const { i, similarity } of top) {
        out.push({
          checkId,
          entityRef: this.#refs[i],
          similarity,
          traits: this.#traits[i],
        });
      }
    }
    return out;
  }
}
