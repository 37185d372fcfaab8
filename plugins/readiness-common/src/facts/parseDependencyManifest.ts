import type { RepositoryDependency } from '../types';
import { normalizeRepositoryPath } from './classifyRepositoryFile';
import { isRecord } from '../util/isRecord';

type Ecosystem = RepositoryDependency['ecosystem'];

/**
 * Parses one dependency manifest into the dependencies it declares.
 *
 * Recognised by file name: `package.json` (dependencies and devDependencies),
 * `go.mod` (require directives), `requirements*.txt`, `pyproject.toml`
 * (`[project] dependencies`, `[project.optional-dependencies]` and
 * `[tool.poetry.*dependencies]`), `pom.xml` (`groupId:artifactId`),
 * `build.gradle` / `build.gradle.kts` (string and map notations) and Gradle
 * version catalogs (`libs.versions.toml`).
 *
 * Python names are normalised as PEP 503 does (lower case, runs of `-_.`
 * become `-`). A malformed manifest yields no dependencies; this never throws.
 *
 * @param path - the manifest's path relative to the repository root
 * @param content - its text
 * @returns the dependencies, or `undefined` when the path is not a manifest
 * @public
 */
export function parseDependencyManifest(
  path: string,
  content: string,
): RepositoryDependency[] | undefined {
  const manifest = normalizeRepositoryPath(path);
  const fileName = manifest.slice(manifest.lastIndexOf('/') + 1).toLowerCase();
  const parse = manifestParser(fileName);
  if (!parse) {
    return undefined;
  }
  let found: Array<{ ecosystem: Ecosystem; name: string }>;
  try {
    found = parse(stripBom(content));
  } catch {
    return [];
  }
  const seen = new Set<string>();
  const result: RepositoryDependency[] = [];
  for (const { ecosystem, name } of found) {
    const trimmed = name.trim();
    const key = `${ecosystem}:${trimmed}`;
    if (trimmed && !seen.has(key)) {
      seen.add(key);
      result.push({ ecosystem, name: trimmed, manifest });
    }
  }
  return result;
}

function manifestParser(
  fileName: string,
):
  | ((content: string) => Array<{ ecosystem: Ecosystem; name: string }>)
  | undefined {
  if (fileName === 'package.json') {
    return parsePackageJson;
  }
  if (fileName === 'go.mod') {
    return parseGoMod;
  }
  if (/^requirements[^/]*\.txt$/.test(fileName)) {
    return parseRequirementsTxt;
  }
  if (fileName === 'pyproject.toml') {
    return parsePyprojectToml;
  }
  if (fileName === 'pom.xml') {
    return parsePomXml;
  }
  if (fileName === 'build.gradle' || fileName === 'build.gradle.kts') {
    return parseGradleBuild;
  }
  if (fileName === 'libs.versions.toml') {
    return parseGradleVersionCatalog;
  }
  return undefined;
}

function stripBom(content: string): string {
  return content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
}

function parsePackageJson(content: string) {
  const json: unknown = JSON.parse(content);
  if (!isRecord(json)) {
    return [];
  }
  const names: string[] = [];
  for (const field of ['dependencies', 'devDependencies']) {
    const deps = json[field];
    if (isRecord(deps)) {
      names.push(...Object.keys(deps));
    }
  }
  return names.map(name => ({ ecosystem: 'npm' as const, name }));
}

function stripLineComment(line: string, marker: string): string {
  const index = line.indexOf(marker);
  return index >= 0 ? line.slice(0, index) : line;
}

