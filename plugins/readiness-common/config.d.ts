/**
 * Configuration of the readiness check pack, read by
 * `readCheckPackFromConfig` (backend and CLI). Other `readiness.*` keys
 * (scheduling, providers) are documented by the backend plugin.
 */
export interface Config {
  readiness?: {
    /**
     * The levels, lowest first. Replaces the default bronze, silver, gold.
     * Every check's level must be one of these ids: keep the default ids to
     * rename levels (change `title`), add ids to add levels, and move
     * (`level`) or disable the checks of a level you drop.
     * @default [{ id: bronze, title: Bronze, color: '#a86b32' }, { id: silver, title: Silver, color: '#8a949e' }, { id: gold, title: Gold, color: '#c9a227' }]
     * @visibility frontend
     */
    levels?: Array<{
      /**
       * Level id, letters, digits, `-` and `_`, e.g. `bronze`.
       * @visibility frontend
       */
      id: string;
      /**
       * Shown to users, e.g. `Bronze`.
       * @visibility frontend
       */
      title: string;
      /**
       * Badge colour, any CSS colour, e.g. `#a86b32`.
       * @visibility frontend
       */
      color?: string;
    }>;

    /**
     * Changes to the check pack. An entry whose `id` is an existing check
     * (default or added in code) overrides the keys it gives or, with
     * `enabled: false`, removes the check. An entry with a new id adds a
     * declarative check (`title`, `level` and `rule` required). The
     * opt-in checks of the pack are turned on by naming them: the attested
     * checks and the API checks (`api.definition`, `api.docs`,
     * `api.consumer-contact`: an API's own check set). Invalid
     * entries stop the backend at startup with an error naming the path,
     * e.g. `readiness.checks[2].rule.anyOf[0]`, and the bad value.
     * @default [] (the default check pack unchanged)
     */
    checks?: Array<{
      /**
       * Check id, `<category>.<name>`, e.g. `delivery.rollback` or
       * `security.codeowners`.
       */
      id: string;
      /**
       * `false` removes the check from the pack. Default `true`.
       * @default true
       */
      enabled?: boolean;
      /** Short title, e.g. `CODEOWNERS file`. Required for a new check. */
      title?: string;
      /** One sentence: what the check looks for. */
      description?: string;
      /**
       * Category of a new check; defaults to the id's prefix. Cannot be
       * changed for an existing check.
       */
      category?: string;
      /** Level id (see `readiness.levels`). Required for a new check. */
      level?: string;
      /**
       * Weight in the score, ≥ 0. Default 1 for a new check.
       * @default 1
       */
      weight?: number;
      /**
       * Which entities the check applies to: a filter predicate in the shape
       * of `@backstage/filter-predicates` over the entity, e.g.
       * `{ kind: component, spec.type: { $in: [service, website] } }`.
       * Absent: every entity (for a new check) or unchanged (an override).
       */
      appliesTo?: object;
      /**
       * Fact namespaces the check cannot be decided without; when one is not
       * available the result is `unknown` with its reason. E.g. `[metrics]`.
       */
      requires?: string[];
      /**
       * Fact namespaces the rule also reads when available (informational;
       * inferred from the rule when absent).
       */
      optional?: string[];
      /**
       * The declarative rule. Operators: `allOf`, `anyOf`, `not`,
       * `annotation`, `link`, `label`, `tag`, `tier`, `field`, `filter`,
       * `file`, `dependency`, `owner`, `ownerContact`, `signal`, `metrics`,
       * `fact` (see the README of @prodready/plugin-readiness-common), e.g.
       * `{ anyOf: [ { annotation: pagerduty.com/service-id }, { link: oncall } ] }`.
       * Required for a new check.
       */
      rule?: object;
      /**
       * Makes the check attested, for what no tool can see: it passes while
       * an owner-team member's attestation (with an evidence link) is
       * current, then fails with "attestation expired on …"; `rule` is not
       * needed. The default pack's attested checks (`resilience.dr-drill`,
       * `resilience.load-test`, `security.review`) are off until an entry
       * with their id is given (e.g. `{ id: resilience.dr-drill, enabled: true }`).
       * Not attested by default.
       * @default undefined
       */
      attested?: {
        /**
         * Days an attestation stays valid, 1–3650. Default 180.
         * @default 180
         */
        expiresAfterDays?: number;
      };
      /**
       * A warning band: a declarative rule tried when `rule` fails; when it
       * holds the result is `warn` (not passing for levels) instead of
       * `fail`. E.g. rule `{ fact: pushed.coverage, gte: 80 }` with warn
       * `{ fact: pushed.coverage, gte: 60 }`. No band by default.
       * @default undefined
       */
      warn?: object;
      /**
       * The weakest evidence a pass may rest on: `declared` (an annotation,
       * a typed link, a field of the entity) or `observed` (a file in the
       * repository, live series or alert rules). A pass whose evidence is
       * all weaker becomes a fail saying so, e.g. `observed` for a Gold
       * check that must be seen in reality. A `hint` (a link's title or
       * icon alone) never passes any check.
       * @default declared
       */
      minStrength?: 'observed' | 'declared';
      /**
       * Rolls the check out without a score cliff: an advisory check is
       * evaluated, shown (marked "Advisory"), searched, exported and counted
       * in campaigns, but not in levels or the score, and never blocks a
       * level. Promote it by removing the key (or `false`); preview the
       * promotion first with `GET /preview?promote=<id>` or `readiness plan`.
       * @default false
       */
      advisory?: boolean;
      /** One-line reasons shown with the result. */
      messages?: {
        /** Shown when the check passes. */
        pass?: string;
        /** Shown when the check fails. */
        fail?: string;
        /**
         * Shown when the result is in the warning band. Default: the `fail`
         * message, marked as a warning.
         */
        warn?: string;
      };
      /**
       * What a team should do. Required for a new check (or give a
       * `description`, which is then used).
       */
      remediation?: {
        /** Markdown: what to do and which annotation, link or file satisfies it. */
        markdown?: string;
        /** Further reading. */
        links?: Array<{
          /** Link text. */
          title: string;
          /** Link target. */
          url: string;
        }>;
      };
    }>;

    /**
     * When an owner looks like a catch-all rather than a team (read by
     * `readOwnerShareConfig`, backend and CLI). An owner that owns at least
     * `minOwnedEntities` entities and at least `maxOwnerShare` of the catalog
     * (Components, APIs, Resources, Systems and Domains; the backend counts
     * them once per pass, the CLI over the files it scores) and lists no
     * contact (no email, chat or on-call link, no member email) makes
     * `ownership.owner-resolves` `unknown` with the reason, e.g.
     * "group:x/unspecified owns 91 of 120 catalog entities (76 %) and lists
     * no contact". Both thresholds must be met.
     */
    ownership?: {
      /**
       * Least share of the catalog, above 0 and at most 1. Default 0.25.
       * @default 0.25
       */
      maxOwnerShare?: number;
      /**
       * Least number of owned entities, so small catalogs are not judged.
       * Default 20.
       * @default 20
       */
      minOwnedEntities?: number;
    };
  };
}
