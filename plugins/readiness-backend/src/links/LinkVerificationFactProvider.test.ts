import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import {
  compileCheckPack,
  createCheckPack,
  evaluateEntity,
} from '@prodready/plugin-readiness-common';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LinkVerificationFactProvider } from './LinkVerificationFactProvider';
import { readLinkVerifyConfig } from './readLinkVerifyConfig';

describe('LinkVerificationFactProvider', () => {
  let server: Server;
  let base: string;
  const paths: string[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      paths.push(request.url ?? '');
      response.writeHead(request.url === '/runbook' ? 404 : 200).end();
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>(resolve => server.close(() => resolve()));
  });

  const entity = (): Entity => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'payments',
      links: [
        { url: `${base}/runbook`, title: 'Runbook', type: 'runbook' },
        { url: `${base}/dashboard`, title: 'Grafana', type: 'dashboard' },
        { url: `${base}/logs`, title: 'Logs', type: 'logs' },
        { url: `${base}/chat`, title: 'Chat', type: 'chat' },
      ],
    },
    spec: { type: 'service', owner: 'group:payments', lifecycle: 'production' },
  });

  it('fetches runbook, dashboard and logs links; a dead runbook fails with its status', async () => {
    const provider = LinkVerificationFactProvider.create({
      config: readLinkVerifyConfig(
        new ConfigReader({
          readiness: {
            links: {
              verify: {
                enabled: true,
                allowPrivateAddresses: true,
                perHostInterval: 0,
              },
            },
          },
        }),
      ),
    });
    const collected = await provider.collect(entity(), {
      logger: mockServices.logger.mock(),
      signal: new AbortController().signal,
      runId: 'test',
    });
    expect(paths.sort()).toEqual(['/dashboard', '/logs', '/runbook']);
    const card = evaluateEntity(compileCheckPack(createCheckPack()), {
      entityRef: 'component:default/payments',
      namespaces: { entity: { status: 'ok', data: entity() }, ...collected },
    });
    const result = (id: string) => card.results.find(r => r.checkId === id)!;
    expect(result('runbook.runbook').state).toBe('fail');
    expect(result('runbook.runbook').reason).toContain(
      'runbook link "Runbook" is dead: HTTP 404',
    );
    expect(result('logging.logs').state).toBe('pass');
    expect(result('logging.logs').evidence[0].strength).toBe('observed');
  });

  it('is off by default and refuses private addresses by default', () => {
    const settings = readLinkVerifyConfig(new ConfigReader({}));
    expect(settings.enabled).toBe(false);
    expect(settings.allowPrivateAddresses).toBe(false);
    expect(settings.allowedHosts).toEqual([]);
  });

  it('names the key and the value of a bad allow-list', () => {
    expect(() =>
      readLinkVerifyConfig(
        new ConfigReader({
          readiness: { links: { verify: { allowedHosts: ['a b'] } } },
        }),
      ),
    ).toThrow(/readiness\.links\.verify\.allowedHosts/);
  });
});
