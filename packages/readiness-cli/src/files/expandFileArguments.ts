import fs from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '@backstage/errors';

const GLOB_CHARS = /[*?{[]/;

/** Folders a glob never descends into. */
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);

/** How many directory entries one glob may visit before giving up. */
const MAX_VISITED_ENTRIES = 50_000;

/**
 * Turns a glob pattern (`*`, `**`, `?`, `{a,b}`, `[abc]`) into a regular
 * expression over `/`-separated paths.
 */
export function globToRegExp(pattern: string): RegExp {
  let source = '';
  let braceDepth = 0;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '*') {
      if (pattern[i + 1] === '*') {
        const followedBySlash = pattern[i + 2] === '/';
        source += followedBySlash ? '(?:.*/)?' : '.*';
        i += followedBySlash ? 2 : 1;
      } else {
        source += '[^/]*';
      }
    } else if (char === '?') {
      source += '[^/]';
    } else if (char === '{') {
      braceDepth++;
      source += '(?:';
    } else if (char === '}' && braceDepth > 0) {
      braceDepth--;
      source += ')';
    } else if (char === ',' && braceDepth > 0) {
      source += '|';
    } else if (char === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end === -1) {
        source += '\\[';
      } else {
        const body = pattern.slice(i + 1, end).replace(/\\/g, '\\\\');
        source += `[${body.startsWith('!') ? `^${body.slice(1)}` : body}]`;
        i = end;
      }
    } else {
      source += char.replace(/[.+^$()|\\\]}]/g, '\\$&');
    }
  }
  if (braceDepth > 0) {
    throw new InputError(`Invalid glob "${pattern}": unclosed "{"`);
  }
  return new RegExp(`^${source}$`);
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

async function walk(
  root: string,
  visit: (relative: string) => void,
  budget: { left: number },
): Promise<void> {
  const queue: string[] = [''];
  while (queue.length > 0) {
    const relativeDir = queue.shift()!;
    let entries;
    try {
      entries = await fs.readdir(path.join(root, relativeDir), {
        withFileTypes: true,
      });
    } catch {
      continue;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (--budget.left < 0) {
        return;
      }
      const relative = relativeDir
        ? `${relativeDir}/${entry.name}`
        : entry.name;
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) {
          queue.push(relative);
        }
      } else if (entry.isFile()) {
        visit(relative);
      }
    }
  }
}

async function expandGlob(pattern: string, cwd: string): Promise<string[]> {
  const posixPattern = toPosix(pattern);
  const segments = posixPattern.split('/');
  const firstGlob = segments.findIndex(segment => GLOB_CHARS.test(segment));
  const baseSegments = segments.slice(0, firstGlob);
  const base = baseSegments.join('/');
  const rest = segments.slice(firstGlob).join('/');
  const matcher = globToRegExp(rest);
  const absoluteBase = path.resolve(cwd, base || '.');

  const matches: string[] = [];
  const budget = { left: MAX_VISITED_ENTRIES };
  await walk(
    absoluteBase,
    relative => {
      if (matcher.test(relative)) {
        matches.push(base ? `${base}/${relative}` : relative);
      }
    },
    budget,
  );
  if (budget.left < 0) {
    throw new InputError(
      `Glob "${pattern}" visits more than ${MAX_VISITED_ENTRIES} entries; narrow it down`,
    );
  }
  return matches.sort();
}

/**
 * Expands the file arguments of `readiness score`: plain paths must exist,
 * globs must match at least one file. Returns paths as given (relative to
 * `cwd` when they were relative), without duplicates, in argument order.
 *
 * @public
 */
export async function expandFileArguments(
  args: string[],
  cwd: string,
): Promise<string[]> {
  const result: string[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    const key = path.resolve(cwd, file);
    if (!seen.has(key)) {
      seen.add(key);
      result.push(file);
    }
  };

  for (const arg of args) {
    if (GLOB_CHARS.test(arg)) {
      const matches = await expandGlob(arg, cwd);
      if (matches.length === 0) {
        throw new InputError(`No file matches "${arg}"`);
      }
      matches.forEach(add);
      continue;
    }
    let stat;
    try {
      stat = await fs.stat(path.resolve(cwd, arg));
    } catch {
      throw new InputError(`File not found: ${arg}`);
    }
    if (!stat.isFile()) {
      throw new InputError(`Not a file: ${arg}`);
    }
    add(arg);
  }
  return result;
}
