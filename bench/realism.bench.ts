/*
 * Realism benchmark: how far the default check pack agrees with hand verdicts
 * on the realism corpus (plugins/readiness-common/src/pack/__fixtures__/realism,
 * entities written after patterns found in public catalogs).
 *
 *   npm run bench -- realism
 *
 * One row per check: pairs judged (entity × check where the engine or the
 * hand says the check applies), agreement, false passes (engine pass, hand
 * not), false fails (engine fail, hand pass) and false passes on trap cases;
 * then the total. Every disagreement is listed on stderr. Facts are the
 * entity and its owner only (no repository facts, no metrics provider), as in
 * src/pack/realism/realismCorpus.test.ts.
 */
import {
  createCheckPack,
  defaultChecks,
} from '@prodready/plugin-readiness-common';
import { loadRealismCorpus } from '../plugins/readiness-common/src/pack/realism/__testUtils__/loadRealismCorpus';
import {
  compareVerdicts,
  RealismCheckRow,
} from '../plugins/readiness-common/src/pack/realism/__testUtils__/compareVerdicts';
import type { BenchRow } from './run';

function row(benchmark: string, r: RealismCheckRow): BenchRow {
  return {
    benchmark,
    judged: r.judged,
    agreementPct: r.agreementPct,
    falsePasses: r.falsePasses,
    falseFails: r.falseFails,
    trapFalsePasses: r.trapFalsePasses,
  };
}

export async function run(): Promise<BenchRow[]> {
  const start = process.hrtime.bigint();
  const corpus = loadRealismCorpus(defaultChecks.map(c => c.id));
  const comparison = await compareVerdicts(createCheckPack(), corpus);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  for (const d of comparison.disagreements) {
    process.stderr.write(
      `${d.ref} ${d.checkId}: engine ${d.engine}, hand ${d.hand} (${
        d.handReason
      })${d.trap ? ` [trap: ${d.trap}]` : ''}\n`,
    );
  }
  const { total } = comparison;
  return [
    ...comparison.rows.map(r => row(`realism: ${r.checkId}`, r)),
    {
      ...row('realism: total', total),
      entities: comparison.entities,
      checks: comparison.rows.length,
      seconds,
      note: `${comparison.entities} entities, ${total.traps} trap pairs, ${total.trapFalsePasses} trap false passes, ${comparison.disagreements.length} disagreements (listed on stderr); targets ≥ 97 % agreement, 0 trap false passes`,
    },
  ];
}
