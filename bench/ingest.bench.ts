/*
 * Ingestion only: starts the stack's backend without the readiness plugin
 * over the generated catalog, waits until the catalog lists every entity,
 * stops, and keeps the catalog (BENCH_KEEP_CATALOG=<name>, required) for
 * the stack, load and newEntity benchmarks to reuse with the same name,
 * entity count and database. Measures nothing else, so it can run niced and
 * outside the machine's measuring lock:
 *
 *   BENCH_KEEP_CATALOG=main nice -n 10 npm run bench -- ingest --entities 50000
 *   BENCH_KEEP_CATALOG=main flock /tmp/heavy.lock npm run bench -- stack --entities 50000
 */
import type { BenchRow } from './run';
import { startStack } from './stackHarness';

/** Runs the ingestion. */
export async function run(): Promise<BenchRow[]> {
  if (!process.env.BENCH_KEEP_CATALOG) {
    throw new Error(
      'the ingest benchmark keeps its catalog: set BENCH_KEEP_CATALOG=<name>',
    );
  }
  const stack = await startStack('ingest', { withReadiness: false });
  await stack.close();
  return stack.rows;
}
