import path from 'node:path';
import type { Entity } from '@backstage/catalog-model';
import {
  CheckPack,
  FactDocument,
  FactNamespace,
  RepositoryFacts,
  compileCheckPack,
  computeTargetGap,
  countOwnedEntities,
  DEFAULT_TARGETS_BY_TIER,
  evaluateEntity,
  readEntityTier,
  type OwnerShareThresholds,
  type TargetPackView,
} from '@prodready/plugin-readiness-common';
import type { CatalogFileEntity } from '../files/loadCatalogFiles';
import {
  buildOfflineOwnerFacts,
  buildOfflineSystemFacts,
} from '../facts/buildOfflineCatalogFacts';
import { readLocalRepository } from '../facts/readLocalRepository';
import {
  RepositoryScope,
  findGitWorkTree,
  readOriginUrl,
  resolveRepositoryDirectory,
} from '../facts/resolveRepositoryDirectory';
import { clarifyReasons } from './clarifyReasons';
import { GateOptions, evaluateGate, levelIfUnknownPass } from './evaluateGate';
import type { ScoreReport, ScoredEntity } from './ScoreReport';

/**
 * Kinds that describe the organisation or the catalog itself rather than
 * something that runs in production; they are not scored unless `kinds`
 * names them.
 *
 * @public
 */
export const UNSCORED_KINDS: ReadonlyArray<string> = [
  'group',
  'user',
  'location',
  'template',
];

/**
 * Options of {@link scoreCatalog}.
 *
 * @public
 */
export interface ScoreCatalogOptions {
  /** Every entity of the files; the ones of {@link UNSCORED_KINDS} only inform owners and systems. */
  entities: CatalogFileEntity[];
  /**
   * Entities that only resolve owners, systems and members (`--context`);
   * never scored. An entity also in `entities` is taken from there.
   */
  contextEntities?: CatalogFileEntity[];
  pack: CheckPack;
  /**
   * `--repo` (absolute), `false` to collect no repository facts, or
   * undefined for the default: the catalog file's directory when it is in a
   * git work tree. See `resolveRepositoryDirectory` for which directory each
   * entity's facts come from.
   */
  repository?: string | false;
  /** The working directory, to print directories relative to it. */
  cwd?: string;
  /** Score only these kinds (case-insensitive). */
  kinds?: string[];
  gate: GateOptions;
  /**
   * Target level per normalised tier (`readiness.targets.byTier`); absent:
   * the defaults (tier-1 gold, tier-2 silver).
   */
  targetsByTier?: Readonly<Record<string, string>>;
  /**
   * When an owner's share of the files is implausible (`readiness.ownership`);
   * default `DEFAULT_OWNER_SHARE_THRESHOLDS`.
   */
  ownerShare?: OwnerShareThresholds;
  /** Evaluation time (for reproducible output). */
  now?: Date;
}

const METRICS_REASON = 'the CLI reads no live metrics';

function isScored(entity: Entity, kinds?: string[]): boolean {
  const kind = entity.kind.toLocaleLowerCase('en-US');
  if (kinds && kinds.length > 0) {
    return kinds.some(k => k.toLocaleLowerCase('en-US') === kind);
  }
  return !UNSCORED_KINDS.includes(kind);
}

/**
 * Scores the entities of catalog files offline: builds each entity's fact
 * document (`entity`; `owner` and `system` from the entities of the same
 * files; `repository` from the local checkout; `metrics` not configured),
 * evaluates the pack and decides the gate.
 *
 * @public
 */
