/*
 * Loads the realism corpus (src/pack/__fixtures__/realism/*.yaml): catalog
 * entities written after patterns found in public repositories, each with a
 * hand verdict per default check. See the corpus README for the format.
 *
 * A corpus file is a stream of YAML documents:
 *
 * - one `family:` document (first) with `defaults:` (verdicts every entity of
 *   the file shares unless it says otherwise) and optionally `otherwise:`;
 * - catalog entities (documents with `kind`), each preceded by a comment that
 *   names the source of its pattern (`source: owner/repo path`);
 * - after each judged entity, one `verdicts:` document: `check id: "state —
 *   reason"`, optionally `otherwise: "state — reason"` for every check it does
 *   not name, and `traps: { check id: what the trap is }`.
 *
 * Groups and Users are not judged: they are the catalog the owners resolve in.
 *
 * A family may say `ownership: { maxOwnerShare, minOwnedEntities }`: its file
 * is then a catalog of its own whose owners are counted (`owner.share`), as
 * the CLI counts the files it scores. A verdicts document may give the
 * entity's `repository` (its files, and for a service in a monorepo the
 * root's CI files with their content), which is otherwise not configured.
 */
import fs from 'fs';
import path from 'path';
import { parseAllDocuments } from 'yaml';
import type { Entity } from '@backstage/catalog-model';
import {
  countOwnedEntities,
  judgeOwnerShare,
  type OwnerShareThresholds,
} from '../../../facts/judgeOwnerShare';
import { readOwnerRef } from '../../../facts/readCatalogRefs';
import type { CheckState, OwnerShare } from '../../../types';

/** The states a hand verdict may take. */
export type HandState = Extract<
  CheckState,
  'pass' | 'fail' | 'unknown' | 'not-applicable'
>;

const HAND_STATES: readonly HandState[] = [
  'pass',
  'fail',
  'unknown',
  'not-applicable',
];

/** A hand verdict on one check of one entity. */
export interface HandVerdict {
  state: HandState;
  reason: string;
}

/**
 * The repository of a corpus entity, as a verdicts document gives it: file
 * paths (or paths with content), and for a service in a monorepo the root's
 * CI files with their content.
 */
export interface RealismRepository {
  location: string;
  files: Record<string, string>;
  root?: {
    subdirectory: string;
    siblings: string[];
    files: Record<string, string>;
  };
}

/** One judged entity of the corpus. */
export interface RealismEntity {
  ref: string;
  entity: Entity;
  /** The corpus file (base name) and its family. */
  file: string;
  family: string;
  /** The comment above the entity (its source and pattern). */
  source: string;
  /** Hand verdict per check id. */
  verdicts: Record<string, HandVerdict>;
  /** Check ids that are trap cases, with what the trap is. */
  traps: Record<string, string>;
  /** Its owner's share of its file, when the family counts owners. */
  ownerShare?: OwnerShare;
  /** Its repository, when the verdicts give one. */
  repository?: RealismRepository;
}

function fileMap(value: unknown, where: string): Record<string, string> {
  if (Array.isArray(value)) {
    return Object.fromEntries(value.map(p => [String(p), '']));
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, String(v ?? '')]),
    );
  }
  throw new Error(
    `${where}: expected a list of paths or a map of path to content`,
  );
}

function readRepository(value: unknown, where: string): RealismRepository {
  const raw = (value ?? {}) as Record<string, unknown>;
  if (typeof raw.location !== 'string') {
    throw new Error(`${where}.location: expected a URL`);
  }
  const repository: RealismRepository = {
    location: raw.location,
    files: fileMap(raw.files ?? [], `${where}.files`),
  };
  if (raw.root !== undefined) {
    const root = raw.root as Record<string, unknown>;
    if (typeof root.subdirectory !== 'string') {
      throw new Error(`${where}.root.subdirectory: expected a path`);
    }
    repository.root = {
      subdirectory: root.subdirectory,
      siblings: Array.isArray(root.siblings) ? root.siblings.map(String) : [],
      files: fileMap(root.files ?? [], `${where}.root.files`),
    };
  }
  return repository;
}

/** The loaded corpus. */
export interface RealismCorpus {
  /** Entities with hand verdicts. */
  judged: RealismEntity[];
  /** Every entity of the corpus (judged ones, groups, users), by ref. */
  catalog: Map<string, Entity>;
}

/** Where the corpus lives. */
export const REALISM_CORPUS_DIR = path.resolve(
  __dirname,
  '../../__fixtures__/realism',
);

/** The lower-case ref of an entity. */
export function entityRefOf(entity: Entity): string {
  return `${entity.kind}:${entity.metadata.namespace ?? 'default'}/${
    entity.metadata.name
  }`.toLowerCase();
}

function parseVerdict(text: unknown, where: string): HandVerdict {
  if (typeof text !== 'string') {
    throw new Error(`${where}: expected "state — reason", got ${text}`);
  }
  const match =
    /^\s*(pass|fail|unknown|not-applicable)\s*(?:—|-|:)\s*(.+)$/.exec(text);
  if (!match || !HAND_STATES.includes(match[1] as HandState)) {
    throw new Error(`${where}: expected "state — reason", got "${text}"`);
  }
  return { state: match[1] as HandState, reason: match[2].trim() };
}

