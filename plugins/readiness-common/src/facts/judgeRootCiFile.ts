/**
 * Input of {@link judgeRootCiFile}.
 *
 * @public
 */
export interface JudgeRootCiFileOptions {
  /** The CI file's path, relative to the repository root. */
  path: string;
  /** Its content. */
  content: string;
  /** The entity's subdirectory, e.g. `services/cart`. */
  subdirectory: string;
  /** Names of the subdirectory's sibling directories (other services). */
  siblings: readonly string[];
}

/**
 * Whether a root CI file concerns a subdirectory, and why.
 *
 * @public
 */
export interface RootCiFileJudgement {
  /** Whether the file is evidence for the subdirectory. */
  counts: boolean;
  /** Why, for the check's evidence or for the list of ignored files. */
  reason: string;
}

interface PathFilters {
  /** `paths:` (GitHub Actions) and `changes:` (GitLab CI) patterns. */
  include: string[];
  /** `paths-ignore:` patterns. */
  exclude: string[];
}

const FILTER_KEY = /^(\s*)(?:-\s+)?(paths|paths-ignore|changes)\s*:\s*(.*)$/;

function unquote(value: string): string {
  return value
    .replace(/\s+#.*$/, '')
    .trim()
    .replace(/^['"]|['"]$/g, '')
    .trim();
}

/**
 * Reads path filters from a CI definition without a YAML parser: a
 * `paths:`, `paths-ignore:` or `changes:` key with an inline list or the
 * more indented `- item` lines below it (GitLab's `changes: { paths: [...] }`
 * form is read through its nested `paths:` key).
 */
function readPathFilters(content: string): PathFilters {
  const filters: PathFilters = { include: [], exclude: [] };
  const lines = content.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const match = FILTER_KEY.exec(lines[i]);
    if (!match) {
      continue;
    }
    const [, indent, key, rest] = match;
    // `- changes:` (a GitLab rule): the key sits two columns right of the dash
    const keyIndent = indent.length + (/^\s*-\s/.test(lines[i]) ? 2 : 0);
    const target = key === 'paths-ignore' ? filters.exclude : filters.include;
    const inline = unquote(rest);
    if (inline.startsWith('[')) {
      target.push(
        ...inline
          .replace(/^\[|\]$/g, '')
          .split(',')
          .map(unquote)
          .filter(Boolean),
      );
      continue;
    }
    if (inline) {
      continue; // a scalar (e.g. `changes: {…}` on one line): not a list
    }
    for (let j = i + 1; j < lines.length; j++) {
      const line = lines[j];
      if (!line.trim() || line.trim().startsWith('#')) {
        continue;
      }
      const lineIndent = /^\s*/.exec(line)![0].length;
      const item = /^\s*-\s+(.*)$/.exec(line);
      if (lineIndent < keyIndent || (lineIndent === keyIndent && !item)) {
        break;
      }
      if (item && !FILTER_KEY.test(line)) {
        const value = unquote(item[1]);
        if (value) {
          target.push(value);
        }
      }
    }
  }
  // a nested `paths:` under `changes:` is read twice
  return {
    include: [...new Set(filters.include)],
    exclude: [...new Set(filters.exclude)],
  };
}

/** The literal start of a glob pattern, up to its first wildcard. */
function literalPrefix(pattern: string): string {
  const wildcard = pattern.search(/[*?[{]/);
  return (wildcard < 0 ? pattern : pattern.slice(0, wildcard)).replace(
    /^\.?\//,
    '',
  );
}

/** Whether a `paths:` pattern can match a file under the subdirectory. */
function includesSubdirectory(pattern: string, subdirectory: string): boolean {
  if (pattern.startsWith('!')) {
    return false;
  }
  const prefix = literalPrefix(pattern);
  const inside = `${subdirectory}/`;
  return (
    prefix === '' ||
    prefix === subdirectory ||
    inside.startsWith(prefix) ||
    prefix.startsWith(inside)
  );
}

/** Whether a `paths-ignore:` pattern matches every file of the subdirectory. */
function excludesSubdirectory(pattern: string, subdirectory: string): boolean {
  const base = pattern.replace(/^\.?\//, '').replace(/\/(\*\*?)?$/, '');
  if (/[*?[{]/.test(base) || !base) {
    return false;
  }
  return `${subdirectory}/`.startsWith(`${base}/`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Whether a path (`services/cart`) is named in the text as a path. */
function namesPath(text: string, path: string): boolean {
  return new RegExp(
    `(^|[^\\w.-])(\\./)?${escapeRegExp(path)}(/|(?![\\w.-]))`,
    'i',
  ).test(text);
}

/** Whether a directory name is a whole token of the file's name (`cart-ci.yml`). */
function namesInFileName(path: string, name: string): boolean {
  const base = (path.split('/').pop() ?? '').replace(/\.[^.]*$/, '');
  return new RegExp(`(^|[-_.])${escapeRegExp(name)}($|[-_.])`, 'i').test(base);
}

/**
 * Decides whether a CI file at a repository's root is evidence for one
 * subdirectory of it (a service in a monorepo), in this order:
 *
 * 1. Path filters decide first: a `paths:` / GitLab `changes:` pattern that
 *   can match a file of the subdirectory makes it count; `paths:` patterns
 *   that cannot, or a `paths-ignore:` that covers the whole subdirectory, make
 *   it not count (it does not run for changes there).
 * 2. A file that names the subdirectory (`services/cart`, or `cart` as a word
 *   of its file name) counts.
 * 3. A file that names a sibling directory (`services/payments`, or
 *   `payments` in its file name) but not this one concerns another service.
 * 4. Otherwise the file runs for the whole repository (no paths filter, no
 *   single service named) and counts.
 *
 * @public
 */
export function judgeRootCiFile(
  options: JudgeRootCiFileOptions,
): RootCiFileJudgement {
  const { path, content, subdirectory, siblings } = options;
  const filters = readPathFilters(content);
  const included = filters.include.find(pattern =>
    includesSubdirectory(pattern, subdirectory),
  );
  if (included !== undefined) {
    return {
      counts: true,
      reason: `its paths filter '${included}' includes ${subdirectory}/`,
    };
  }
  const excluded = filters.exclude.find(pattern =>
    excludesSubdirectory(pattern, subdirectory),
  );
  if (excluded !== undefined) {
    return {
      counts: false,
      reason: `its paths-ignore filter '${excluded}' excludes ${subdirectory}/`,
    };
  }
  const positive = filters.include.filter(pattern => !pattern.startsWith('!'));
  if (positive.length > 0) {
    return {
      counts: false,
      reason: `its paths filter (${positive
        .slice(0, 3)
        .map(pattern => `'${pattern}'`)
        .join(', ')}) does not include ${subdirectory}/`,
    };
  }

  const name = subdirectory.split('/').pop() ?? subdirectory;
  if (namesPath(content, subdirectory) || namesInFileName(path, name)) {
    return { counts: true, reason: `it names ${subdirectory}` };
  }
  const parent = subdirectory.includes('/')
    ? subdirectory.slice(0, subdirectory.lastIndexOf('/') + 1)
    : '';
  const other = siblings.find(
    sibling =>
      sibling.toLowerCase() !== name.toLowerCase() &&
      (namesInFileName(path, sibling) ||
        (parent
          ? namesPath(content, `${parent}${sibling}`)
          : new RegExp(
              `(^|[\\s'"=:,\\[(])(\\./)?${escapeRegExp(sibling)}/`,
              'i',
            ).test(content))),
  );
  if (other !== undefined) {
    return {
      counts: false,
      reason: `it names ${parent}${other}, another directory, not ${subdirectory}`,
    };
  }
  return {
    counts: true,
    reason:
      'it runs for the whole repository (no paths filter, no single service named)',
  };
}
