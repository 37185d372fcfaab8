import { ExportBodyCache } from './ExportBodyCache';

async function read(body: AsyncIterable<Buffer>): Promise<string> {
  let text = '';
  for await (const chunk of body) {
    text += chunk.toString('utf8');
  }
  return text;
}

function producer(parts: string[]) {
  const produce = jest.fn(async function* produceParts() {
    yield* parts;
  });
  return produce;
}

describe('ExportBodyCache', () => {
  it('produces a body once per version and sends the kept bytes after', async () => {
    const cache = new ExportBodyCache(1000);
    const produce = producer(['a,b\n', '1,2\n']);
    expect(await read(cache.body('csv', 1, produce))).toBe('a,b\n1,2\n');
    expect(await read(cache.body('csv', 1, produce))).toBe('a,b\n1,2\n');
    expect(produce).toHaveBeenCalledTimes(1);
    expect(cache.bytes).toBe(8);

    // Another version is produced again, and replaces the kept body.
    const next = producer(['a,b\n', '3,4\n']);
    expect(await read(cache.body('csv', 2, next))).toBe('a,b\n3,4\n');
    expect(await read(cache.body('csv', 2, produce))).toBe('a,b\n3,4\n');
    expect(next).toHaveBeenCalledTimes(1);
    expect(produce).toHaveBeenCalledTimes(1);
    expect(cache.bytes).toBe(8);
  });

  it('keeps no body that was not read to the end or does not fit', async () => {
    const cache = new ExportBodyCache(10);
    const produce = producer(['12345', '67890', 'x']);
    expect(await read(cache.body('big', 1, produce))).toBe('1234567890x');
    expect(cache.bytes).toBe(0);

    const small = producer(['ab', 'cd']);
    for await (const chunk of cache.body('small', 1, small)) {
      expect(chunk.toString()).toBe('ab');
      break;
    }
    expect(cache.bytes).toBe(0);
    expect(await read(cache.body('small', 1, small))).toBe('abcd');
    expect(small).toHaveBeenCalledTimes(2);
  });

  it('drops the least recently used bodies beyond its size', async () => {
    const cache = new ExportBodyCache(10);
    await read(cache.body('a', 1, producer(['aaaa'])));
    await read(cache.body('b', 1, producer(['bbbb'])));
    // `a` used again: `b` is now the oldest.
    await read(cache.body('a', 1, producer(['not read'])));
    await read(cache.body('c', 1, producer(['cccc'])));
    expect(cache.bytes).toBe(8);
    const again = producer(['aaaa']);
    expect(await read(cache.body('a', 1, again))).toBe('aaaa');
    expect(again).not.toHaveBeenCalled();
    const b = producer(['bbbb']);
    await read(cache.body('b', 1, b));
    expect(b).toHaveBeenCalledTimes(1);
  });
});
