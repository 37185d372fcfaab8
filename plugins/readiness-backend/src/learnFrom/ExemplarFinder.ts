import type { LoggerService } from '@backstage/backend-plugin-api';
import type {
  ExemplarCandidate,
  ExemplarQuery,
  ReadinessStore,
  VisibleEntityRefs,
} from '../database/ReadinessStore';
import { ExemplarIndex } from './ExemplarIndex';

/**
 * Options of {@link ExemplarFinder.create}.
 *
 * @internal
 */
export interface ExemplarFinderOptions {
  store: Pick<
    ReadinessStore,
    'getResultsVersion' | 'listExemplarPool' | 'getExemplarDetails'
  >;
  logger: LoggerService;
  /**
   * Rebuilds of the index start at most this often while the stored results
   * keep changing (during a full rescore); requests meanwhile rank on the
   * previous index. Default 2 s.
   */
  minRebuildIntervalMs?: number;
  now?: () => number;
}

/**
 * Finds learn-from exemplars for a scorecard in memory: an
 * {@link ExemplarIndex} of every passing result, rebuilt when the store's
 * results version changes. The version is read from the database at each
 * request, so a write by any replica makes every replica's index stale; a
 * stale index keeps answering while one rebuild runs in the background (the
 * first request of a process waits for the first build). The chosen
 * exemplars' summaries and evidence are read fresh, and picks that stopped
 * passing are dropped.
 *
 * @internal
 */
export class ExemplarFinder {
  /** Creates the finder; the index is built at the first request. */
  static create(options: ExemplarFinderOptions): ExemplarFinder {
    return new ExemplarFinder(options);
  }

  #index?: ExemplarIndex;
  #building?: Promise<ExemplarIndex>;
  #lastBuildStart = -Infinity;
  readonly #visibleSets = new WeakMap<ReadonlyArray<string>, Set<string>>();

  private constructor(private readonly options: ExemplarFinderOptions) {}

  /**
   * The results version of the index requests rank on now (`undefined`
   * before the first build): a scorecard ranked on it is current when it
   * equals the store's results version.
   */
  get indexVersion(): number | undefined {
    return this.#index?.version;
  }

  private now(): number {
    return this.options.now ? this.options.now() : Date.now();
  }

  /** Exemplars per failing check, as `ReadinessStore.findExemplars` ranks them. */
  async find(query: ExemplarQuery): Promise<ExemplarCandidate[]> {
    if (query.checkIds.length === 0 || query.limit < 1) {
      return [];
    }
    const index = await this.current();
    const picks = index.rank(query, this.visibility(query.visibleEntityRefs));
    const details = await this.options.store.getExemplarDetails(picks);
    const ranked = new Map(
      picks.map(p => [`${p.checkId}\n${p.entityRef}`, p] as const),
    );
    return details.map(d => {
      const pick = ranked.get(`${d.checkId}\n${d.entityRef}`)!;
      return {
        checkId: d.checkId,
        entity: d.entity,
        evidence: d.evidence,
        traits: pick.traits,
        similarity: pick.similarity,
      };
    });
  }

  /** A membership test for a list of visible refs, kept per list. */
  private visibility(
    visible: VisibleEntityRefs,
  ): ((entityRef: string) => boolean) | undefined {
    if (!visible) {
      return undefined;
    }
    let set = this.#visibleSets.get(visible);
    if (!set) {
      set = new Set(visible);
      this.#visibleSets.set(visible, set);
    }
    const refs = set;
    return ref => refs.has(ref);
  }

  private async current(): Promise<ExemplarIndex> {
    const version = await this.options.store.getResultsVersion();
    const index = this.#index;
    if (index && index.version === version) {
      return index;
    }
    const due =
      this.now() - this.#lastBuildStart >=
      (this.options.minRebuildIntervalMs ?? 2000);
    if (!this.#building && (due || !index)) {
      const building = this.build().finally(() => {
        this.#building = undefined;
      });
      this.#building = building;
      if (index) {
        building.catch(error =>
          this.options.logger.warn(
            `Could not rebuild the learn-from index: ${error}`,
          ),
        );
      }
    }
    return index ?? this.#building!;
  }

  private async build(): Promise<ExemplarIndex> {
    this.#lastBuildStart = this.now();
    const pool = await this.options.store.listExemplarPool();
    const index = ExemplarIndex.fromPool(pool);
    if (!this.#index || index.version >= this.#index.version) {
      this.#index = index;
    }
    return index;
  }
}
