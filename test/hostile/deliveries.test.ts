/**
 * Deliveries that were refused, lost or crashed the process (issue 9, items 1 to 6, 10, 11), each
 * reproduction on real 127.0.0.1 servers through every adapter and body state: a body something
 * else already read, two readings of the request target, secrets with `+` and several secrets,
 * keeping undecodable deliveries with `onInvalidDelivery`, a 413 that keeps a reusable connection,
 * Koa's log on a refused delivery.
 */
import { createAdaptorServer, type HttpBindings } from '@hono/node-server';
import express from 'express';
import express4 from 'express4';
import { Hono } from 'hono';
import Koa from 'koa';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it, vi } from 'vitest';
import {
  type BlingerWebhook,
  type InvalidJsonError,
  type InvalidPayloadError,
  toExpressHandler,
  toFetchHandler,
  toNodeHandler,
  type WebhookContext,
  type WebhookHandlerOptions,
} from '../../src/index.js';
import { createWebhook } from '../../src/testing/index.js';
import { contentTypeFor, parsesFirst, parsesJsonFirst, type SetupName, setups, start } from '../http/servers.js';
import { checkAfterEachTest } from './helpers/expectations.js';
import { asChunk, rawRequest, sendFiller } from './helpers/raw-client.js';

const setupNames = Object.keys(setups) as SetupName[];

const running: Array<{ close(): Promise<void> }> = [];
checkAfterEachTest(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
}, 50);

