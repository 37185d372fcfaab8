import type {
  AuditorService,
  HttpAuthService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type { SetupNotice } from '@prodready/plugin-readiness-common';
import type { createOpenApiRouter } from '../schema/openapi.generated';
import type { ReadinessMetrics } from '../observability/ReadinessMetrics';
import type { PackIndex } from '../pack/PackIndex';
import type { AttestationsService } from './authorized/AttestationsService';
import type { CampaignsService } from './authorized/CampaignsService';
import type { ExemptionsService } from './authorized/ExemptionsService';
import type { FactsService } from './authorized/FactsService';
import type { InsightsService } from './authorized/InsightsService';
import type { PreviewService } from './authorized/PreviewService';
import type { RunsService } from './authorized/RunsService';
import type { ScorecardService } from './authorized/ScorecardService';
import type { SearchService } from './authorized/SearchService';
import type { ReadinessHealth } from './ReadinessHealth';

/**
 * The Express router typed from the OpenAPI spec.
 *
 * @internal
 */
export type ReadinessApiRouter = ReturnType<typeof createOpenApiRouter>;

/**
 * What the endpoint binders need: request authentication, the auditor, and
 * the authorized services, which take the caller's credentials and apply
 * permissions and catalog visibility themselves (binders never do).
 *
 * @internal
 */
export interface RouterDependencies {
  httpAuth: HttpAuthService;
  logger: LoggerService;
  /** The database check and last run age of `/health`; tells outages apart. */
  health: ReadinessHealth;
  /** Records the write actions: exemptions, rescores, refreshes. */
  auditor: AuditorService;
  pack: PackIndex;
  /** What the installation cannot see now, answered with the pack. */
  setup: () => SetupNotice;
  scorecards: ScorecardService;
  search: SearchService;
  insights: InsightsService;
  runs: RunsService;
  exemptions: ExemptionsService;
  /** Facts pushed from outside Backstage (CI). */
  facts: FactsService;
  /** Attestations of attested checks. */
  attestations: AttestationsService;
  /** Previews of check-pack changes. */
  preview: PreviewService;
  /** Campaigns: goals over a scope, with a deadline and progress. */
  campaigns: CampaignsService;
  /** Where the API records its request metrics. */
  metrics: ReadinessMetrics;
}
