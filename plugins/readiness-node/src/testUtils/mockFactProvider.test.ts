import { mockServices } from '@backstage/backend-test-utils';
import { mockComponent } from './mockComponent';
import { mockFactProvider } from './mockFactProvider';

const context = () => ({
  logger: mockServices.logger.mock(),
  signal: new AbortController().signal,
  runId: 'run-1',
});

describe('mockFactProvider', () => {
  it('answers fixed facts and records calls', async () => {
    const provider = mockFactProvider({
      id: 'security',
      facts: { security: { status: 'ok', data: { openFindings: 2 } } },
    });
    const entity = mockComponent();
    expect(provider.namespaces).toEqual(['security']);
    await expect(provider.collect(entity, context())).resolves.toEqual({
      security: { status: 'ok', data: { openFindings: 2 } },
    });
    expect(provider.calls).toEqual([entity]);
  });

  it('computes facts from the entity, and fails like a provider', async () => {
    const provider = mockFactProvider({
      declares: ['x'],
      facts: entity => {
        if (entity.metadata.name === 'broken') {
          throw new Error('upstream 503');
        }
        return { x: { status: 'ok', data: { name: entity.metadata.name } } };
      },
    });
    expect(provider.namespaces).toEqual(['x']);
    await expect(
      provider.collect(mockComponent({ name: 'a' }), context()),
    ).resolves.toEqual({ x: { status: 'ok', data: { name: 'a' } } });
    await expect(
      provider.collect(mockComponent({ name: 'broken' }), context()),
    ).rejects.toThrow('upstream 503');
  });

  it('waits, and stops waiting when aborted', async () => {
    const provider = mockFactProvider({ facts: {}, delayMs: 60_000 });
    const controller = new AbortController();
    const pending = provider.collect(mockComponent(), {
      ...context(),
      signal: controller.signal,
    });
    controller.abort();
    await expect(pending).rejects.toThrow('aborted');
  });
});
