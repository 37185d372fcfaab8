import { SEARCH_FILTERS } from '@prodready/plugin-readiness-common';

/** Longest file name stem before the date; longer filter lists are cut. */
const MAX_STEM = 80;

function slug(text: string): string {
  return text
    .toLocaleLowerCase('en-US')
    .replace(/^[a-z]+:(?:default\/)?/, '')
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * The file name of an export, naming its filters so that saved files tell
 * apart, e.g. `readiness-failing-runbook.runbook-tier-1-2026-05-01.csv`.
 * Query values are reduced to `[a-z0-9.-]`, so the name is safe in a
 * `Content-Disposition` header.
 *
 * @internal
 */
export function exportFileName(
  params: Record<string, unknown>,
  stamp: string,
  format: 'csv' | 'json',
): string {
  const parts: string[] = [];
  for (const filter of SEARCH_FILTERS) {
    const raw = params[filter];
    const values = (Array.isArray(raw) ? raw : [raw])
      .flatMap(value => (typeof value === 'string' ? value.split(',') : []))
      .map(slug)
      .filter(Boolean);
    if (values.length > 0) {
      parts.push(slug(filter), ...values);
    }
  }
  const stem = ['readiness', ...parts].join('-').slice(0, MAX_STEM);
  return `${stem.replace(/-+$/, '')}-${stamp}.${format}`;
}
