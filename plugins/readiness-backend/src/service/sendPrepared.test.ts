import express from 'express';
import request from 'supertest';
import { PreparedJson } from './PreparedJson';
import { sendPrepared } from './sendPrepared';

function appSending(body: unknown) {
  const prepared = PreparedJson.of(body);
  const app = express();
  app.get('/', (_req, res, next) => {
    sendPrepared(res, prepared).catch(next);
  });
  return { app, prepared };
}

const large = { items: Array.from({ length: 200 }, (_, i) => ({ i })) };

describe('sendPrepared', () => {
  it('sends the bytes with a strong ETag from their hash, equal for equal JSON', async () => {
    const { app, prepared } = appSending(large);
    const res = await request(app).get('/').set('Accept-Encoding', 'identity');
    expect(res.status).toBe(200);
    expect(res.body).toEqual(large);
    expect(res.headers.etag).toBe(prepared.etag);
    expect(res.headers['content-length']).toBe(String(prepared.length));
    expect(PreparedJson.of(large).etag).toBe(prepared.etag);
    expect(PreparedJson.of({ ...large, more: 1 }).etag).not.toBe(prepared.etag);
  });

  it('answers 304 without a body to a matching If-None-Match, weak or in a list, and to *', async () => {
    const { app, prepared } = appSending(large);
    for (const header of [
      prepared.etag,
      `W/${prepared.etag}`,
      `"x", ${prepared.gzipEtag}`,
      '*',
    ]) {
      const res = await request(app).get('/').set('If-None-Match', header);
      expect(res.status).toBe(304);
      expect(res.text).toBe('');
    }
    const other = await request(app).get('/').set('If-None-Match', '"x"');
    expect(other.status).toBe(200);
  });

  it('compresses large bodies once for clients that accept gzip, small ones never', async () => {
    const { app, prepared } = appSending(large);
    const res = await request(app).get('/').set('Accept-Encoding', 'br, gzip');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers.etag).toBe(prepared.gzipEtag);
    expect(res.body).toEqual(large);
    expect(await prepared.gzipped()).toBe(await prepared.gzipped());

    await prepared.compact();
    const inflated = await request(app)
      .get('/')
      .set('Accept-Encoding', 'identity');
    expect(inflated.headers['content-encoding']).toBeUndefined();
    expect(inflated.headers.etag).toBe(prepared.etag);
    expect(inflated.body).toEqual(large);
    expect(prepared.size).toBeLessThan(prepared.length);

    const small = appSending({ a: 1 });
    const plain = await request(small.app)
      .get('/')
      .set('Accept-Encoding', 'gzip');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toEqual({ a: 1 });
  });
});
