import { Document, LineCounter, parseAllDocuments } from 'yaml';
import { CatalogProblem, isInternalErrorText } from './CatalogProblem';

/**
 * One document of a (multi-document) YAML file, with where it starts.
 *
 * @public
 */
export interface YamlDocument {
  /** The parsed value. */
  data: unknown;
  /** 0-based position of the document in the file. */
  index: number;
  /** 1-based line of the document's first content. */
  line: number;
  /** 1-based column of the document's first content. */
  column: number;
  /**
   * Where a value of the document is written (e.g. `['metadata', 'name']`),
   * or the document's start when the path is not in it.
   */
  locate(path: ReadonlyArray<string | number>): {
    line: number;
    column: number;
  };
}

/**
 * The documents of a YAML text that could be read, and the problems of
 * those that could not.
 *
 * @public
 */
export interface ParsedYamlFile {
  documents: YamlDocument[];
  problems: CatalogProblem[];
}

/** Deeper values are not catalog entities; they also exhaust the stack. */
export const MAX_YAML_DEPTH = 64;

/**
 * Why a parsed value cannot be an entity: a cycle (an alias inside its own
 * anchor) or nesting deeper than {@link MAX_YAML_DEPTH}; undefined when fine.
 */
function shapeProblem(value: unknown): string | undefined {
  const ancestors = new Set<unknown>();
  const visit = (node: unknown, depth: number): string | undefined => {
    if (typeof node !== 'object' || node === null) {
      return undefined;
    }
    if (ancestors.has(node)) {
      return 'a cyclic alias: an alias (*name) is used inside its own anchor (&name), so the value would be infinite; write the value out instead';
    }
    if (depth > MAX_YAML_DEPTH) {
      return `values are nested more than ${MAX_YAML_DEPTH} levels deep, which no catalog entity needs; flatten the document`;
    }
    ancestors.add(node);
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      const problem = visit(child, depth + 1);
      if (problem) {
        return problem;
      }
    }
    ancestors.delete(node);
    return undefined;
  };
  return visit(value, 0);
}

/** A human sentence for an error of the YAML library. */
function syntaxMessage(code: string, message: string): string {
  if (code === 'RESOURCE_EXHAUSTION' || /call stack/i.test(message)) {
    return `values are nested too deeply to read (more than the parser can hold); flatten the document`;
  }
  const first = message.split('\n')[0].replace(/\.?$/, '');
  return isInternalErrorText(first)
    ? 'YAML syntax error: the document cannot be parsed'
    : `YAML syntax error: ${first}`;
}

/** A human sentence for an error thrown while turning a document into data. */
function conversionMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/Excessive alias count/i.test(message)) {
    return 'too many aliases (an "alias bomb": aliases of aliases expand to a huge value); write the values out instead';
  }
  const unresolved = /Unresolved alias[^:]*: (.+)$/.exec(message);
  if (unresolved) {
    return `the alias *${unresolved[1]} refers to no anchor (&${unresolved[1]}) defined before it`;
  }
  if (/call stack/i.test(message)) {
    return 'values are nested too deeply to read; flatten the document';
  }
  return 'the document cannot be turned into data (check anchors and aliases)';
}

function locator(
  document: Document.Parsed,
  lineCounter: LineCounter,
  start: { line: number; column: number },
): YamlDocument['locate'] {
  return path => {
    // The value itself, else its closest parent that is written.
    for (let length = path.length; length > 0; length--) {
      try {
        const node = document.getIn(path.slice(0, length), true) as
          | { range?: [number, number, number] }
          | undefined;
        if (node?.range) {
          const { line, col } = lineCounter.linePos(node.range[0]);
          return { line, column: col };
        }
      } catch {
        // A path through a scalar: try its parent.
      }
    }
    return start;
  };
}

/**
 * Parses every document of a YAML text, keeping the line of each. Empty
 * documents (e.g. after a trailing `---`) are left out. A document that
 * cannot be read (syntax error, alias bomb, cyclic alias, too deep) is left
 * out with a problem naming `file:line:column`; the others are returned.
 *
 * @param text - the file content
 * @param file - the file name used in problems
 * @public
 */
export function parseYamlDocuments(text: string, file: string): ParsedYamlFile {
  const lineCounter = new LineCounter();
  const problems: CatalogProblem[] = [];
  const documents: YamlDocument[] = [];
  const problem = (pos: number, message: string) => {
    const { line, col } = lineCounter.linePos(pos);
    problems.push({ severity: 'error', file, line, column: col, message });
  };

  let parsed: Document.Parsed[];
  try {
    const result = parseAllDocuments(text, {
      lineCounter,
      prettyErrors: false,
    });
    parsed = Array.isArray(result) ? result : [];
  } catch (error) {
    problems.push({
      severity: 'error',
      file,
      line: 0,
      column: 0,
      message: conversionMessage(error),
    });
    return { documents, problems };
  }

  parsed.forEach((document, index) => {
    if (document.errors.length > 0) {
      const seen = new Set<string>();
      for (const error of document.errors) {
        const message = syntaxMessage(error.code, error.message);
        const key = `${error.pos[0]}:${message}`;
        if (!seen.has(key)) {
          seen.add(key);
          problem(error.pos[0], message);
        }
      }
      return;
    }
    if (document.contents === null) {
      return;
    }
    const startPos = document.contents.range?.[0] ?? 0;
    let data: unknown;
    try {
      data = document.toJS();
    } catch (error) {
      problem(startPos, conversionMessage(error));
      return;
    }
    const shape = shapeProblem(data);
    if (shape) {
      problem(startPos, shape);
      return;
    }
    const { line, col } = lineCounter.linePos(startPos);
    const start = { line, column: col };
    documents.push({
      data,
      index,
      ...start,
      locate: locator(document, lineCounter, start),
    });
  });
  return { documents, problems };
}
