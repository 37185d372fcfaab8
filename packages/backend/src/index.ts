/*
 * The Backstage backend used by `npm start`: catalog, guest auth, permissions,
 * the app backend, and the readiness plugin set. Its own metrics are served
 * for Prometheus at http://localhost:9464/metrics; its spans go to an OTLP
 * collector when OTEL_EXPORTER_OTLP_ENDPOINT names one.
 */
import { createBackend } from '@backstage/backend-defaults';
import { rootHttpRouterServiceFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { answerClientErrors } from './answerClientErrors';
import { startMetricsExporter } from './startMetricsExporter';
import { startTraceExporter } from './startTraceExporter';

// Before the backend: plugins create their instruments when they start.
startMetricsExporter();
startTraceExporter();

const backend = createBackend();

// Requests Node refuses before any route (e.g. a query string over 16 KB)
// get a JSON error body instead of an empty one.
backend.add(
  rootHttpRouterServiceFactory({
    configure({ server, applyDefaults }) {
      answerClientErrors(server);
      applyDefaults();
    },
  }),
);

backend.add(import('@backstage/plugin-app-backend'));

backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

backend.add(import('@backstage/plugin-catalog-backend'));

backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@backstage/plugin-permission-backend-module-allow-all-policy'),
);

// Notifications: readiness tells the owning team when a level changes.
backend.add(import('@backstage/plugin-notifications-backend'));

backend.add(import('@prodready/plugin-readiness-backend'));
// Live golden-signal evidence; inactive until readiness.prometheus.baseUrl is set.
backend.add(import('@prodready/plugin-readiness-backend-module-prometheus'));

// Backstage Search with the in-memory Lunr engine (the default when no search
// engine module is installed): the catalog and the readiness gaps.
backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));
backend.add(import('@prodready/plugin-search-backend-module-readiness'));

backend.start();
