import {
  Document,
  YAMLMap,
  YAMLSeq,
  isMap,
  isSeq,
  parseAllDocuments,
} from 'yaml';
import type { CatalogEdit } from './planFixes';

/**
 * The edits for one entity of a catalog file, found by kind and name.
 *
 * @public
 */
export interface EntityEdits {
  kind: string;
  name: string;
  namespace?: string;
  edits: CatalogEdit[];
}

/**
 * What {@link applyFixes} did.
 *
 * @public
 */
export interface AppliedFixes {
  /** The new file text. */
  text: string;
  /** One line per change written, e.g. `component:a: annotation x`. */
  written: string[];
  /** Notes and edits that were already there (not written). */
  skipped: string[];
}

function matches(document: Document.Parsed, target: EntityEdits): boolean {
  const kind = document.get('kind');
  const name = document.getIn(['metadata', 'name']);
  const namespace = document.getIn(['metadata', 'namespace']) ?? 'default';
  return (
    typeof kind === 'string' &&
    kind.toLocaleLowerCase('en-US') ===
      target.kind.toLocaleLowerCase('en-US') &&
    name === target.name &&
    namespace === (target.namespace ?? 'default')
  );
}

function hasLink(document: Document.Parsed, type?: string): boolean {
  const links = document.getIn(['metadata', 'links']);
  if (!isSeq(links) || !type) {
    return false;
  }
  return links.items.some(item => isMap(item) && item.get('type') === type);
}

function describeEdit(edit: CatalogEdit): string {
  switch (edit.kind) {
    case 'annotation':
      return `annotation ${edit.key}`;
    case 'link':
      return `link${edit.link.type ? ` of type ${edit.link.type}` : ''}`;
    case 'field':
      return edit.path.join('.');
    default:
      return edit.text;
  }
}

function applyEdit(
  document: Document.Parsed,
  edit: CatalogEdit,
): string | undefined {
  switch (edit.kind) {
    case 'annotation': {
      const path = ['metadata', 'annotations', edit.key];
      if (document.hasIn(path)) {
        return undefined;
      }
      if (!isMap(document.getIn(['metadata', 'annotations']))) {
        document.setIn(['metadata', 'annotations'], new YAMLMap());
      }
      document.setIn(path, edit.value);
      return `annotation ${edit.key}`;
    }
    case 'link': {
      if (hasLink(document, edit.link.type)) {
        return undefined;
      }
      const links = document.getIn(['metadata', 'links']);
      const node = document.createNode(edit.link);
      if (isSeq(links)) {
        links.add(node);
      } else {
        const seq = new YAMLSeq();
        seq.add(node);
        document.setIn(['metadata', 'links'], seq);
      }
      return `link${edit.link.type ? ` of type ${edit.link.type}` : ''}`;
    }
    case 'field': {
      if (document.hasIn(edit.path)) {
        return undefined;
      }
      document.setIn(edit.path, edit.value);
      return `field ${edit.path.join('.')}`;
    }
    default:
      return undefined;
  }
}

/**
 * Writes edits into the entities of a catalog file with the `yaml`
 * package's Document API: comments, key order and the other documents are
 * kept as they are (only the changed documents are re-serialised). An
 * annotation, field or link type already present is left alone.
 *
 * @param text - the catalog file
 * @param targets - the edits per entity
 * @public
 */
export function applyFixes(text: string, targets: EntityEdits[]): AppliedFixes {
  const documents = parseAllDocuments(text);
  const list = Array.isArray(documents) ? documents : [];
  const written: string[] = [];
  const skipped: string[] = [];
  const changed = new Set<number>();
  for (const target of targets) {
    const index = list.findIndex(
      d => d.errors.length === 0 && matches(d, target),
    );
    const label = `${target.kind.toLocaleLowerCase('en-US')}:${target.name}`;
    for (const edit of target.edits) {
      if (edit.kind === 'note') {
        skipped.push(edit.text);
        continue;
      }
      const done = index >= 0 ? applyEdit(list[index], edit) : undefined;
      if (done) {
        written.push(`${label}: ${done}`);
        changed.add(index);
      } else {
        skipped.push(
          `${label}: ${describeEdit(edit)} already there, left alone`,
        );
      }
    }
  }
  // Splice the changed documents into the original text.
  let output = '';
  let position = 0;
  list.forEach((document, index) => {
    const start = index === 0 ? 0 : document.range[0];
    const end = document.range[2];
    output += text.slice(position, start);
    const original = text.slice(start, end);
    let replacement = changed.has(index) ? document.toString() : original;
    if (original.endsWith('\n') && !replacement.endsWith('\n')) {
      replacement += '\n';
    } else if (!original.endsWith('\n') && replacement.endsWith('\n')) {
      replacement = replacement.slice(0, -1);
    }
    output += replacement;
    position = end;
  });
  output += text.slice(position);
  return { text: output, written, skipped };
}
