/*
 * Runs the benchmarks and prints one table.
 *
 *   npm run bench                  every bench/*.bench.ts, in name order
 *   npm run bench -- engine        only those whose name contains "engine"
 *   npm run bench -- --json        the rows as JSON instead of a table
 *   npm run bench -- stack --entities 50000
 *                                  options a benchmark reads (here the catalog
 *                                  size), passed on as BENCH_ENTITIES
 *
 * The benchmarks that start a whole backend (stack, load) and the freshness
 * benchmark (a minute or two of real time) only run when
 * named.
 *
 * A benchmark is a file `bench/<name>.bench.ts` exporting
 * `async function run(): Promise<BenchRow[]>`. Each run also writes its rows
 * to bench/out/<name>.json (git-ignored). With several benchmarks, each runs
 * in its own process: one leaves heap and handles behind that would skew the
 * next (the engine ran at half speed after the backend benchmark).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** One line of the benchmark table; leave out what does not apply. */
export interface BenchRow {
  /** What was measured, e.g. `engine: default pack`. */
  benchmark: string;
  entities?: number;
  checks?: number;
  seconds?: number;
  entitiesPerSecond?: number;
  p50Ms?: number;
  p95Ms?: number;
  /** Requests answered per second. */
  requestsPerSecond?: number;
  /** Resident set size in MB (peak where the benchmark can tell). */
  rssMb?: number;
  /** V8 heap in use in MB. */
  heapMb?: number;
  /** Quality benchmarks: (entity, check) pairs judged against a reference. */
  judged?: number;
  /** Quality benchmarks: share of judged pairs where the engine agrees, in %. */
  agreementPct?: number;
  /** Quality benchmarks: the engine passes, the reference does not. */
  falsePasses?: number;
  /** Quality benchmarks: the engine fails, the reference passes. */
  falseFails?: number;
  /** Quality benchmarks: false passes on pairs flagged as traps. */
  trapFalsePasses?: number;
  /** The machine's 1-minute load average when the row was measured. */
  loadAverage?: number;
  /** A remark printed under the table. */
  note?: string;
}

/** What a benchmark module exports. */
export interface BenchModule {
  run(): Promise<BenchRow[]>;
}

interface Column {
  title: string;
  value: (row: BenchRow) => string;
  align: 'left' | 'right';
}

const COLUMNS: Column[] = [
  { title: 'benchmark', value: r => r.benchmark, align: 'left' },
  { title: 'entities', value: r => int(r.entities), align: 'right' },
  { title: 'checks', value: r => int(r.checks), align: 'right' },
  { title: 'seconds', value: r => num(r.seconds, 3), align: 'right' },
  { title: 'entities/s', value: r => int(r.entitiesPerSecond), align: 'right' },
  { title: 'p50 ms', value: r => num(r.p50Ms, 3), align: 'right' },
  { title: 'p95 ms', value: r => num(r.p95Ms, 3), align: 'right' },
  { title: 'req/s', value: r => int(r.requestsPerSecond), align: 'right' },
  { title: 'RSS MB', value: r => num(r.rssMb, 0), align: 'right' },
  { title: 'load', value: r => num(r.loadAverage, 1), align: 'right' },
  { title: 'heap MB', value: r => num(r.heapMb, 0), align: 'right' },
  {
    title: 'judged',
    value: r => int(r.judged),
    align: 'right',
  },
  {
    title: 'agree %',
    value: r => num(r.agreementPct, 1),
    align: 'right',
  },
  {
    title: 'false pass',
    value: r => int(r.falsePasses),
    align: 'right',
  },
  {
    title: 'false fail',
    value: r => int(r.falseFails),
    align: 'right',
  },
  {
    title: 'trap false pass',
    value: r => int(r.trapFalsePasses),
    align: 'right',
  },
];

function int(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value)
    ? ''
    : Math.round(value).toLocaleString('en-US');
}

function num(value: number | undefined, digits: number): string {
  return value === undefined || !Number.isFinite(value)
    ? ''
    : value.toFixed(digits);
}

/** Renders rows as a Markdown-compatible table. */
export function formatTable(rows: BenchRow[]): string {
  // A column no row fills is left out (speed and quality benchmarks share the table).
  const columns = COLUMNS.filter(
    (c, i) => i === 0 || rows.some(row => c.value(row) !== ''),
  );
  const cells = rows.map(row => columns.map(c => c.value(row)));
  const widths = columns.map((c, i) =>
    Math.max(c.title.length, ...cells.map(line => line[i].length)),
  );
  const pad = (text: string, i: number) =>
    columns[i].align === 'left'
      ? text.padEnd(widths[i])
      : text.padStart(widths[i]);
  const line = (values: string[]) =>
    `| ${values.map((v, i) => pad(v, i)).join(' | ')} |`;
  const rule = `|${widths
    .map((w, i) =>
      columns[i].align === 'left'
        ? `:${'-'.repeat(w + 1)}`
        : `${'-'.repeat(w + 1)}:`,
    )
    .join('|')}|`;
  const notes = rows
    .filter(row => row.note)
    .map(row => `- ${row.benchmark}: ${row.note}`);
  return [
    line(columns.map(c => c.title)),
    rule,
    ...cells.map(line),
    ...(notes.length ? ['', ...notes] : []),
  ].join('\n');
}

