/*
 * Evaluates a check pack over the realism corpus and compares the engine's
 * states with the hand verdicts. Facts are what an SRE judging the entity
 * alone has: the entity; its owner looked up among the corpus's Groups and
 * Users (with their contacts and members, and its share of the file when the
 * family counts owners); no repository facts unless the verdicts give the
 * entity's repository; no metrics provider (`not-configured`).
 */
import type { Entity } from '@backstage/catalog-model';
import { buildRepositoryFacts, readGroupContacts } from '../../../facts';
import type {
  CheckState,
  FactDocument,
  FactNamespace,
  OwnerFacts,
  RepositoryFacts,
} from '../../../types';
import { compileCheckPack } from '../../../engine/compileCheckPack';
import { evaluateEntity } from '../../../engine/evaluateEntity';
import type { CheckPack } from '../../CheckPack';
import {
  entityRefOf,
  type HandState,
  type RealismCorpus,
  type RealismEntity,
  type RealismRepository,
} from './loadRealismCorpus';

/** One (entity, check) pair where the engine and the hand differ. */
export interface RealismDisagreement {
  ref: string;
  checkId: string;
  engine: CheckState;
  engineReason: string;
  hand: HandState;
  handReason: string;
  /** The trap, when the pair is a trap case. */
  trap?: string;
  source: string;
}

/** Agreement on one check (or, with `checkId: 'total'`, on all). */
export interface RealismCheckRow {
  checkId: string;
  /** Pairs where the engine or the hand says the check applies. */
  judged: number;
  agreed: number;
  /** agreed / judged, in per cent (100 when nothing was judged). */
  agreementPct: number;
  /** Engine pass, hand not pass. */
  falsePasses: number;
  /** Engine fail, hand pass. */
  falseFails: number;
  /** Other disagreements (unknown vs fail, applicability…). */
  otherDisagreements: number;
  /** Trap pairs, and those the engine passed although the hand did not. */
  traps: number;
  trapFalsePasses: number;
}

/** The comparison of a pack with the corpus. */
export interface RealismComparison {
  entities: number;
  rows: RealismCheckRow[];
  total: RealismCheckRow;
  disagreements: RealismDisagreement[];
}

function ownerRefOf(value: string): string {
  const [kind, rest] = value.includes(':')
    ? (value.split(/:(.*)/s, 2) as [string, string])
    : ['group', value];
  const full = rest.includes('/') ? rest : `default/${rest}`;
  return `${kind}:${full}`.toLowerCase();
}

function ownerFacts(
  item: RealismEntity,
  catalog: ReadonlyMap<string, Entity>,
): OwnerFacts {
  const { entity } = item;
  const owner = (entity.spec as { owner?: unknown } | undefined)?.owner;
  if (typeof owner !== 'string' || owner.trim() === '') {
    return { resolved: false, contacts: [], members: [] };
  }
  const ownerRef = ownerRefOf(owner.trim());
  const found = catalog.get(ownerRef);
  const profile = (found?.spec?.profile ?? {}) as { email?: string };
  const members =
    found?.kind === 'Group'
      ? [...catalog.values()]
          .filter(
            user =>
              user.kind === 'User' &&
              ((user.spec?.memberOf ?? []) as string[]).some(
                m => ownerRefOf(m) === ownerRef,
              ),
          )
          .map(user => ({
            ref: entityRefOf(user),
            email: (user.spec?.profile as { email?: string } | undefined)
              ?.email,
          }))
      : [];
  return {
    ownerRef,
    resolved: !!found,
    kind: found?.kind.toLowerCase(),
    email: profile.email,
    contacts: found?.kind === 'Group' ? readGroupContacts(found) : [],
    members,
    ...(item.ownerShare ? { share: item.ownerShare } : {}),
  };
}

/** The `repository` facts of a corpus entity that gives its repository. */
export async function realismRepositoryFacts(
  repository: RealismRepository,
): Promise<RepositoryFacts> {
  const { root } = repository;
  return buildRepositoryFacts({
    location: repository.location,
    files: Object.keys(repository.files),
    truncated: false,
    readFile: async file => repository.files[file],
    root: root
      ? {
          location: repository.location,
          subdirectory: root.subdirectory,
          siblings: root.siblings,
          files: Object.keys(root.files),
          readFile: async file => root.files[file],
        }
      : undefined,
  });
}

