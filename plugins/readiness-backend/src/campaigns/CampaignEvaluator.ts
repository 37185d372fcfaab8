import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type {
  Campaign,
  EntitySummary,
} from '@prodready/plugin-readiness-common';
import type {
  ReadinessStore,
  StoreSearchAfter,
  StoreSearchFilters,
  VisibleEntityRefs,
} from '../database/ReadinessStore';
import { retryTransientErrors } from '../lib/retryTransientErrors';
import type { PackIndex } from '../pack/PackIndex';
import type { RollupScopeResolver } from '../rollups/RollupScopeResolver';
import {
  campaignGoalCheckIds,
  evaluateCampaignGoal,
  type CampaignGoalEvaluation,
} from './evaluateCampaignGoal';

const PAGE_SIZE = 500;
/** Entities evaluated per campaign at most; far above any real scope. */
const DEFAULT_MAX_ENTITIES = 20_000;

/**
 * One entity of a campaign's scope and whether it meets the goal.
 *
 * @internal
 */
export interface CampaignEntityEvaluation extends CampaignGoalEvaluation {
  entity: EntitySummary;
}

/**
 * Whose view a campaign is evaluated in.
 *
 * @internal
 */
export interface CampaignEvaluationOptions {
  /** Used to read groups (child groups hidden from the caller stay out). */
  credentials: BackstageCredentials;
  /** The entities the caller may read; `undefined` for all. */
  visible: VisibleEntityRefs;
  /** Only entities of this owner (a group: its child groups too). */
  owner?: string;
}

/**
 * Options of {@link CampaignEvaluator.create}.
 *
 * @internal
 */
export interface CampaignEvaluatorOptions {
  store: Pick<ReadinessStore, 'search' | 'listCheckStates'>;
  pack: PackIndex;
  catalog: CatalogService;
  /** Expands a group to its child groups, transitively. */
  scopes: RollupScopeResolver;
  maxEntities?: number;
}

/**
 * Finds the scored entities in a campaign's scope (owners with their child
 * groups, systems, kinds, tiers, lifecycles; every listed dimension must
 * match) that the caller may see, and evaluates the goal on each from the
 * stored results.
 *
 * @internal
 */
export class CampaignEvaluator {
  /** Creates the evaluator. */
  static create(options: CampaignEvaluatorOptions): CampaignEvaluator {
    return new CampaignEvaluator(options);
  }

  private constructor(private readonly options: CampaignEvaluatorOptions) {}

  /** The entities in scope, by name, each with its goal evaluation. */
  async evaluate(
    campaign: Pick<Campaign, 'goal' | 'scope'>,
    options: CampaignEvaluationOptions,
  ): Promise<CampaignEntityEvaluation[]> {
    const filters = await this.filtersOf(campaign, options);
    if (!filters) {
      return [];
    }
    const entities = await this.list(filters);
    const { store, pack } = this.options;
    const states = await store.listCheckStates(
      entities.map(e => e.entityRef),
      campaignGoalCheckIds(campaign.goal, pack),
    );
    return entities.map(entity => ({
      entity,
      ...evaluateCampaignGoal(
        campaign.goal,
        entity,
        states.get(entity.entityRef),
        pack,
      ),
    }));
  }

  /**
   * Owner refs with every group below each group, transitively, as the
   * caller may read them (a group it may not read stands for itself).
   */
  async expandOwners(
    refs: string[],
    credentials: BackstageCredentials,
  ): Promise<string[]> {
    const out = new Set<string>();
    for (const ref of refs) {
      out.add(ref);
      if (!ref.startsWith('group:')) {
        continue;
      }
      const group = await retryTransientErrors(() =>
        this.options.catalog.getEntityByRef(ref, { credentials }),
      );
      if (group) {
        const scope = await this.options.scopes.resolve(group, credentials);
        scope.members.forEach(member => out.add(member));
      }
    }
    return [...out];
  }

  /** The store filters of the scope; `undefined` when nothing can match. */
  private async filtersOf(
    campaign: Pick<Campaign, 'scope'>,
    options: CampaignEvaluationOptions,
  ): Promise<StoreSearchFilters | undefined> {
    const { scope } = campaign;
    let owners = scope.owners?.length
      ? await this.expandOwners(scope.owners, options.credentials)
      : undefined;
    if (options.owner) {
      const asked = await this.expandOwners(
        [options.owner],
        options.credentials,
      );
      owners = owners ? owners.filter(o => asked.includes(o)) : asked;
      if (owners.length === 0) {
        return undefined;
      }
    }
    return {
      ...(owners && { owner: owners }),
      ...(scope.systems?.length && { system: scope.systems }),
      ...(scope.kinds?.length && { kind: scope.kinds }),
      ...(scope.tiers?.length && { tier: scope.tiers }),
      ...(scope.lifecycles?.length && { lifecycle: scope.lifecycles }),
      visibleEntityRefs: options.visible,
    };
  }

  private async list(filters: StoreSearchFilters): Promise<EntitySummary[]> {
    const max = this.options.maxEntities ?? DEFAULT_MAX_ENTITIES;
    const items: EntitySummary[] = [];
    let after: StoreSearchAfter | undefined;
    do {
      const page = await this.options.store.search({
        ...filters,
        sort: 'name',
        order: 'asc',
        limit: Math.min(PAGE_SIZE, max - items.length),
        after,
      });
      items.push(...page.items);
      after = page.next;
    } while (after && items.length < max);
    return items;
  }
}