/** Benchmarks that start a whole backend: only run when named. */
const ON_REQUEST = ['stack', 'load', 'freshness', 'newEntity', 'ingest'];

/** Options passed on to benchmarks as environment variables. */
const OPTIONS: Record<string, string> = { entities: 'BENCH_ENTITIES' };

/**
 * Splits the command line into name filters and `--json`, and sets the
 * environment variables of known options (`--entities 50000`).
 */
export function parseArgs(argv: string[]): {
  filters: string[];
  json: boolean;
} {
  const filters: string[] = [];
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const option = /^--([a-z]+)(?:=(.*))?$/.exec(arg);
    if (!option) {
      filters.push(arg);
    } else if (option[1] === 'json') {
      json = true;
    } else if (OPTIONS[option[1]]) {
      const value = option[2] ?? argv[++i];
      if (value === undefined) {
        throw new Error(`--${option[1]} needs a value`);
      }
      process.env[OPTIONS[option[1]]] = value;
    } else {
      throw new Error(`unknown option ${arg}`);
    }
  }
  return { filters, json };
}

/** The benchmark files, optionally only those matching one of `filters`. */
export function findBenchmarks(dir: string, filters: string[]): string[] {
  return fs
    .readdirSync(dir)
    .filter(file => file.endsWith('.bench.ts'))
    .filter(file => {
      const name = file.replace(/\.bench\.ts$/, '');
      return filters.length === 0
        ? !ON_REQUEST.includes(name)
        : filters.some(f => name.includes(f));
    })
    .sort()
    .map(file => path.join(dir, file));
}

async function main(argv: string[]): Promise<number> {
  const { filters, json } = parseArgs(argv);
  const files = findBenchmarks(__dirname, filters);
  if (files.length === 0) {
    process.stderr.write(
      `No benchmark matches ${filters.join(', ')}; available: ${findBenchmarks(
        __dirname,
        [],
      )
        .map(f => path.basename(f, '.bench.ts'))
        .join(', ')}\n`,
    );
    return 2;
  }
  if (files.length > 1) {
    return runIsolated(files, json);
  }
  const rows: BenchRow[] = [];
  let failed = false;
  for (const file of files) {
    const name = path.basename(file, '.bench.ts');
    process.stderr.write(`running ${name}…\n`);
    try {
      const mod = (await import(file)) as Partial<BenchModule>;
      if (typeof mod.run !== 'function') {
        throw new Error(`${path.basename(file)} does not export run()`);
      }
      const result = await mod.run();
      rows.push(...result);
      const out = path.join(__dirname, 'out');
      fs.mkdirSync(out, { recursive: true });
      fs.writeFileSync(
        path.join(out, `${name}.json`),
        `${JSON.stringify(
          { at: new Date().toISOString(), node: process.version, rows: result },
          null,
          2,
        )}\n`,
      );
    } catch (error) {
      failed = true;
      rows.push({
        benchmark: name,
        note: `failed: ${(error as Error)?.stack ?? String(error)}`,
      });
    }
  }
  process.stdout.write(
    json ? `${JSON.stringify(rows, null, 2)}\n` : `\n${formatTable(rows)}\n`,
  );
  return failed ? 1 : 0;
}

/** Runs each benchmark file in a child process and prints one table. */
function runIsolated(files: string[], json: boolean): number {
  const rows: BenchRow[] = [];
  let failed = false;
  for (const file of files) {
    const name = path.basename(file, '.bench.ts');
    // execArgv carries tsx's loader, so the child runs TypeScript too.
    const child = spawnSync(
      process.execPath,
      [...process.execArgv, __filename, name, '--json'],
      { stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 },
    );
    try {
      rows.push(...(JSON.parse(child.stdout.toString()) as BenchRow[]));
      failed = failed || child.status !== 0;
    } catch {
      failed = true;
      rows.push({
        benchmark: name,
        note: `failed: exit ${child.status ?? child.signal}`,
      });
    }
  }
  process.stdout.write(
    json ? `${JSON.stringify(rows, null, 2)}\n` : `\n${formatTable(rows)}\n`,
  );
  return failed ? 1 : 0;
}

if (require.main === module) {
  // Exit explicitly: a benchmark that leaves a handle open must not hang the run.
  main(process.argv.slice(2)).then(
    code => process.exit(code),
    error => {
      process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
      process.exit(1);
    },
  );
}