/** The facts the corpus is judged on, for one entity. */
export function realismFacts(
  item: RealismEntity,
  catalog: ReadonlyMap<string, Entity>,
  repository?: RepositoryFacts,
): FactDocument {
  const repositoryFacts: FactNamespace<RepositoryFacts> = repository
    ? { status: 'ok', data: repository }
    : {
        status: 'not-configured',
        reason: 'the realism corpus judges the entity alone',
      };
  return {
    entityRef: item.ref,
    namespaces: {
      entity: { status: 'ok', data: item.entity },
      owner: { status: 'ok', data: ownerFacts(item, catalog) },
      repository: repositoryFacts,
      metrics: { status: 'not-configured' },
    },
  };
}

function emptyRow(checkId: string): RealismCheckRow {
  return {
    checkId,
    judged: 0,
    agreed: 0,
    agreementPct: 100,
    falsePasses: 0,
    falseFails: 0,
    otherDisagreements: 0,
    traps: 0,
    trapFalsePasses: 0,
  };
}

/** Evaluates `pack` over the corpus and tallies agreement per check. */
export async function compareVerdicts(
  pack: CheckPack,
  corpus: RealismCorpus,
): Promise<RealismComparison> {
  const repositories = new Map<RealismEntity, RepositoryFacts>();
  for (const item of corpus.judged) {
    if (item.repository) {
      repositories.set(item, await realismRepositoryFacts(item.repository));
    }
  }
  const byCheck = new Map(pack.checks.map(c => [c.id, emptyRow(c.id)]));
  const total = emptyRow('total');
  const disagreements: RealismDisagreement[] = [];
  const compiled = compileCheckPack(pack);
  for (const item of corpus.judged) {
    const card = evaluateEntity(
      compiled,
      realismFacts(item, corpus.catalog, repositories.get(item)),
    );
    for (const result of card.results) {
      const hand = item.verdicts[result.checkId];
      const row = byCheck.get(result.checkId);
      if (!hand || !row) continue;
      const engine: CheckState =
        result.state === 'exempt' ? 'pass' : result.state;
      const trap = item.traps[result.checkId];
      if (engine === 'not-applicable' && hand.state === 'not-applicable') {
        continue;
      }
      for (const r of [row, total]) {
        r.judged++;
        if (trap) r.traps++;
        if (engine === hand.state) {
          r.agreed++;
        } else if (engine === 'pass') {
          r.falsePasses++;
          if (trap) r.trapFalsePasses++;
        } else if (engine === 'fail' && hand.state === 'pass') {
          r.falseFails++;
        } else {
          r.otherDisagreements++;
        }
      }
      if (engine !== hand.state) {
        disagreements.push({
          ref: item.ref,
          checkId: result.checkId,
          engine,
          engineReason: result.reason,
          hand: hand.state,
          handReason: hand.reason,
          trap,
          source: item.source,
        });
      }
    }
  }
  const rows = [...byCheck.values()];
  for (const r of [...rows, total]) {
    r.agreementPct = r.judged === 0 ? 100 : (100 * r.agreed) / r.judged;
  }
  return { entities: corpus.judged.length, rows, total, disagreements };
}

/** The comparison as a Markdown table, then the disagreements. */
export function formatRealismComparison(comparison: RealismComparison): string {
  const header =
    '| check | judged | agreement % | false passes | false fails | other | traps | trap false passes |';
  const rule = '|:--|--:|--:|--:|--:|--:|--:|--:|';
  const line = (r: RealismCheckRow) =>
    `| ${r.checkId} | ${r.judged} | ${r.agreementPct.toFixed(1)} | ${
      r.falsePasses
    } | ${r.falseFails} | ${r.otherDisagreements} | ${r.traps} | ${
      r.trapFalsePasses
    } |`;
  const list = comparison.disagreements.map(
    d =>
      `- ${d.ref} ${d.checkId}: engine ${d.engine} (${d.engineReason}); hand ${
        d.hand
      } (${d.handReason})${d.trap ? ` [trap: ${d.trap}]` : ''}`,
  );
  return [
    `${comparison.entities} entities`,
    header,
    rule,
    ...comparison.rows.map(line),
    line(comparison.total),
    '',
    `${comparison.disagreements.length} disagreements`,
    ...list,
  ].join('\n');
}
