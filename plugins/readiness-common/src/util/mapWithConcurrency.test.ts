import { mapWithConcurrency } from './mapWithConcurrency';

describe('mapWithConcurrency', () => {
  it('keeps the order of the results', async () => {
    const delays = [30, 5, 20, 1];
    const results = await mapWithConcurrency(delays, 2, async (ms, index) => {
      await new Promise(resolve => setTimeout(resolve, ms));
      return `${index}:${ms}`;
    });
    expect(results).toEqual(['0:30', '1:5', '2:20', '3:1']);
  });

  it('never has more than `concurrency` calls in flight', async () => {
    let inFlight = 0;
    let most = 0;
    await mapWithConcurrency(Array.from({ length: 10 }), 3, async () => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise(resolve => setTimeout(resolve, 2));
      inFlight -= 1;
    });
    expect(most).toBe(3);
  });

  it('handles no items and a concurrency below one', async () => {
    await expect(mapWithConcurrency([], 4, async x => x)).resolves.toEqual([]);
    await expect(
      mapWithConcurrency([1, 2], 0, async x => x * 2),
    ).resolves.toEqual([2, 4]);
  });

  it('rejects with the first failure', async () => {
    await expect(
      mapWithConcurrency([1, 2, 3], 2, async x => {
        if (x === 2) {
          throw new Error('two');
        }
        return x;
      }),
    ).rejects.toThrow('two');
  });
});
