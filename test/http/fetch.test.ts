// The fetch handler called the way Cloudflare Workers and Next.js call it: (request, env, ctx) / (request, { params }).
import { describe, expect, it } from 'vitest';
import { toFetchHandler } from '../../src/index.js';
import { examples } from '../../src/testing/index.js';

const delivery = (body: string, url = 'https://worker.example/blinger?token=t0ken') =>
  new Request(url, { method: 'POST', body });

describe('toFetchHandler on a Workers-style call', () => {
  it('hands work that outlives the answer to ctx.waitUntil', async () => {
    let finish!: () => void;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    const handler = toFetchHandler(() => finished, { acknowledge: 'immediately', secretToken: 't0ken' });
    const waited: Array<Promise<unknown>> = [];
    const env = { SOME_BINDING: 'x' };
    const ctx = { waitUntil: (promise: Promise<unknown>) => void waited.push(promise), passThroughOnException() {} };
    const response = await handler(delivery(JSON.stringify(examples.on_user_new)), env, ctx);
    expect(response.status).toBe(200);
    expect(waited).toHaveLength(1);
    let settled = false;
    void waited[0]!.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    finish();
    await waited[0];
    expect(settled).toBe(true);
  });

  it('needs no waitUntil when the callback finishes before the answer', async () => {
    const seen: string[] = [];
    const handler = toFetchHandler((event) => void seen.push(event.webhook), { path: '/blinger' });
    const response = await handler(delivery(JSON.stringify(examples.on_comment_incoming)), { params: {} });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(seen).toEqual(['on_comment_incoming']);
  });

  it('answers 404 for another path, 401 for another token, 413 by declared length without reading', async () => {
    const handler = toFetchHandler(() => undefined, { path: '/blinger', secretToken: 't0ken', maxBodyBytes: 10 });
    const body = JSON.stringify(examples.on_user_new);
    expect((await handler(delivery(body, 'https://worker.example/other?token=t0ken'))).status).toBe(404);
    expect((await handler(delivery(body, 'https://worker.example/blinger?token=nope'))).status).toBe(401);
    const stream = new ReadableStream<Uint8Array>({
      pull() {
        throw new Error('the body must not be read');
      },
    });
    const oversized = new Request('https://worker.example/blinger?token=t0ken', {
      method: 'POST',
      body: stream,
      headers: { 'content-length': '1000' },
      duplex: 'half',
    } as RequestInit);
    expect((await handler(oversized)).status).toBe(413);
  });
});