function parseGoMod(content: string) {
  const names: string[] = [];
  let inRequire = false;
  for (const raw of content.split(/\r?\n/)) {
    const line = stripLineComment(raw, '//').trim();
    if (!line) {
      continue;
    }
    if (inRequire) {
      if (line.startsWith(')')) {
        inRequire = false;
        continue;
      }
      const [module] = line.split(/\s+/);
      if (module) {
        names.push(unquoteGo(module));
      }
      continue;
    }
    const match = /^require\s+(.*)$/.exec(line);
    if (match) {
      const rest = match[1].trim();
      if (rest.startsWith('(')) {
        inRequire = true;
        const inline = rest.slice(1).trim();
        if (inline && !inline.startsWith(')')) {
          names.push(unquoteGo(inline.split(/\s+/)[0]));
        }
      } else {
        names.push(unquoteGo(rest.split(/\s+/)[0]));
      }
    }
  }
  return names
    .filter(name => /^[^\s"'`()]+$/.test(name))
    .map(name => ({ ecosystem: 'go' as const, name }));
}

function unquoteGo(module: string): string {
  return module.replace(/^["`](.*)["`]$/, '$1');
}

/** PEP 503 normalised project name, or undefined when not a valid name. */
function pythonName(requirement: string): string | undefined {
  const match = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(requirement);
  if (!match) {
    return undefined;
  }
  return match[1].toLowerCase().replace(/[-_.]+/g, '-');
}

function parseRequirementsTxt(content: string) {
  const names: string[] = [];
  // Join backslash line continuations first.
  const lines = content.replace(/\\\r?\n/g, ' ').split(/\r?\n/);
  for (const raw of lines) {
    const line = stripLineComment(raw, ' #').replace(/^#.*$/, '').trim();
    if (!line || line.startsWith('-')) {
      // Options such as -r other.txt, -e ./pkg, --index-url …
      continue;
    }
    if (/^[a-z+]+:\/\//i.test(line)) {
      const egg = /#egg=([A-Za-z0-9._-]+)/.exec(raw);
      if (egg) {
        names.push(egg[1].toLowerCase().replace(/[-_.]+/g, '-'));
      }
      continue;
    }
    const name = pythonName(line);
    if (name) {
      names.push(name);
    }
  }
  return names.map(name => ({ ecosystem: 'pypi' as const, name }));
}

/**
 * A minimal TOML reader, enough for dependency tables: tracks `[table]`
 * headers and yields `key = value` pairs with multi-line array values joined.
 */
function tomlEntries(
  content: string,
): Array<{ table: string; key: string; value: string }> {
  const entries: Array<{ table: string; key: string; value: string }> = [];
  let table = '';
  const lines = content.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = stripTomlComment(lines[i]).trim();
    if (!line) {
      continue;
    }
    const header = /^\[\[?\s*([^\]]+?)\s*\]\]?$/.exec(line);
    if (header) {
      table = header[1].replace(/\s*\.\s*/g, '.').replace(/"/g, '');
      continue;
    }
    const pair = /^("[^"]*"|'[^']*'|[A-Za-z0-9_.-]+)\s*=\s*(.*)$/.exec(line);
    if (!pair) {
      continue;
    }
    const key = pair[1].replace(/^["']|["']$/g, '');
    let value = pair[2];
    // Join multi-line arrays and inline tables until brackets balance.
    let depth = bracketDepth(value);
    while (depth > 0 && i + 1 < lines.length) {
      i++;
      const next = stripTomlComment(lines[i]);
      value += `\n${next}`;
      depth += bracketDepth(next);
    }
    entries.push({ table, key, value: value.trim() });
  }
  return entries;
}

function stripTomlComment(line: string): string {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quote) {
      if (char === '\\' && quote === '"') {
        i++;
      } else if (char === quote) {
        quote = undefined;
      }
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '#') {
      return line.slice(0, i);
    }
  }
  return line;
}

function bracketDepth(text: string): number {
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quote) {
      if (char === '\\' && quote === '"') {
        i++;
      } else if (char === quote) {
        quote = undefined;
      }
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '[' || char === '{') {
      depth++;
    } else if (char === ']' || char === '}') {
      depth--;
    }
  }
  return depth;
}

function tomlStrings(value: string): string[] {
  const strings: string[] = [];
  const pattern = /"((?:[^"\\]|\\.)*)"|'([^']*)'/g;
  for (const match of value.matchAll(pattern)) {
    strings.push(match[1] ?? match[2] ?? '');
  }
  return strings;
}

function parsePyprojectToml(content: string) {
  const names: string[] = [];
  for (const { table, key, value } of tomlEntries(content)) {
    if (
      (table === 'project' && key === 'dependencies') ||
      table === 'project.optional-dependencies' ||
      (table === 'dependency-groups' && value.startsWith('['))
    ) {
      for (const requirement of tomlStrings(value)) {
        const name = pythonName(requirement);
        if (name) {
          names.push(name);
        }
      }
    } else if (
      /^tool\.poetry(\.group\.[^.]+)?\.(dev-)?dependencies$/.test(table) &&
      key.toLowerCase() !== 'python'
    ) {
      const name = pythonName(key);
      if (name) {
        names.push(name);
      }
    }
  }
  return names.map(name => ({ ecosystem: 'pypi' as const, name }));
}

function xmlText(block: string, tag: string): string | undefined {
  const match = new RegExp(`<${tag}>\\s*([^<]*?)\\s*</${tag}>`).exec(block);
  return match ? match[1] : undefined;
}

function parsePomXml(content: string) {
  const names: string[] = [];
  const withoutComments = content.replace(/<!--[\s\S]*?-->/g, '');
  const pattern = /<(dependency|plugin)>([\s\S]*?)<\/\1>/g;
  for (const match of withoutComments.matchAll(pattern)) {
    const [, element, block] = match;
    const artifactId = xmlText(block, 'artifactId');
    const groupId =
      xmlText(block, 'groupId') ??
      (element === 'plugin' ? 'org.apache.maven.plugins' : undefined);
    if (groupId && artifactId) {
      names.push(`${groupId}:${artifactId}`);
    }
  }
  return names.map(name => ({ ecosystem: 'maven' as const, name }));
}

const GRADLE_CONFIGURATIONS =
  '(?:implementation|api|compile|compileOnly|runtimeOnly|runtime|testImplementation|testCompile|testRuntimeOnly|testCompileOnly|annotationProcessor|kapt|ksp|developmentOnly|compileOnlyApi|javaagent|agent|classpath|[a-z][A-Za-z]*(?:Implementation|Api|CompileOnly|RuntimeOnly))';

function parseGradleBuild(content: string) {
  const names: string[] = [];
  const text = content
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:])\/\/.*$/gm, '$1');
  // implementation 'g:a:v', implementation("g:a:v"), implementation(platform("g:a:v"))
  const stringNotation = new RegExp(
    `\\b${GRADLE_CONFIGURATIONS}\\s*\\(?\\s*(?:(?:platform|enforcedPlatform|testFixtures)\\s*\\(\\s*)?["']([^"'$:\\s]+):([^"':\\s]+)(?::[^"']*)?["']`,
    'g',
  );
  for (const match of text.matchAll(stringNotation)) {
    names.push(`${match[1]}:${match[2]}`);
  }
  // implementation group: 'g', name: 'a', version: 'v'
  // implementation(group = "g", name = "a", version = "v")
  const mapNotation = new RegExp(
    `\\b${GRADLE_CONFIGURATIONS}\\s*\\(?\\s*group\\s*[:=]\\s*["']([^"']+)["']\\s*,\\s*name\\s*[:=]\\s*["']([^"']+)["']`,
    'g',
  );
  for (const match of text.matchAll(mapNotation)) {
    names.push(`${match[1]}:${match[2]}`);
  }
  return names.map(name => ({ ecosystem: 'gradle' as const, name }));
}

function parseGradleVersionCatalog(content: string) {
  const names: string[] = [];
  for (const { table, value } of tomlEntries(content)) {
    if (table !== 'libraries' && table !== 'plugins') {
      continue;
    }
    if (value.startsWith('{')) {
      const module = /\bmodule\s*=\s*["']([^"':]+):([^"']+)["']/.exec(value);
      const group = /\bgroup\s*=\s*["']([^"']+)["']/.exec(value);
      const name = /\bname\s*=\s*["']([^"']+)["']/.exec(value);
      const id = /\bid\s*=\s*["']([^"']+)["']/.exec(value);
      if (module) {
        names.push(`${module[1]}:${module[2]}`);
      } else if (group && name) {
        names.push(`${group[1]}:${name[1]}`);
      } else if (id) {
        names.push(id[1]);
      }
    } else {
      const [coordinates] = tomlStrings(value);
      const parts = coordinates?.split(':') ?? [];
      if (table === 'libraries' && parts.length >= 2) {
        names.push(`${parts[0]}:${parts[1]}`);
      } else if (table === 'plugins' && parts[0]) {
        names.push(parts[0]);
      }
    }
  }
  return names.map(name => ({ ecosystem: 'gradle' as const, name }));
}
