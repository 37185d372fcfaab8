import type { TableColumn } from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type { CatalogTableRow } from '@backstage/plugin-catalog';
import { ReadinessLevelCell } from './ReadinessLevelCell';
import { shownScore } from './shownScores';

/**
 * Options of {@link createReadinessColumn}.
 *
 * @public
 */
export interface ReadinessColumnOptions {
  /** Column title; default `Readiness`. */
  title?: string;
  /** Show the score beside the level badge; default true. */
  showScore?: boolean;
}

/**
 * A catalog table column with each entity's readiness level and score. The
 * rows of a page are loaded with one `POST /summaries`, not one request per
 * row. The column sorts by score (the rows shown so far; not yet scored, and
 * Groups and Users, which are not scored themselves, last); its cells do not
 * wrap.
 *
 * @example
 * ```tsx
 * const columns: CatalogTableColumnsFunc = context => [
 *   ...CatalogTable.defaultColumnsFunc(context),
 *   createReadinessColumn(),
 * ];
 * <CatalogIndexPage columns={columns} />
 * ```
 *
 * @public
 */
export function createReadinessColumn(
  options: ReadinessColumnOptions = {},
): TableColumn<CatalogTableRow> {
  return {
    title: options.title ?? 'Readiness',
    sorting: true,
    customSort: (a, b) =>
      shownScore(stringifyEntityRef(a.entity)) -
      shownScore(stringifyEntityRef(b.entity)),
    searchable: false,
    width: '180px',
    cellStyle: { whiteSpace: 'nowrap', minWidth: 180 },
    render: row => (
      <ReadinessLevelCell
        entityRef={stringifyEntityRef(row.entity)}
        showScore={options.showScore}
      />
    ),
  };
}
