import type {
  AuditorService,
  AuthService,
  BackstageCredentials,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import type { createOpenApiRouter } from '../schema/openapi.generated';
import type { ReadinessMetrics } from '../observability/ReadinessMetrics';
import type { ReadinessAuthorizer } from '../permissions/ReadinessAuthorizer';
import type { ScoringService } from '../scoring/ScoringService';
import type { PackIndex } from '../pack/PackIndex';
import type { ExemptionsModel } from './models/ExemptionsModel';
import type { InsightsModel } from './models/InsightsModel';
import type { RunsModel } from './models/RunsModel';
import type { ScorecardModel } from './models/ScorecardModel';
import type { SearchModel } from './models/SearchModel';

/**
 * The Express router typed from the OpenAPI spec.
 *
 * @internal
 */
export type ReadinessApiRouter = ReturnType<typeof createOpenApiRouter>;

/**
 * What the endpoint binders need: request authentication, the authorizer
 * (permissions and visibility), the models and the metrics.
 *
 * @public
 */
export interface RouterDependencies {
  httpAuth: HttpAuthService;
  auth: AuthService;
  /** Records the write actions: exemptions, rescores, refreshes. */
  auditor: AuditorService;
  authorizer: ReadinessAuthorizer;
  pack: PackIndex;
  scorecards: ScorecardModel;
  search: SearchModel;
  insights: InsightsModel;
  runs: RunsModel;
  exemptions: ExemptionsModel;
  scoring: ScoringService;
  /** Where the API records its request metrics. */
  metrics: ReadinessMetrics;
}

/**
 * A readable identity for the caller: the user entity ref, or
 * `service:<subject>` for a service principal.
 *
 * @internal
 */
export function describeCaller(
  auth: AuthService,
  credentials: BackstageCredentials,
): string {
  if (auth.isPrincipal(credentials, 'user')) {
    return credentials.principal.userEntityRef;
  }
  if (auth.isPrincipal(credentials, 'service')) {
    return `service:${credentials.principal.subject}`;
  }
  return 'unknown';
}
