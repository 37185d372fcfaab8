import type {
  PushedFactsResponse,
  PushFactsRequest,
} from '@prodready/plugin-readiness-common';
import type { CallerOptions } from './CallerOptions';

/**
 * Facts pushed from outside Backstage for entities the caller may read.
 * Pushing needs a service principal or `readiness.facts.push`. Implemented
 * by {@link AuthorizedFactsService}.
 *
 * @internal
 */
export interface FactsService {
  /** Stores the facts for the entity and rescores it. */
  push(
    request: PushFactsRequest,
    options: CallerOptions,
  ): Promise<PushedFactsResponse>;

  /** The entity's pushed facts, with `observedAt` and staleness. */
  list(entityRef: string, options: CallerOptions): Promise<PushedFactsResponse>;
}
