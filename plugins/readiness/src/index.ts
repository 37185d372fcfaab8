/**
 * Production-readiness scorecards for Backstage: the Readiness tab and card
 * of entity pages, the organisation-wide page with search by gaps, and a
 * catalog column and filter.
 *
 * @packageDocumentation
 */

export {
  readinessPlugin,
  ReadinessPage,
  EntityReadinessContent,
  EntityRollupContent,
  EntityReadinessCard,
} from './plugin';
export { rootRouteRef as readinessRouteRef } from './routes';
export { readinessApiRef } from './api/ReadinessApi';
export type {
  ReadinessApi,
  ReadinessChampionsOptions,
  ReadinessEntityRef,
  ReadinessExemptionsOptions,
  ReadinessExport,
  ReadinessExportFormat,
  ReadinessTrendOptions,
} from './api/ReadinessApi';
export { ReadinessClient } from './api/ReadinessClient';
export type { ReadinessClientOptions } from './api/ReadinessClient';
export {
  searchQueryFromParams,
  searchQueryToParams,
} from '@prodready/plugin-readiness-common';
export {
  createReadinessColumn,
  ReadinessLevelCell,
} from './components/ReadinessColumn';
export type {
  ReadinessColumnOptions,
  ReadinessLevelCellProps,
} from './components/ReadinessColumn';
export {
  ReadinessGapPicker,
  ReadinessGapFilter,
} from './components/ReadinessGapPicker';
export type {
  ReadinessGapPickerProps,
  ReadinessEntityFilters,
} from './components/ReadinessGapPicker';
export { LevelBadge } from './components/LevelBadge';
export type { LevelBadgeProps } from './components/LevelBadge';
export { StateIcon } from './components/StateIcon';
export type { StateIconProps } from './components/StateIcon';
export { ContactLinks } from './components/ContactLinks';
export type { ContactLinksProps } from './components/ContactLinks';
export type { EntityReadinessContentProps } from './components/EntityReadinessContent';
export type { EntityReadinessCardProps } from './components/EntityReadinessCard';
export type { ReadinessPageProps } from './components/ReadinessPage';
export { useCheckPack } from './hooks/useCheckPack';
export { useEntityScorecard } from './hooks/useEntityScorecard';
export type { EntityScorecardState } from './hooks/useEntityScorecard';
export { useReadinessPermissions } from './hooks/useReadinessPermissions';
export type { ReadinessPermissions } from './hooks/useReadinessPermissions';
