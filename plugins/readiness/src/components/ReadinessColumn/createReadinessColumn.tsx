import type { TableColumn } from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type { CatalogTableRow } from '@backstage/plugin-catalog';
import { ReadinessLevelCell } from './ReadinessLevelCell';

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
 * row.
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
    sorting: false,
    searchable: false,
    render: row => (
      <ReadinessLevelCell
        entityRef={stringifyEntityRef(row.entity)}
        showScore={options.showScore}
      />
    ),
  };
}
