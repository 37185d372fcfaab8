import { InputError } from '@backstage/errors';
import { LineCounter, parseAllDocuments } from 'yaml';

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
}

/**
 * Parses every document of a YAML text, keeping the line of each. Empty
 * documents (e.g. after a trailing `---`) are left out.
 *
 * @param text - the file content
 * @param file - the file name used in error messages
 * @throws InputError naming `file:line:column` on a syntax error
 * @public
 */
export function parseYamlDocuments(text: string, file: string): YamlDocument[] {
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(text, {
    lineCounter,
    prettyErrors: false,
  });
  const list = Array.isArray(documents) ? documents : [];
  const result: YamlDocument[] = [];
  list.forEach((document, index) => {
    const error = document.errors[0];
    if (error) {
      const { line, col } = lineCounter.linePos(error.pos[0]);
      const message = error.message.split('\n')[0].replace(/\.?$/, '');
      throw new InputError(
        `${file}:${line}:${col}: YAML syntax error: ${message}`,
      );
    }
    if (document.contents === null) {
      return;
    }
    const start = document.contents.range?.[0] ?? 0;
    const { line, col } = lineCounter.linePos(start);
    result.push({ data: document.toJS(), index, line, column: col });
  });
  return result;
}