export async function scoreCatalog(
  options: ScoreCatalogOptions,
): Promise<ScoreReport> {
  const { entities, pack, repository, kinds, gate, now } = options;
  const compiledPack = compileCheckPack(pack);
  const checkLevels = new Map(pack.checks.map(c => [c.id, c.level]));
  const targetView: TargetPackView = {
    levelIds: pack.levels.map(level => level.id),
    checkLevel: id => checkLevels.get(id),
  };
  const catalog = new Map(
    [...(options.contextEntities ?? []), ...entities].map(e => [
      e.entityRef,
      e.entity,
    ]),
  );

  // Once for the run: how many of the files' entities each owner owns.
  const ownership = {
    counts: countOwnedEntities(catalog.values()),
    thresholds: options.ownerShare,
  };

  const repositories = new Map<
    string,
    Promise<FactNamespace<RepositoryFacts>>
  >();
  const readRepository = (directory: string, root: string | undefined) => {
    const key = `${directory}\0${root ?? ''}`;
    let facts = repositories.get(key);
    if (!facts) {
      facts = readLocalRepository(directory, { root }).then(
        (data): FactNamespace<RepositoryFacts> => ({ status: 'ok', data }),
        (error: Error): FactNamespace<RepositoryFacts> => ({
          status: 'unavailable',
          reason: `cannot read the repository at ${directory}: ${error.message}`,
        }),
      );
      repositories.set(key, facts);
    }
    return facts;
  };

  const workTrees = new Map<string, { root?: string; origin?: string }>();
  const scopeOf = (item: CatalogFileEntity): RepositoryScope => {
    if (repository === false) {
      return { reason: 'repository facts were turned off (--no-repo)' };
    }
    const directory = path.dirname(item.absolutePath);
    let workTree = workTrees.get(directory);
    if (!workTree) {
      const root = repository ? undefined : findGitWorkTree(directory);
      workTree = { root, origin: root ? readOriginUrl(root) : undefined };
      workTrees.set(directory, workTree);
    }
    return resolveRepositoryDirectory(item.entity, item.absolutePath, {
      repo: repository,
      gitWorkTree: workTree.root,
      originUrl: workTree.origin,
    });
  };
  const display = (directory: string) =>
    options.cwd
      ? path.relative(options.cwd, directory).split(path.sep).join('/') || '.'
      : directory;

  const scored: ScoredEntity[] = [];
  const missingRefs = new Set<string>();
  for (const item of entities) {
    if (!isScored(item.entity, kinds)) {
      continue;
    }
    const scope = scopeOf(item);
    const repositoryFacts: FactNamespace<RepositoryFacts> = scope.directory
      ? await readRepository(scope.directory, scope.root)
      : { status: 'unavailable', reason: scope.reason };
    const owner = buildOfflineOwnerFacts(item.entity, catalog, ownership);
    const system = buildOfflineSystemFacts(item.entity, catalog);
    for (const { missingRef } of [owner, system]) {
      if (missingRef) {
        missingRefs.add(missingRef);
      }
    }
    const facts: FactDocument = {
      entityRef: item.entityRef,
      namespaces: {
        entity: { status: 'ok', data: item.entity },
        owner: owner.namespace,
        system: system.namespace,
        repository: repositoryFacts,
        metrics: { status: 'not-configured', reason: METRICS_REASON },
      },
    };
    const scorecard = clarifyReasons(
      item.entity,
      evaluateEntity(compiledPack, facts, { now }),
    );
    scored.push({
      entityRef: item.entityRef,
      title: item.entity.metadata.title,
      file: item.file,
      line: item.line,
      column: item.column,
      owner: owner.namespace.data?.ownerRef ?? owner.missingRef,
      scorecard,
      levelIfUnknownPass: levelIfUnknownPass(pack, scorecard),
      target: computeTargetGap(
        targetView,
        options.targetsByTier ?? DEFAULT_TARGETS_BY_TIER,
        {
          tier: readEntityTier(item.entity),
          level: scorecard.level,
          levelApplicable: scorecard.levelApplicable,
        },
        scorecard.results,
      ),
      repository: {
        ...(scope.directory && { directory: display(scope.directory) }),
        reason: scope.reason,
      },
    });
  }

  const notes = [
    'live metrics are not read offline: checks that need them are unknown, not failing.',
  ];
  if (missingRefs.size > 0) {
    notes.push(
      `not in the given files, so the checks that need them are unknown (add their YAML with --context): ${[
        ...missingRefs,
      ]
        .sort()
        .join(', ')}.`,
    );
  }

  return {
    pack,
    entities: scored,
    gate: evaluateGate(pack, scored, gate),
    notes,
  };
}
