import { ScoresVersionWatch } from './ScoresVersionWatch';

function setup(intervalMs: number) {
  let stored = 1;
  let now = 0;
  const read = jest.fn(async () => stored);
  const watch = new ScoresVersionWatch({ read, intervalMs, now: () => now });
  return {
    watch,
    read,
    write: () => {
      stored += 1;
    },
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('ScoresVersionWatch', () => {
  it('reads the version at most once per interval, however many callers ask', async () => {
    const { watch, read, write, advance } = setup(1000);
    expect(await Promise.all([watch.current(), watch.current()])).toEqual([
      1, 1,
    ]);
    write();
    advance(999);
    expect(await watch.current()).toBe(1);
    expect(read).toHaveBeenCalledTimes(1);
    advance(1);
    expect(await watch.current()).toBe(2);
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('reads again at once after invalidate (a write by this process)', async () => {
    const { watch, write } = setup(60_000);
    expect(await watch.current()).toBe(1);
    write();
    watch.invalidate();
    expect(await watch.current()).toBe(2);
  });

  it('reads for every caller with an interval of 0', async () => {
    const { watch, read, write } = setup(0);
    expect(await watch.current()).toBe(1);
    write();
    expect(await watch.current()).toBe(2);
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('does not reuse a failed read', async () => {
    const read = jest
      .fn<Promise<number>, []>()
      .mockRejectedValueOnce(new Error('connection refused'))
      .mockResolvedValue(7);
    const watch = new ScoresVersionWatch({
      read,
      intervalMs: 60_000,
      now: () => 0,
    });
    await expect(watch.current()).rejects.toThrow('connection refused');
    expect(await watch.current()).toBe(7);
  });
});
