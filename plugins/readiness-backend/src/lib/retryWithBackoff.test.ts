import { retryWithBackoff } from './retryWithBackoff';

describe('retryWithBackoff', () => {
  it('retries a failing write until it succeeds, waiting longer each time', async () => {
    const waits: number[] = [];
    let calls = 0;
    await retryWithBackoff(
      async () => {
        calls += 1;
        if (calls < 3) {
          throw new Error('Connection terminated unexpectedly');
        }
      },
      async ms => {
        waits.push(ms);
      },
    );
    expect(calls).toBe(3);
    expect(waits).toEqual([200, 400]);
  });

  it('gives up after five attempts with the last error', async () => {
    let calls = 0;
    await expect(
      retryWithBackoff(
        async () => {
          calls += 1;
          throw new Error(`attempt ${calls}`);
        },
        async () => {},
      ),
    ).rejects.toThrow('attempt 5');
    expect(calls).toBe(5);
  });
});
