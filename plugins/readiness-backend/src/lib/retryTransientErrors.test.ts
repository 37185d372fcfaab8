import { ResponseError } from '@backstage/errors';
import { isTransientError } from './isTransientError';
import { retryTransientErrors } from './retryTransientErrors';

function reset(): Error {
  return Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
}

describe('retryTransientErrors', () => {
  it('retries a read that meets a connection reset, with growing waits', async () => {
    const waits: number[] = [];
    const read = jest
      .fn<Promise<string>, []>()
      .mockRejectedValueOnce(reset())
      .mockRejectedValueOnce(new TypeError('fetch failed', { cause: reset() }))
      .mockResolvedValue('entity');
    await expect(
      retryTransientErrors(read, {
        sleep: async ms => {
          waits.push(ms);
        },
      }),
    ).resolves.toBe('entity');
    expect(read).toHaveBeenCalledTimes(3);
    expect(waits[0]).toBeGreaterThanOrEqual(100);
    expect(waits[0]).toBeLessThan(150);
    expect(waits[1]).toBeGreaterThanOrEqual(200);
    expect(waits[1]).toBeLessThan(300);
  });

  it('gives up after the last attempt and never retries other errors', async () => {
    const sleep = async () => {};
    const flaky = jest.fn(async () => Promise.reject(reset()));
    await expect(retryTransientErrors(flaky, { sleep })).rejects.toThrow(
      'ECONNRESET',
    );
    expect(flaky).toHaveBeenCalledTimes(3);
    const denied = jest.fn(async () => Promise.reject(new Error('denied')));
    await expect(retryTransientErrors(denied, { sleep })).rejects.toThrow(
      'denied',
    );
    expect(denied).toHaveBeenCalledTimes(1);
  });
});

describe('isTransientError', () => {
  it('recognises resets, timeouts and gateway answers, not client errors', async () => {
    const response = (status: number) =>
      ResponseError.fromResponse(
        new Response(
          JSON.stringify({ error: { name: 'Error', message: 'x' } }),
          {
            status,
            headers: { 'content-type': 'application/json' },
          },
        ) as unknown as Parameters<typeof ResponseError.fromResponse>[0],
      );
    expect(isTransientError(reset())).toBe(true);
    expect(isTransientError(new Error('socket hang up'))).toBe(true);
    expect(isTransientError(await response(503))).toBe(true);
    expect(isTransientError(await response(404))).toBe(false);
    expect(isTransientError(new Error('boom'))).toBe(false);
    expect(isTransientError(undefined)).toBe(false);
  });
});
