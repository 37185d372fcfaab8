/*
 * An entity added to the running app's catalog, and the seconds until the
 * readiness backend has its scorecard (issue 13: new entities are scored
 * within seconds by the delta pass, without a full rescore).
 *
 * The catalog registers only `url` locations, so a catalog file is served
 * from a local HTTP server on ADDED_ENTITY_PORT (app-config.yaml lets the
 * backend read from it: backend.reading.allow) and registered through the
 * catalog API, as a user registering a component would.
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import type { ReadinessTestApi } from './readinessApi';
import { waitFor } from './stack';

/** The port app-config.yaml allows the backend to read catalog files from. */
export const ADDED_ENTITY_PORT = 7190;

/** What {@link addEntityAndWaitForScorecard} measured. */
export interface AddedEntity {
  entityRef: string;
  /** From the location's registration to the scorecard, in seconds. */
  seconds: number;
  score: number;
  /** Removes the location (and with it the entity) and stops the server. */
  remove(): Promise<void>;
}

function catalogFile(name: string): string {
  return [
    'apiVersion: backstage.io/v1alpha1',
    'kind: Component',
    'metadata:',
    `  name: ${name}`,
    '  description: Added by the e2e test to time its first scorecard',
    '  links:',
    '    - url: https://runbooks.example.com/e2e-added',
    '      title: Runbook',
    '      type: runbook',
    'spec:',
    '  type: service',
    '  lifecycle: experimental',
    '  owner: group:default/web-experience',
    '  system: storefront',
    '',
  ].join('\n');
}

/**
 * Serves a catalog file with one new component, registers it, and polls the
 * readiness API every 250 ms until the component's scorecard is there.
 */
export async function addEntityAndWaitForScorecard(
  api: ReadinessTestApi,
  timeoutMs = 120_000,
): Promise<AddedEntity> {
  const name = `e2e-added-${Date.now().toString(36)}`;
  const body = catalogFile(name);
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/yaml' });
    res.end(body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(ADDED_ENTITY_PORT, 'localhost', () => resolve());
  });
  const entityRef = `component:default/${name}`;
  let locationId: string | undefined;
  const remove = async () => {
    if (locationId) {
      await api
        .send('DELETE', `/api/catalog/locations/${locationId}`)
        .catch(() => undefined);
    }
    await new Promise(resolve => server.close(resolve));
  };
  try {
    const start = performance.now();
    const registered = await api.send<{ location: { id: string } }>(
      'POST',
      '/api/catalog/locations',
      {
        type: 'url',
        target: `http://localhost:${ADDED_ENTITY_PORT}/catalog-info.yaml`,
      },
    );
    locationId = registered.location.id;
    let score = 0;
    await waitFor(
      `the scorecard of ${entityRef}`,
      async () => {
        try {
          const card = await api.getEntityScorecard(entityRef);
          score = card.entity.score;
          return true;
        } catch {
          return false;
        }
      },
      timeoutMs,
      250,
    );
    return {
      entityRef,
      seconds: (performance.now() - start) / 1000,
      score,
      remove,
    };
  } catch (error) {
    await remove();
    throw error;
  }
}
