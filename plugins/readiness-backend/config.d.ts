import type { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';
import type { HumanDuration } from '@backstage/types';

/**
 * Configuration of the readiness backend plugin. The check pack keys
 * (`readiness.checks`, `readiness.levels`) are documented by
 * `@prodready/plugin-readiness-common`.
 */
export interface Config {
  /**
   * Read once at start-up by `readReadinessBackendConfig` (src/config.ts) and
   * `readRepositoryConfig` (src/facts/readRepositoryConfig.ts), both through
   * `readConfigValues` of `@prodready/plugin-readiness-node`: an invalid
   * value stops the backend with an error naming its path.
   */
  readiness?: {
    /**
     * When the full rescore of the catalog runs. It always runs with
     * `scope: global`: one replica at a time. Default: every 30 minutes,
     * timeout 15 minutes, first run 5 seconds after start-up (so the catalog
     * has loaded in development). A `{ trigger: manual }` frequency disables
     * the periodic run; rescores then only start through `POST /runs`.
     * @default { frequency: { minutes: 30 }, timeout: { minutes: 15 }, initialDelay: { seconds: 5 } }
     */
    schedule?: Partial<SchedulerServiceTaskScheduleDefinitionConfig>;

    /** How entities are scored. */
    scoring?: {
      /**
       * Entity kinds that are scored. Entities of these kinds to which no
       * check applies are not stored. Default
       * `[Component, API, Resource, System]`.
       * @default [Component, API, Resource, System]
       */
      kinds?: string[];
      /**
       * Entities whose facts are collected at the same time, 1–64. Default 8.
       * @default 8
       */
      concurrency?: number;
      /**
       * Entities read from the catalog per page and written per transaction,
       * 1–500. Default 500.
       * @default 500
       */
      pageSize?: number;
      /**
       * The catalog may still be ingesting when the backend starts: a process
       * rescores again this long after its first run, and after any run that
       * saw a different number of entities than the run before:
       * milliseconds, a duration string ('60s') or an object. Default
       * 60 seconds.
       * @default { seconds: 60 }
       */
      settleDelay?: number | string | HumanDuration;
      /**
       * Settle reruns in a row at most, 0–100; 0 disables them. Default 5.
       * @default 5
       */
      maxSettleRuns?: number;
      /**
       * Sharing full rescores between replicas: a run is split into shards of
       * entity refs (table `run_shards`) that every replica claims and
       * scores; a shard of a replica that stops sending heartbeats for a
       * minute is taken over by another.
       */
      shards?: {
        /**
         * Split full runs into shards that every replica works on (each
         * replica runs a local shard task every 2 seconds); a single replica
         * simply claims every shard itself. Off: the replica that runs the
         * scheduled task scores everything, page by page. Default true.
         * @default true
         */
        enabled?: boolean;
        /**
         * Entities per shard, 1–5000. Default 500.
         * @default 500
         */
        size?: number;
      };
      /**
       * The delta pass: new and changed catalog entities (by
       * `metadata.etag`) are scored within seconds, between full runs.
       */
      delta?: {
        /**
         * Run the delta pass (a global scheduler task). Default true.
         * @default true
         */
        enabled?: boolean;
        /**
         * Time between two passes: milliseconds, a duration string ('5s')
         * or an object. Default 5 seconds.
         * @default { seconds: 5 }
         */
        interval?: number | string | HumanDuration;
        /**
         * Most entities scored in one pass (the rest in the next),
         * 1–100 000. Default 2000.
         * @default 2000
         */
        maxPerPass?: number;
      };
    };

    /** Change history. */
    history?: {
      /**
       * Days that change history, score snapshots and expired exemptions are
       * kept, also for entities removed from the catalog, 1–3650. Default 180.
       * @default 180
       */
      retentionDays?: number;
    };

    /**
     * The dependency-risk check `dependencies.ready`: what a Component
     * depends on (`spec.dependsOn`) and the APIs it consumes reach the level
     * its tier asks of dependencies, judged on their last stored scores.
     * Its evidence lists each dependency's level and owner contact.
     */
    dependencies?: {
      /**
       * Whether the check is in the pack.
       * @default true
       */
      enabled?: boolean;
      /**
       * The level the check belongs to (a level id of the pack).
       * @default silver
       */
      checkLevel?: string;
      /**
       * The level every dependency must reach (a level id of the pack).
       * @default bronze
       */
      minimumLevel?: string;
      /**
       * Stricter levels per tier, e.g. `{ tier-1: gold }`; tiers are
       * normalised as everywhere (`1`, `Tier 1`, `critical` → `tier-1`).
       * @default { tier-1: silver }
       */
      minimumLevelByTier?: { [tier: string]: string };
    };

    /**
     * The roll-up checks of Systems and Domains, one per level
     * (`rollup.parts-bronze`, `rollup.parts-silver`…): a System reaches a
     * level when every component and resource of it that has a level
     * reaches that level (a Domain: every system of it), judged on their
     * last stored scores. A System whose parts have no level yet gets no
     * level, and its summary says what is scored and why.
     */
    rollup?: {
      /**
       * Whether the roll-up checks are in the pack.
       * @default true
       */
      enabled?: boolean;
    };

    /**
     * The level each tier of service is expected to reach. Every scorecard
     * and summary carries its target and the levels to go; search filters
     * `belowTarget=true` and sorts by `targetGap`. Computed from stored
     * scores at read time, so a change here needs no rescore.
     */
    targets?: {
      /**
       * Target level id per tier, e.g. `{ tier-1: gold, tier-2: silver }`;
       * tiers are normalised as everywhere (`1`, `Tier 1`, `critical` →
       * `tier-1`); other tiers have no target; `{}` turns targets off. A
       * level that is not in the pack fails startup, naming the key.
       * The CLI reads the same key.
       * @default { tier-1: gold, tier-2: silver }
       */
      byTier?: { [tier: string]: string };
    };

    /** Learn-from exemplars on the entity scorecard. */
    learnFrom?: {
      /**
       * Entities of other owners shown per failing check, 0–20; 0 turns the
       * feature off. Default 3.
       * @default 3
       */
      limit?: number;
    };

    /**
     * Notifications to the owning team when an entity's level changes: a
     * drop (severity high, with the checks it now fails) or a rise (severity
     * low). Needs the Backstage notifications backend. Entities scored for
     * the first time send nothing.
     */
    notifications?: {
      /**
       * Send them. Default false.
       * @default false
       */
      enabled?: boolean;
      /**
       * When one write (up to `scoring.pageSize` entities) changes more
       * levels than this, e.g. after the check pack changed, none of them is
       * sent and a warning is logged instead. 1–10 000, default 50.
       * @default 50
       */
      maxPerBatch?: number;
    };

    /**
     * A weekly readiness digest per team, as a Backstage notification to the
     * team: its entities' level changes over the past week, campaign
     * deadlines within 14 days, and entities of other teams that started
     * passing a check the team fails (whom to ask). Opt-in per team. Sent
     * once per team and week (recorded in the database), from one replica.
     * Needs the Backstage notifications backend.
     */
    digests?: {
      /**
       * Send them. Default false.
       * @default false
       */
      enabled?: boolean;
      /**
       * The teams that get one: Group entity refs (`team-a` reads as
       * `group:default/team-a`), or `all` for every Group in the catalog.
       * None by default.
       * @default []
       */
      teams?: string[] | 'all';
      /**
       * When the task runs. Running it more often is harmless: each team
       * gets one digest per week (Monday to Sunday, UTC), on the first run
       * of the week. Default: Mondays at 08:00 UTC.
       * @default { frequency: { cron: '0 8 * * 1' }, timeout: { minutes: 10 } }
       */
      schedule?: Partial<SchedulerServiceTaskScheduleDefinitionConfig>;
    };

    /**
     * Campaigns kept as code: each a goal over a scope of entities, with a
     * start and a deadline. They are listed with the campaigns created
     * through the API (`POST /campaigns`) but read-only there (409 on edits):
     * change them here. An invalid campaign stops the backend with an error
     * naming its key and value. None by default.
     * @default []
     */
    campaigns?: Array<{
      /** Stable id, a slug (`tier1-runbooks`): the campaign page's URL. */
      id: string;
      /** Short name, e.g. `Runbooks for every tier-1 service`. */
      title: string;
      /** Why and how, in Markdown. */
      description?: string;
      /** The group or user running the campaign (`group:default/sre`). */
      owner: string;
      /**
       * What every entity in scope must achieve: pass (or be exempt from)
       * each of `checks`, or reach `level` or above. Exactly one of them.
       */
      goal: {
        /** Check ids of the check pack. */
        checks?: string[];
        /** A level id of the check pack. */
        level?: string;
      };
      /**
       * Which scored entities the campaign covers: every listed dimension
       * must match, any value within one. Empty: every scored entity.
       */
      scope?: {
        /** Owner refs; a group's child groups are included, transitively. */
        owners?: string[];
        /** System refs. */
        systems?: string[];
        /** Entity kinds (`component`). */
        kinds?: string[];
        /** Tiers (`tier-1`, `1`, `critical`), normalised as everywhere. */
        tiers?: string[];
        /** `spec.lifecycle` values. */
        lifecycles?: string[];
      };
      /** The day it starts, `YYYY-MM-DD`. */
      startsAt: string;
      /** The day the scope should meet the goal, `YYYY-MM-DD`. */
      deadline: string;
    }>;

    /**
     * Facts that may be pushed from outside Backstage (`POST /facts`, e.g.
     * `readiness push` in CI), by fact key (letters, digits, `-` and `_`).
     * Rules read them as `fact: pushed.<key>`. A key that is not declared
     * here is refused. None by default.
     * @default {}
     */
    pushedFacts?: {
      [key: string]: {
        /**
         * The JSON schema a pushed value must match, e.g.
         * `{ type: number, minimum: 0, maximum: 100 }`; a value that does
         * not is refused with 400 naming the field.
         */
        schema: object;
        /**
         * How long after its `observedAt` a value is fresh; then it is stale
         * and checks reading it are `unknown` ("stale since …"):
         * milliseconds, a duration string ('7d', 'P7D') or an object.
         * Default 7 days.
         * @default { days: 7 }
         */
        ttl?: number | string | HumanDuration;
      };
    };

    /** In-memory caches of the API. */
    cache?: {
      /**
       * How long a caller's catalog visibility (permission decisions) is
       * reused, and the longest an unused roll-up, trend, champions list,
       * search page or count is kept. Those aggregates are also keyed by the
       * scores version in the database, so a write by any replica makes them
       * stale on every replica (see `versionCheckInterval`): milliseconds, a
       * duration string ('30s') or an object; 0 turns the caches off.
       * Default 30 seconds.
       * @default { seconds: 30 }
       */
      ttl?: number | string | HumanDuration;
      /**
       * How often a replica reads the scores version (one primary-key lookup
       * in `store_versions`) that its cached roll-ups, trends, champions,
       * search pages, counts and export bodies are keyed by: another
       * replica's write of scores or exemptions shows at most this much
       * later; this replica's own writes show at once. 0 reads it at every
       * request. Default 1 second.
       * @default { seconds: 1 }
       */
      versionCheckInterval?: number | string | HumanDuration;
    };

    /**
     * Links of entities, as the checks see them.
     */
    links?: {
      /**
       * Fetch the runbook, dashboard and logs links of every entity to tell
       * whether they answer (`HEAD`, then `GET` on 405/501; redirects are
       * not followed). A link that answered is `observed` evidence; a dead
       * one (404, 410, 5xx, an unknown host, a refused connection) is not
       * counted, so a dead runbook link fails with the status it got. Off by
       * default: turning it on makes the backend send requests to the hosts
       * of catalog links.
       */
      verify?: {
        /**
         * Turn link verification on. Default false.
         * @default false
         */
        enabled?: boolean;
        /**
         * Time budget of one request; a link that does not answer in time
         * is left unchecked (counted as declared). Default 5 seconds.
         * @default { seconds: 5 }
         */
        timeout?: number | string | HumanDuration;
        /**
         * How long what a URL answered is reused; 0 turns the cache off.
         * Default 1 hour.
         * @default { hours: 1 }
         */
        cacheTtl?: number | string | HumanDuration;
        /**
         * Least time between two requests to the same host (a per-host rate
         * limit); 0 turns it off. Default 500 ms.
         * @default 500
         */
        perHostInterval?: number | string | HumanDuration;
        /**
         * Hosts that may be fetched: exact names or `*.example.com` for any
         * subdomain. Links to other hosts are left unchecked. Default: empty,
         * any public host.
         * @default []
         */
        allowedHosts?: string[];
        /**
         * Allow requests to private, loopback and link-local addresses. The
         * host is resolved and every address it resolves to is checked (not
         * only its name), and the connection goes to the checked address.
         * Default false.
         * @default false
         */
        allowPrivateAddresses?: boolean;
        /**
         * Most links fetched per entity (1–100). Default 10.
         * @default 10
         */
        maxLinksPerEntity?: number;
      };
    };

    /** How the repository fact provider reads entities' source repositories. */
    repository?: {
      /**
       * Most interesting files (CI, deploy, runbook, manifest… files) listed
       * per repository; a repository with more is read up to this bound and
       * marked `truncated`. Default 2000.
       * @default 2000
       */
      maxFiles?: number;
      /**
       * Time budget of one repository read: milliseconds, a duration string
       * ('10s', 'PT10S') or an object ({ seconds: 10 }). The abort signal is
       * passed to the UrlReader; a read that overruns it makes the checks
       * that need repository facts `unknown`. Default
       * 10 seconds.
       * @default { seconds: 10 }
       */
      timeout?: number | string | HumanDuration;
      /**
       * How long a successful read of a repository is reused. Default 1 hour.
       * @default { hours: 1 }
       */
      cacheTtl?: number | string | HumanDuration;
      /**
       * How long a failed read is remembered before it is retried. Default 5 minutes.
       * @default { minutes: 5 }
       */
      failureCacheTtl?: number | string | HumanDuration;
      /**
       * Most repositories kept in the cache; least recently used go first. Default 5000.
       * @default 5000
       */
      cacheSize?: number;
      /**
       * Read `dir:` / `file:` source locations from this machine's disk. For
       * development and the example organisation only; keep it off in
       * production. Default false.
       * @default false
       */
      allowLocalPaths?: boolean;
      /**
       * Directories local source locations must be inside (symbolic links
       * resolved); relative paths resolve against the backend's working
       * directory. Default: the repository root of the running app — the
       * nearest directory above the working directory that contains
       * `examples/`, else the npm/yarn workspace root.
       * @default [the repository root of the running app]
       */
      localRoots?: string[];
    };
  };
}
