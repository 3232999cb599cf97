// The fetch handler called the way Cloudflare Workers and Next.js call it: (request, env, ctx) / (request, { params }),
// and the way Hono on Node calls it with c.env.
import { createAdaptorServer, type HttpBindings } from '@hono/node-server';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
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

describe('toFetchHandler on @hono/node-server, handed c.env', () => {
  const serve = async (call: 'c.req.raw' | 'c.req.raw, c.env') => {
    const seen: Array<{ sameRequest: boolean; rawBody: string | null }> = [];
    const bodyUsedAfter: boolean[] = [];
    let lastRequest: Request | undefined;
    const app = new Hono<{ Bindings: HttpBindings }>();
    const webhook = toFetchHandler((_event, context) => {
      seen.push({ sameRequest: context.request === lastRequest, rawBody: context.rawBody && new TextDecoder().decode(context.rawBody) });
    });
    app.post('/hook', async (c) => {
      lastRequest = c.req.raw;
      const response = await (call === 'c.req.raw' ? webhook(c.req.raw) : webhook(c.req.raw, c.env));
      bodyUsedAfter.push(c.req.raw.bodyUsed);
      return response;
    });
    const server = createAdaptorServer({ fetch: app.fetch }) as Server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return { url: `http://127.0.0.1:${port}/hook`, seen, bodyUsedAfter, close: () => new Promise<void>((done) => server.close(() => done())) };
  };

  // Which reader ran shows in the fetch Request: Request#arrayBuffer() marks its body used; reading
  // Node's request directly leaves it unused. Either way the callback gets the fetch Request and the exact bytes.
  it.each([
    ['c.req.raw', true],
    ['c.req.raw, c.env', false],
  ] as const)('called with %s, reads the body %s', async (call, readThroughFetch) => {
    const endpoint = await serve(call);
    try {
      const body = JSON.stringify(examples.on_message_incoming);
      const response = await fetch(endpoint.url, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ ok: true });
      expect(endpoint.seen).toEqual([{ sameRequest: true, rawBody: body }]);
      expect(endpoint.bodyUsedAfter).toEqual([readThroughFetch]);
    } finally {
      await endpoint.close();
    }
  });

  it('ignores an env whose incoming is not this request', async () => {
    const handler = toFetchHandler(() => undefined);
    const getRequest = { method: 'GET', headers: {}, on: () => undefined };
    const response = await handler(delivery(JSON.stringify(examples.on_user_new)), { incoming: getRequest }, { incoming: null }, 'x');
    expect(response.status).toBe(200);
  });
});

describe('toFetchHandler handed c.env, behind middleware that read, cloned, wrapped or replaced the body', () => {
  type Middleware = Parameters<Hono<{ Bindings: HttpBindings }>['use']>[1];
  const middlewares: Record<string, Middleware> = {
    'clone().text()': async (c, next) => {
      await c.req.raw.clone().text();
      await next();
    },
    'read, then c.req.raw = new Request(...)': async (c, next) => {
      const bytes = await c.req.arrayBuffer();
      c.req.raw = new Request(c.req.raw, { body: bytes });
      await next();
    },
    'bodyLimit({ maxSize: 500 })': bodyLimit({ maxSize: 500 }),
  };

  const answer = async (middleware: Middleware, withEnv: boolean, chunked: boolean) => {
    const seen: string[] = [];
    const app = new Hono<{ Bindings: HttpBindings }>();
    const webhook = toFetchHandler((_event, context) => void seen.push(new TextDecoder().decode(context.rawBody ?? new Uint8Array())));
    app.use('/hook', middleware);
    app.post('/hook', (c) => (withEnv ? webhook(c.req.raw, c.env) : webhook(c.req.raw)));
    const server = createAdaptorServer({ fetch: app.fetch }) as Server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const body = JSON.stringify(examples.on_message_incoming);
      const response = await fetch(`http://127.0.0.1:${port}/hook`, {
        method: 'POST',
        body: chunked ? new Blob([body]).stream() : body,
        headers: { 'content-type': 'application/json' },
        duplex: 'half',
      } as RequestInit);
      return { status: response.status, body: await response.text(), seen };
    } finally {
      await new Promise<void>((done) => server.close(() => done()));
    }
  };

  // Reading Node's request directly would find it drained (a 500) or skip the middleware's own
  // limit; the adapter reads through the Request instead, as without c.env.
  it.each(Object.keys(middlewares).flatMap((name) => [[name, false], [name, true]] as const))(
    '%s (chunked: %s): the same answer with c.env as without',
    async (name, chunked) => {
      const middleware = middlewares[name]!;
      const withEnv = await answer(middleware, true, chunked);
      const without = await answer(middleware, false, chunked);
      expect(withEnv).toEqual(without);
      if (name.startsWith('bodyLimit')) expect(withEnv.status).toBe(413);
      else expect(withEnv).toEqual({ status: 200, body: '{"ok":true}', seen: [JSON.stringify(examples.on_message_incoming)] });
    },
  );
});
