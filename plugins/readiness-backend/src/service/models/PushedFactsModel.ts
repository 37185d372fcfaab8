import type { LoggerService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import type { JsonValue } from '@backstage/types';
import type {
  PushedFactsResponse,
  PushFactsRequest,
} from '@prodready/plugin-readiness-common';
import { toPushedFact } from '../../pushedFacts/PushedFactProvider';
import type {
  PushedFactsStore,
  StoredPushedFact,
} from '../../pushedFacts/PushedFactsStore';
import type { PushedFactKey } from '../../pushedFacts/readPushedFactsConfig';
import type { ScoringService } from '../../scoring/ScoringService';
import { requireScoredKind } from './requireScoredKind';

/**
 * Options of {@link PushedFactsModel}.
 *
 * @public
 */
export interface PushedFactsModelOptions {
  store: PushedFactsStore;
  /** The keys declared in `readiness.pushedFacts`. */
  keys: ReadonlyMap<string, PushedFactKey>;
  scoring: ScoringService;
  logger: LoggerService;
  /** Kinds that are scored; pushes for entities of others are refused. */
  kinds?: string[];
  now?: () => Date;
}

/** How far in the future an `observedAt` may be (clock skew of CI runners). */
const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

function shortJson(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 100 ? `${text.slice(0, 100)}…` : text;
}

/**
 * Facts computed outside Backstage and pushed for an entity: each key must
 * be declared in `readiness.pushedFacts` and its value valid against the
 * key's JSON schema; a value is stale `ttl` after `observedAt`. Pushing
 * rescores the entity at once.
 *
 * @public
 */
export class PushedFactsModel {
  constructor(private readonly options: PushedFactsModelOptions) {}

  private now(): Date {
    return this.options.now ? this.options.now() : new Date();
  }

  /**
   * Validates and stores the facts for a visible entity (the caller
   * resolved it), then rescores it. Throws an `InputError` naming the
   * offending field and value.
   */
  async push(
    request: PushFactsRequest,
    entity: Entity,
    pushedBy: string,
  ): Promise<PushedFactsResponse> {
    const { store, keys } = this.options;
    requireScoredKind(entity, this.options.kinds);
    const now = this.now();
    const observedAt = this.readObservedAt(request.observedAt, now);
    const entityRef = stringifyEntityRef(entity);
    const entries = Object.entries(request.facts ?? {});
    if (entries.length === 0) {
      throw new InputError('Invalid facts: give at least one fact');
    }
    const facts: StoredPushedFact[] = entries.map(([key, value]) => {
      const declared = keys.get(key);
      if (!declared) {
        const known = [...keys.keys()].join(', ') || 'none';
        throw new InputError(
          `Invalid facts.${key}: no fact key '${key}' is declared in readiness.pushedFacts (declared: ${known})`,
        );
      }
      if (!declared.validate(value)) {
        const [error] = declared.validate.errors ?? [];
        const where = error?.instancePath
          ? error.instancePath.replace(/\//g, '.')
          : '';
        throw new InputError(
          `Invalid facts.${key}${where}: ${shortJson(value)} ${
            error?.message ?? 'does not match the schema'
          }`,
        );
      }
      return {
        entityRef,
        key,
        value: value as JsonValue,
        observedAt: observedAt.toISOString(),
        staleAt: new Date(observedAt.getTime() + declared.ttlMs).toISOString(),
        pushedAt: now.toISOString(),
        pushedBy,
      };
    });
    const kept = await store.savePushedFacts(facts);
    const rescored = await this.rescore(entity);
    return {
      entityRef,
      items: kept.map(fact => toPushedFact(fact, now)),
      rescored,
    };
  }

  /** The pushed facts of an entity, declared keys only. */
  async list(entity: Entity): Promise<PushedFactsResponse> {
    const entityRef = stringifyEntityRef(entity);
    const now = this.now();
    const stored = await this.options.store.listPushedFacts(entityRef);
    return {
      entityRef,
      items: stored
        .filter(fact => this.options.keys.has(fact.key))
        .map(fact => toPushedFact(fact, now)),
    };
  }

  private readObservedAt(value: string | undefined, now: Date): Date {
    if (value === undefined) {
      return now;
    }
    const time = Date.parse(value);
    if (Number.isNaN(time) || !/^\d{4}-\d{2}-\d{2}T/.test(value)) {
      throw new InputError(
        `Invalid observedAt '${value}': not an ISO 8601 date-time`,
      );
    }
    if (time > now.getTime() + MAX_CLOCK_SKEW_MS) {
      throw new InputError(
        `Invalid observedAt '${value}': it is in the future`,
      );
    }
    return new Date(time);
  }

  /** Rescoring is best effort: the facts apply at the next run anyway. */
  private async rescore(entity: Entity): Promise<boolean> {
    try {
      await this.options.scoring.scoreEntity(entity);
      return true;
    } catch (error) {
      this.options.logger.warn(
        `Could not rescore ${stringifyEntityRef(
          entity,
        )} after facts were pushed: ${(error as Error).message}`,
      );
      return false;
    }
  }
}