const listen = async (server: Server): Promise<string> => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  running.push({
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

const startSetup = async (name: SetupName, listener: (event: BlingerWebhook) => void, options: WebhookHandlerOptions<never> = {}) => {
  const endpoint = await start(name, listener, options);
  running.push(endpoint);
  return endpoint.url;
};

const event = createWebhook('on_message_incoming', { message: { message: 'Привет' } });
const body = JSON.stringify(event);

const post = (url: string, payload: string | Uint8Array, contentType = 'application/json', extra: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', body: payload as BodyInit, headers: { 'content-type': contentType, ...extra } });

/** A chunked request: a body stream makes fetch send no Content-Length. */
const postChunked = (url: string, payload: string) =>
  fetch(url, {
    method: 'POST',
    body: new Blob([payload]).stream(),
    headers: { 'content-type': 'application/json' },
    duplex: 'half',
  } as RequestInit);

const recorder = () => {
  const events: BlingerWebhook[] = [];
  const errors: unknown[] = [];
  return { events, errors, listener: (received: BlingerWebhook) => void events.push(received), onError: (error: unknown) => void errors.push(error) };
};

const expectBodyAlreadyRead = async (response: Response, errors: unknown[], cause: RegExp) => {
  expect(response.status).toBe(500);
  const answer = (await response.json()) as { error: string; message: string };
  expect(answer.error).toBe('body_already_read');
  expect(answer.message).toMatch(cause);
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatchObject({ name: 'BodyAlreadyReadError' });
};

describe('a body something else already read: 500 body_already_read through onError, never a 4xx or a crash', () => {
  it.each([
    ['content-length', 'c.req.raw'],
    ['chunked', 'c.req.raw'],
    ['content-length', 'c.req.raw, c.env'],
    ['chunked', 'c.req.raw, c.env'],
  ] as const)('Hono, a middleware ran c.req.json() first (%s, called with %s)', async (framing, call) => {
    const { events, errors, listener, onError } = recorder();
    const app = new Hono<{ Bindings: HttpBindings }>();
    const webhook = toFetchHandler(listener, { onError });
    app.use(async (c, next) => {
      await c.req.json();
      await next();
    });
    app.post('/hook', (c) => (call === 'c.req.raw' ? webhook(c.req.raw) : webhook(c.req.raw, c.env)));
    const url = await listen(createAdaptorServer({ fetch: app.fetch }) as Server);
    const response = framing === 'chunked' ? await postChunked(`${url}/hook`, body) : await post(`${url}/hook`, body);
    await expectBodyAlreadyRead(response, errors, /already read/);
    expect(events).toEqual([]);
  });

  it('a plain Request whose body was read: at once, not after bodyTimeoutMs', async () => {
    const { errors, listener, onError } = recorder();
    const request = new Request('https://example.com/hook', { method: 'POST', body });
    await request.text();
    const started = Date.now();
    const response = await toFetchHandler(listener, { onError, bodyTimeoutMs: 5000 })(request);
    expect(Date.now() - started).toBeLessThan(1000);
    await expectBodyAlreadyRead(response, errors, /already read/);
  });

  it.each([
    ['express 5', express],
    ['express 4', express4],
  ] as const)('%s, a middleware drained the stream without setting req.body', async (_name, factory) => {
    const { events, errors, listener, onError } = recorder();
    const app = (factory as typeof express)();
    app.use((req, _res, next) => {
      req.on('data', () => undefined).once('end', () => next());
    });
    app.post('/hook', toExpressHandler(listener, { onError }));
    const url = await listen(createServer(app));
    for (const send of [post, postChunked]) await expectBodyAlreadyRead(await send(`${url}/hook`, body), errors.splice(0), /already read/);
    expect(events).toEqual([]);
  });

  it('node:http, the server read the request before handing it over', async () => {
    const { events, errors, listener, onError } = recorder();
    const webhook = toNodeHandler(listener, { onError });
    const url = await listen(
      createServer((req, res) => {
        req.resume().once('end', () => webhook(req, res));
      }),
    );
    await expectBodyAlreadyRead(await post(url, body), errors, /already read/);
    expect(events).toEqual([]);
  });
});

describe('one reading of the request target: the path as sent', () => {
  const mounts = {
    'node:http': async (listener: (event: BlingerWebhook) => void) => listen(createServer(toNodeHandler(listener, { path: '/hook' }))),
    'express 5 (app.use)': async (listener: (event: BlingerWebhook) => void) => {
      const app = express();
      app.use(toExpressHandler(listener, { path: '/hook' }));
      return listen(createServer(app));
    },
    'express 4 (app.use)': async (listener: (event: BlingerWebhook) => void) => {
      const app = express4();
      app.use(toExpressHandler(listener, { path: '/hook' }) as never);
      return listen(createServer(app));
    },
    'fetch in Hono (app.all *)': async (listener: (event: BlingerWebhook) => void) => {
      const app = new Hono();
      const webhook = toFetchHandler(listener, { path: '/hook' });
      app.all('*', (c) => webhook(c.req.raw));
      return listen(createAdaptorServer({ fetch: app.fetch }) as Server);
    },
  };

  it.each(Object.keys(mounts) as Array<keyof typeof mounts>)('%s: //other/hook is 404, /hook?x=1 is served', async (mount) => {
    const { events, listener } = recorder();
    const url = await mounts[mount](listener);
    for (const target of ['//other/hook', '//other/hook?token=x', '/other//hook', '/hook/', '/HOOK']) {
      const response = await rawRequest({
        port: Number(new URL(url).port),
        path: target,
        headers: ['Content-Type: application/json', `Content-Length: ${Buffer.byteLength(body)}`],
        body: async (send) => void (await send(body)),
      });
      expect(response.status, target).toBe(404);
    }
    expect((await post(`${url}/hook?x=1`, body)).status).toBe(200);
    expect(events).toEqual([event]);
  });
});

describe.each(setupNames)('%s', (name) => {
  const contentType = contentTypeFor(name);

  it('a base64 secret with + and /: accepted as pasted and percent-encoded; wrong still 401', async () => {
    const secret = 'q+Zk/9aB+c==';
    const { events, listener } = recorder();
    const url = await startSetup(name, listener, { secretToken: secret });
    expect((await post(`${url}?token=${secret}`, body, contentType)).status).toBe(200);
    expect((await post(`${url}?token=${encodeURIComponent(secret)}`, body, contentType)).status).toBe(200);
    expect((await post(`${url}?token=q%20Zk/9aB%20c==`, body, contentType)).status).toBe(401);
    expect((await post(`${url}?token=q+Zk/9aB+c=`, body, contentType)).status).toBe(401);
    expect((await post(url, body, contentType)).status).toBe(401);
    expect(events).toHaveLength(2);
  });

  it('several secrets (a rotation): each accepted, anything else 401, with a custom tokenParam', async () => {
    const { events, listener } = recorder();
    const url = await startSetup(name, listener, { secretToken: ['old-secret', 'new-secret'], tokenParam: 'key' });
    expect((await post(`${url}?key=old-secret`, body, contentType)).status).toBe(200);
    expect((await post(`${url}?key=new-secret`, body, contentType)).status).toBe(200);
    expect((await post(`${url}?key=old-secretnew-secret`, body, contentType)).status).toBe(401);
    expect((await post(`${url}?token=new-secret`, body, contentType)).status).toBe(401);
    expect(events).toHaveLength(2);
  });

  it('onInvalidDelivery keeps a delivery that is not JSON: 200, the exact bytes, the structured error', async () => {
    const kept: Array<{ error: InvalidJsonError | InvalidPayloadError; rawBody: string | null }> = [];
    const rejected: unknown[] = [];
    const { events, listener } = recorder();
    const url = await startSetup(name, listener, {
      onInvalidDelivery: (error: InvalidJsonError | InvalidPayloadError, context: WebhookContext<never>) => {
        kept.push({ error, rawBody: context.rawBody === null ? null : Buffer.from(context.rawBody).toString('latin1') });
      },
      onRejected: (rejection: unknown) => void rejected.push(rejection),
    });
    const truncated = Buffer.from('\uFEFF{"webhook": "on_message_incoming", "message": {"message": "Привет"', 'utf8');
    const response = await post(url, truncated, contentType);
    if (parsesJsonFirst(name)) {
      // The JSON parser in front refuses it itself, before the adapter runs.
      expect(response.status).toBe(400);
      expect(kept).toEqual([]);
      return;
    }
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, kept: 'invalid_delivery' });
    expect(kept).toHaveLength(1);
    expect(kept[0]!.error).toMatchObject({ kind: 'invalid_json', reason: 'syntax' });
    // express.text() decodes and drops the BOM: rawBody is then the UTF-8 of its text, as documented.
    const expected = name.endsWith('text()') ? truncated.subarray(3) : truncated;
    expect(kept[0]!.rawBody).toBe(expected.toString('latin1'));
    expect(rejected).toEqual([]);
    expect(events).toEqual([]);
  });

  it('onInvalidDelivery keeps a JSON delivery that is not a valid event, with rawBody null behind a parser', async () => {
    const kept: Array<{ error: InvalidJsonError | InvalidPayloadError; rawBody: Uint8Array | null }> = [];
    const { listener } = recorder();
    const url = await startSetup(name, listener, {
      onInvalidDelivery: (error: InvalidJsonError | InvalidPayloadError, context: WebhookContext<never>) => {
        kept.push({ error, rawBody: context.rawBody });
      },
    });
    const invalid = JSON.stringify({ webhook: 'on_message_incoming', message: { message: 42 } });
    const response = await post(url, invalid, contentType);
    expect(response.status).toBe(200);
    expect(kept).toHaveLength(1);
    expect(kept[0]!.error.kind).toBe('invalid_payload');
    if (parsesJsonFirst(name)) expect(kept[0]!.rawBody).toBeNull();
    else expect(Buffer.from(kept[0]!.rawBody!).toString()).toBe(invalid);
  });

  it('onInvalidDelivery that throws or rejects: 500 so the sender retries, reported to onError', async () => {
    const errors: unknown[] = [];
    const { listener } = recorder();
    let calls = 0;
    const url = await startSetup(name, listener, {
      onInvalidDelivery: async () => {
        calls++;
        if (calls === 1) throw new Error('disk full');
        return Promise.reject(new Error('database down'));
      },
      onError: (error: unknown) => void errors.push(error),
    });
    const invalid = JSON.stringify({ webhook: 'on_user_new' });
    for (let i = 0; i < 2; i++) {
      const response = await post(url, invalid, contentType);
      expect(response.status).toBe(500);
      expect(await response.json()).toEqual({ error: 'invalid_delivery_not_kept', message: 'The onInvalidDelivery hook failed' });
    }
    expect(errors.map((error) => (error as Error).message)).toEqual(['disk full', 'database down']);
  });

  it("onInvalidDelivery runs under acknowledge: 'immediately' (200 at once, a failure goes to onError)", async () => {
    const errors: unknown[] = [];
    let finish!: () => void;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    const { listener } = recorder();
    const url = await startSetup(name, listener, {
      acknowledge: 'immediately',
      onInvalidDelivery: async () => {
        await finished;
        throw new Error('late failure');
      },
      onError: (error: unknown) => void errors.push(error),
    });
    const response = await post(url, JSON.stringify({ webhook: 'on_user_new' }), contentType);
    expect(response.status).toBe(200);
    expect(errors).toEqual([]);
    finish();
    await vi.waitFor(() => expect(errors).toHaveLength(1));
  });

  it('without onInvalidDelivery: 400 as before, onRejected told', async () => {
    const rejected: Array<{ status: number; error: string }> = [];
    const { listener } = recorder();
    const url = await startSetup(name, listener, { onRejected: (rejection: { status: number; error: string }) => void rejected.push(rejection) });
    const response = await post(url, JSON.stringify({ webhook: 'on_user_new' }), contentType);
    expect(response.status).toBe(400);
    expect(rejected).toMatchObject([{ status: 400, error: 'invalid_payload' }]);
  });

  // A parser in front has read the whole body: nothing is left unread, so the connection stays reusable.
  if (parsesFirst(name)) {
    it('a 413 for a body a parser already read whole keeps the keep-alive connection', async () => {
      const { listener } = recorder();
      const url = await startSetup(name, listener, { maxBodyBytes: 1024 });
      const large = JSON.stringify(createWebhook('on_message_incoming', { message: { message: 'x'.repeat(4096) } }));
      const response = await post(url, large, contentType);
      expect(response.status).toBe(413);
      expect(response.headers.get('connection')).not.toBe('close');
      await response.arrayBuffer();
    });
  }
});

describe('Koa, as the guide mounts it', () => {
  it('logs nothing on refused deliveries (413 mid-body, 408, 400) unless onRejected is given', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const app = new Koa();
      const blinger = toNodeHandler(() => undefined, { path: '/blinger', maxBodyBytes: 64 * 1024, bodyTimeoutMs: 300 });
      app.use((ctx) => {
        ctx.respond = false;
        blinger(ctx.req, ctx.res);
      });
      const url = await listen(createServer(app.callback()));
      const port = Number(new URL(url).port);
      for (let i = 0; i < 3; i++) {
        const response = await rawRequest({
          port,
          path: '/blinger',
          headers: ['Content-Type: application/json', 'Transfer-Encoding: chunked'],
          body: async (send) => {
            await send(asChunk('{"webhook":"on_user_new","user":"'));
            await sendFiller(send, 8 * 1024 * 1024, 64 * 1024, asChunk);
          },
        });
        expect(response.status).toBe(413);
      }
      const slow = await rawRequest({
        port,
        path: '/blinger',
        headers: ['Content-Type: application/json', 'Content-Length: 100'],
        body: async (send) => void (await send('{"web')),
      });
      expect(slow.status).toBe(408);
      expect((await post(`${url}/blinger`, '{"webhook":')).status).toBe(400);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(logged).not.toHaveBeenCalled();
    } finally {
      logged.mockRestore();
    }
  });
});
