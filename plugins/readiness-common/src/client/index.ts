export {
  ReadinessApiClient,
  MAX_SUMMARIES_PER_REQUEST,
} from './ReadinessApiClient';
export type {
  ReadinessApiClientOptions,
  ReadinessRequestOptions,
  ReadinessEntityRef,
  ReadinessExport,
  ReadinessExportFormat,
  ReadinessTrendOptions,
  ReadinessChampionsOptions,
  ReadinessExemptionsOptions,
} from './ReadinessApiClientOptions';
