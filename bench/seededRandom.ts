/*
 * A seeded random source and the picks made with it, so that a synthetic
 * catalog of a given seed is the same on every machine.
 */

/**
 * Mulberry32: a tiny, fast, seedable 32-bit PRNG. Returns floats in [0, 1).
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A weighted choice over `[value, weight]` pairs. */
export function weighted<T>(rand: () => number, table: Array<[T, number]>): T {
  let total = 0;
  for (const [, w] of table) total += w;
  let r = rand() * total;
  for (const [v, w] of table) {
    r -= w;
    if (r < 0) return v;
  }
  return table[table.length - 1][0];
}

export function pick<T>(rand: () => number, list: ReadonlyArray<T>): T {
  return list[Math.floor(rand() * list.length)];
}
