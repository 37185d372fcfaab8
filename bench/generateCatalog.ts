/*
 * Writes a synthetic catalog as multi-document YAML.
 *
 *   npx tsx bench/generateCatalog.ts --entities 10000 --out /tmp/catalog.yaml [--seed 42]
 *
 * Without --out the YAML goes to stdout. A summary (counts per kind and per
 * readiness profile, timings) goes to stderr. Register the file as a `file`
 * location in app-config to load it into a Backstage instance.
 */
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import {
  generateSyntheticCatalog,
  SYNTHETIC_PROFILE_ANNOTATION,
} from './syntheticCatalog';

const USAGE =
  'usage: tsx bench/generateCatalog.ts --entities N [--seed S] [--out FILE]';

function parseArgs(argv: string[]): {
  entities: number;
  seed?: number;
  out?: string;
} {
  const args: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    }
    const m = /^--([a-z]+)(?:=(.*))?$/.exec(arg);
    if (!m) throw new Error(`unexpected argument ${arg}\n${USAGE}`);
    const value = m[2] ?? argv[++i];
    if (value === undefined) throw new Error(`--${m[1]} needs a value`);
    args[m[1]] = value;
  }
  for (const key of Object.keys(args)) {
    if (!['entities', 'seed', 'out'].includes(key)) {
      throw new Error(`unknown option --${key}\n${USAGE}`);
    }
  }
  const entities = Number(args.entities);
  if (!Number.isInteger(entities) || entities <= 0) {
    throw new Error(`--entities must be a positive integer\n${USAGE}`);
  }
  const seed = args.seed === undefined ? undefined : Number(args.seed);
  if (seed !== undefined && !Number.isInteger(seed)) {
    throw new Error('--seed must be an integer');
  }
  return { entities, seed, out: args.out };
}

function main(): void {
  const { entities, seed, out } = parseArgs(process.argv.slice(2));

  const t0 = performance.now();
  const catalog = generateSyntheticCatalog({ entities, seed });
  const t1 = performance.now();
  const yaml = catalog
    .map(entity => stringify(entity, { lineWidth: 0 }))
    .join('---\n');
  const t2 = performance.now();

  if (out) {
    fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
    fs.writeFileSync(out, yaml);
  } else {
    process.stdout.write(yaml);
  }

  const kinds: Record<string, number> = {};
  const profiles: Record<string, number> = {};
  for (const e of catalog) {
    kinds[e.kind] = (kinds[e.kind] ?? 0) + 1;
    if (e.kind === 'Component' || e.kind === 'API') {
      const p =
        e.metadata.annotations?.[SYNTHETIC_PROFILE_ANNOTATION] ?? 'nothing';
      const key = `${e.kind}:${p}`;
      profiles[key] = (profiles[key] ?? 0) + 1;
    }
  }
  process.stderr.write(
    `${catalog.length} entities${out ? ` -> ${out}` : ''}\n` +
      `generated in ${(t1 - t0).toFixed(0)} ms, YAML in ${(t2 - t1).toFixed(
        0,
      )} ms (${(yaml.length / 1e6).toFixed(1)} MB)\n` +
      `kinds: ${JSON.stringify(kinds)}\nprofiles: ${JSON.stringify(
        profiles,
      )}\n`,
  );
}

try {
  main();
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
}
