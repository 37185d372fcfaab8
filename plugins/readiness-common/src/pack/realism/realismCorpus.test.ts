/*
 * The default pack against the realism corpus: entities written after
 * patterns found in public catalogs, each with a hand verdict per check (see
 * src/pack/__fixtures__/realism/README.md). On failure the message carries the
 * table per check and every disagreement.
 *
 * Targets (issue 10 item 8): at least 97 % agreement over the judged pairs and
 * no false pass on a trap case. The default pack does not meet them yet (a
 * repository slug still passes CI; titles, icons and placeholders still pass
 * dashboards, alerts, tier, system and owner), so the test asserts the current
 * numbers as a floor that may only rise: raise FLOOR_* as the pack improves,
 * until they reach TARGET_*. `npm run bench -- realism` prints the table.
 */
import { createCheckPack } from '../CheckPack';
import { defaultChecks } from '../defaultChecks';
import { loadRealismCorpus } from './__testUtils__/loadRealismCorpus';
import {
  compareVerdicts,
  formatRealismComparison,
  RealismComparison,
} from './__testUtils__/compareVerdicts';

const TARGET_AGREEMENT_PCT = 97;
const TARGET_TRAP_FALSE_PASSES = 0;
/**
 * Measured on the default pack, 2026-12-05: 94.8 % before CI and
 * placeholders were earned, 96.8 % after; 98.0 % (180 entities) once links
 * had to earn their kind and evidence carried a strength. The remaining
 * disagreements are applicability (servers typed `tool`, local CLIs).
 */
const FLOOR_AGREEMENT_PCT = 97.9;
/** Measured on the default pack, 2026-12-05: 40 before, 16 after, then 0. */
const FLOOR_TRAP_FALSE_PASSES = 0;

/** Empty when `ok`; otherwise `what`, the table per check and every disagreement. */
function report(comparison: RealismComparison, ok: boolean, what: string) {
  return ok ? '' : `${what}\n\n${formatRealismComparison(comparison)}`;
}

describe('the default pack on the realism corpus', () => {
  const pack = createCheckPack();
  const corpus = loadRealismCorpus(defaultChecks.map(c => c.id));
  let comparison: RealismComparison;

  beforeAll(async () => {
    comparison = await compareVerdicts(pack, corpus);
  });

  it('has at least 150 judged entities, each with its source', () => {
    expect(corpus.judged.length).toBeGreaterThanOrEqual(150);
    for (const item of corpus.judged) {
      expect([item.ref, /source: \S+\/\S+ \S+/.test(item.source)]).toEqual([
        item.ref,
        true,
      ]);
    }
  });

  it('has trap cases for every pattern the issue names', () => {
    const traps = corpus.judged.flatMap(item => Object.keys(item.traps));
    for (const checkId of [
      'delivery.ci',
      'monitoring.dashboard',
      'monitoring.alerts',
      'runbook.runbook',
      'ownership.tier',
      'ownership.system',
      'ownership.owner-resolves',
      'logging.error-tracking',
    ]) {
      expect(traps).toContain(checkId);
    }
  });

  it(`agrees with the hand verdicts on at least ${FLOOR_AGREEMENT_PCT} % of the judged pairs (target ${TARGET_AGREEMENT_PCT} %)`, () => {
    const pct = comparison.total.agreementPct;
    expect(
      report(
        comparison,
        pct >= FLOOR_AGREEMENT_PCT,
        `agreement ${pct.toFixed(
          1,
        )} % < the floor ${FLOOR_AGREEMENT_PCT} % (target ${TARGET_AGREEMENT_PCT} %)`,
      ),
    ).toBe('');
  });

  it('agrees on at least 97 % of each check’s pairs, with no false pass', () => {
    const weak = comparison.rows
      .filter(r => r.agreementPct < 97 || r.falsePasses > 0)
      .map(
        r =>
          `${r.checkId} ${r.agreementPct.toFixed(1)} % ${
            r.falsePasses
          } false passes`,
      );
    expect(report(comparison, weak.length === 0, weak.join('; '))).toBe('');
  });

  it('counts owners when a family asks, and reads a monorepo’s root CI when the verdicts give it', () => {
    expect(corpus.judged.some(item => item.ownerShare?.implausible)).toBe(true);
    expect(corpus.judged.some(item => item.repository?.root)).toBe(true);
  });

  it(`passes at most ${FLOOR_TRAP_FALSE_PASSES} trap cases that the hand does not pass (target ${TARGET_TRAP_FALSE_PASSES})`, () => {
    const count = comparison.total.trapFalsePasses;
    expect(
      report(
        comparison,
        count <= FLOOR_TRAP_FALSE_PASSES,
        `${count} false passes on trap cases > the floor ${FLOOR_TRAP_FALSE_PASSES} (target ${TARGET_TRAP_FALSE_PASSES})`,
      ),
    ).toBe('');
  });
});
