import {
  isRecord,
  type CheckDefinition,
  type LearnFromExemplar,
} from '@prodready/plugin-readiness-common';
import { parse as parseYaml } from 'yaml';

/**
 * The marker of a value `readiness fix` wrote for a person to fill in. No
 * check passes on a value holding it (see `isPlaceholder` of
 * `@prodready/plugin-readiness-common`).
 *
 * @public
 */
export const FILL_ME = '<FILL-ME';

/**
 * A placeholder value: `<FILL-ME: what to write>`.
 *
 * @public
 */
export function fillMe(what: string): string {
  return `${FILL_ME}: ${what.replace(/>/g, ')')}>`;
}

/**
 * A placeholder link URL: `fill-me:<FILL-ME: what to write>`, a URL the
 * catalog accepts but no check counts (not a web URL).
 *
 * @public
 */
export function fillMeUrl(what: string): string {
  return `fill-me:${fillMe(what)}`;
}

/**
 * One change to an entity of a catalog file, or a note on what cannot be
 * written there (a file of the repository, a tag or label whose format
 * allows no placeholder).
 *
 * @public
 */
export type CatalogEdit =
  | { kind: 'annotation'; key: string; value: string }
  | { kind: 'link'; link: { url: string; title?: string; type?: string } }
  | { kind: 'field'; path: string[]; value: string }
  | { kind: 'note'; text: string };

/** The first ```yaml block of a remediation, parsed; undefined if none. */
function remediationSnippet(markdown: string): unknown {
  const match = /```ya?ml\n([\s\S]*?)```/.exec(markdown);
  if (!match) {
    return undefined;
  }
  try {
    return parseYaml(match[1]);
  } catch {
    return undefined;
  }
}

function example(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number'
    ? `e.g. ${JSON.stringify(String(value))}`
    : 'a value';
}

/**
 * The edits the remediation snippet of a check (its first ```yaml block)
 * suggests, with every value replaced by a `<FILL-ME: …>` placeholder.
 *
 * @public
 */
export function editsFromRemediation(check: CheckDefinition): CatalogEdit[] {
  const snippet = remediationSnippet(check.remediation.markdown);
  const edits: CatalogEdit[] = [];
  if (!isRecord(snippet)) {
    return [
      {
        kind: 'note',
        text: `${check.id}: nothing to write in the catalog file; run "readiness explain ${check.id}"`,
      },
    ];
  }
  const metadata = isRecord(snippet.metadata) ? snippet.metadata : {};
  if (isRecord(metadata.annotations)) {
    for (const [key, value] of Object.entries(metadata.annotations)) {
      edits.push({
        kind: 'annotation',
        key,
        value: fillMe(`${check.title}, ${example(value)}`),
      });
    }
  }
  if (Array.isArray(metadata.links)) {
    for (const link of metadata.links.filter(isRecord)) {
      edits.push({
        kind: 'link',
        link: {
          url: fillMeUrl(`URL, ${example(link.url)}`),
          ...(typeof link.title === 'string' && { title: link.title }),
          ...(typeof link.type === 'string' && { type: link.type }),
        },
      });
    }
  }
  for (const key of ['labels', 'tags'] as const) {
    if (metadata[key] !== undefined) {
      edits.push({
        kind: 'note',
        text: `${check.id}: add ${key} as in: ${JSON.stringify(
          metadata[key],
        )} (not written: their format allows no placeholder)`,
      });
    }
  }
  if (isRecord(snippet.spec)) {
    for (const [key, value] of Object.entries(snippet.spec)) {
      if (typeof value === 'string' || typeof value === 'number') {
        edits.push({
          kind: 'field',
          path: ['spec', key],
          value: fillMe(example(value)),
        });
      }
    }
  }
  return edits;
}

/**
 * The edits that copy the shape of how another team passes a check: its
 * annotation (key kept, value a placeholder naming theirs), its link (type
 * and title kept, URL a placeholder) or, for what lives outside the
 * catalog file (a file, a dependency), a note.
 *
 * @public
 */
export function editsFromExemplar(
  checkId: string,
  exemplar: LearnFromExemplar,
): CatalogEdit[] {
  const who = exemplar.entity.entityRef;
  return exemplar.evidence.map((evidence): CatalogEdit => {
    const theirs = evidence.value ? `theirs is "${evidence.value}"` : '';
    switch (evidence.kind) {
      case 'annotation':
        return {
          kind: 'annotation',
          key: evidence.label,
          value: fillMe(`your value, as ${who} (${theirs || 'set'})`),
        };
      case 'link': {
        const title = /"(.*)"/.exec(evidence.label)?.[1];
        const type = /^type (.+)$/.exec(evidence.value ?? '')?.[1];
        return {
          kind: 'link',
          link: {
            url: fillMeUrl(
              `your URL, as ${who}${evidence.url ? ` (${evidence.url})` : ''}`,
            ),
            ...(title && { title }),
            ...(type && { type }),
          },
        };
      }
      case 'field':
        return {
          kind: 'field',
          path: evidence.label.split('.'),
          value: fillMe(`as ${who} (${theirs || 'set'})`),
        };
      default:
        return {
          kind: 'note',
          text: `${checkId}: ${who} passes with the ${evidence.kind} ${
            evidence.label
          }${evidence.value ? ` (${evidence.value})` : ''}${
            evidence.url ? ` ${evidence.url}` : ''
          }: add the same to your repository`,
        };
    }
  });
}