function verdictMap(
  value: unknown,
  where: string,
  checkIds: ReadonlySet<string>,
): { verdicts: Record<string, HandVerdict>; otherwise?: HandVerdict } {
  const verdicts: Record<string, HandVerdict> = {};
  let otherwise: HandVerdict | undefined;
  if (value === undefined || value === null) {
    return { verdicts };
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new Error(`${where}: expected a map of check id to verdict`);
  }
  for (const [key, text] of Object.entries(value)) {
    if (key === 'otherwise') {
      otherwise = parseVerdict(text, `${where}.otherwise`);
    } else if (!checkIds.has(key)) {
      throw new Error(`${where}: unknown check id ${key}`);
    } else {
      verdicts[key] = parseVerdict(text, `${where}.${key}`);
    }
  }
  return { verdicts, otherwise };
}

/**
 * Reads every corpus file and resolves each judged entity's verdict for every
 * check in `checkIds`: the entity's own verdict, else the family default, else
 * the entity's `otherwise`, else the family's `otherwise`. Throws on a check
 * left without a verdict, an unknown check id or a malformed verdict.
 */
export function loadRealismCorpus(
  checkIds: readonly string[],
  dir: string = REALISM_CORPUS_DIR,
): RealismCorpus {
  const ids = new Set(checkIds);
  const judged: RealismEntity[] = [];
  const catalog = new Map<string, Entity>();
  const files = fs
    .readdirSync(dir)
    .filter(name => name.endsWith('.yaml'))
    .sort();
  for (const file of files) {
    const docs = parseAllDocuments(
      fs.readFileSync(path.join(dir, file), 'utf8'),
    );
    let family = file.replace(/\.yaml$/, '');
    let defaults: Record<string, HandVerdict> = {};
    let familyOtherwise: HandVerdict | undefined;
    let ownership: OwnerShareThresholds | undefined;
    const fileEntities: Entity[] = [];
    const fileJudged: RealismEntity[] = [];
    let pending: RealismEntity | undefined;
    const settle = () => {
      if (!pending) return;
      for (const id of checkIds) {
        if (!pending.verdicts[id]) {
          throw new Error(`${file}: ${pending.ref} has no verdict for ${id}`);
        }
      }
      judged.push(pending);
      fileJudged.push(pending);
      pending = undefined;
    };
    for (const doc of docs) {
      if (doc.errors.length > 0) {
        throw new Error(`${file}: ${doc.errors[0].message}`);
      }
      const value = doc.toJSON() as Record<string, unknown> | null;
      if (!value || typeof value !== 'object') continue;
      if ('family' in value) {
        family = String(value.family);
        const parsed = verdictMap(value.defaults, `${file}: defaults`, ids);
        defaults = parsed.verdicts;
        familyOtherwise = parsed.otherwise;
        ownership = value.ownership as OwnerShareThresholds | undefined;
        continue;
      }
      if ('verdicts' in value) {
        if (!pending) {
          throw new Error(`${file}: a verdicts document follows no entity`);
        }
        const where = `${file}: ${pending.ref}`;
        const own = verdictMap(value.verdicts, where, ids);
        for (const id of checkIds) {
          const verdict =
            own.verdicts[id] ??
            defaults[id] ??
            own.otherwise ??
            familyOtherwise;
          if (verdict) pending.verdicts[id] = verdict;
        }
        const traps = (value.traps ?? {}) as Record<string, unknown>;
        for (const [id, what] of Object.entries(traps)) {
          if (!ids.has(id)) {
            throw new Error(`${where}: trap on unknown check id ${id}`);
          }
          pending.traps[id] = String(what);
        }
        if (value.repository !== undefined) {
          pending.repository = readRepository(
            value.repository,
            `${where}: repository`,
          );
        }
        settle();
        continue;
      }
      if (typeof value.kind !== 'string') {
        throw new Error(
          `${file}: a document is neither an entity nor verdicts`,
        );
      }
      if (pending) {
        throw new Error(`${file}: ${pending.ref} has no verdicts document`);
      }
      const entity = value as unknown as Entity;
      const ref = entityRefOf(entity);
      if (catalog.has(ref)) {
        throw new Error(`${file}: ${ref} is defined twice in the corpus`);
      }
      catalog.set(ref, entity);
      fileEntities.push(entity);
      if (['group', 'user'].includes(entity.kind.toLowerCase())) continue;
      const contents = doc.contents as { commentBefore?: string | null } | null;
      const source = [doc.commentBefore, contents?.commentBefore]
        .filter(Boolean)
        .join('\n')
        .trim();
      if (!/source:/i.test(source)) {
        throw new Error(`${file}: ${ref} has no "source:" comment above it`);
      }
      pending = {
        ref,
        entity,
        file,
        family,
        source,
        verdicts: {},
        traps: {},
      };
    }
    if (pending) {
      throw new Error(`${file}: ${pending.ref} has no verdicts document`);
    }
    if (ownership) {
      const counts = countOwnedEntities(fileEntities);
      for (const item of fileJudged) {
        item.ownerShare = judgeOwnerShare(
          readOwnerRef(item.entity),
          counts,
          ownership,
        );
      }
    }
  }
  return { judged, catalog };
}
