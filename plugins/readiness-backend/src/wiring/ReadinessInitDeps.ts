import type {
  AuditorService,
  AuthService,
  DatabaseService,
  HttpAuthService,
  HttpRouterService,
  LifecycleService,
  LoggerService,
  PermissionsRegistryService,
  PermissionsService,
  RootConfigService,
  SchedulerService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import type {
  ActionsRegistryService,
  MetricsService,
} from '@backstage/backend-plugin-api/alpha';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { NotificationService } from '@backstage/plugin-notifications-node';

/**
 * The backend services the readiness plugin's init receives; the wiring
 * functions take the part they need.
 *
 * @internal
 */
export interface ReadinessInitDeps {
  config: RootConfigService;
  logger: LoggerService;
  database: DatabaseService;
  scheduler: SchedulerService;
  lifecycle: LifecycleService;
  httpRouter: HttpRouterService;
  httpAuth: HttpAuthService;
  auth: AuthService;
  auditor: AuditorService;
  permissions: PermissionsService;
  permissionsRegistry: PermissionsRegistryService;
  urlReader: UrlReaderService;
  catalog: CatalogService;
  metricsService: MetricsService;
  actionsRegistry: ActionsRegistryService;
  notifications: NotificationService;
}
