import type { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  search?: {
    collators?: {
      /**
       * The readiness collator: one search document per scored entity, with
       * its level, score and gaps.
       */
      readiness?: {
        /**
         * When to rebuild the readiness index; the keys written override
         * those of the default: every 10 minutes, first run 1 minute after
         * start-up, timeout 15 minutes.
         * @default { frequency: { minutes: 10 }, timeout: { minutes: 15 }, initialDelay: { minutes: 1 } }
         */
        schedule?: Partial<SchedulerServiceTaskScheduleDefinitionConfig>;
        /**
         * Where a search result leads; `:namespace`, `:kind` and `:name` are
         * replaced. Default `/catalog/:namespace/:kind/:name/readiness`.
         * @default /catalog/:namespace/:kind/:name/readiness
         */
        locationTemplate?: string;
        /**
         * Entities per page read from `/api/readiness/search`, 1–500. Default 500.
         * @default 500
         */
        pageSize?: number;
        /**
         * Scorecards fetched at once when the readiness backend does not return
         * failing check ids with its search results, 1–50. Default 5.
         * @default 5
         */
        concurrency?: number;
      };
    };
  };
}
