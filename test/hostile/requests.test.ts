/**
 * Hostile requests, through every adapter on a real server: methods other than POST, wrong paths,
 * missing and wrong tokens, and a callback that never settles under the timeout acknowledgement
 * policy. Each gets its documented status, the callback is not called where it must not be, and
 * the server keeps serving.
 */
import { describe, expect, it } from 'vitest';
import { createWebhook } from '../../src/testing/index.js';
import { checkAfterEachTest, expectStillServing } from './helpers/expectations.js';
import { rawRequest } from './helpers/raw-client.js';
import { type AdapterName, adapterNames, type Endpoint, HOOK_PATH, startEndpoint } from './helpers/servers.js';

const TOKEN = 's3cret-Token_with-ünïcode';

let endpoint: Endpoint | undefined;
checkAfterEachTest(async () => {
  await endpoint?.close();
  endpoint = undefined;
});

const validBody = () => JSON.stringify(createWebhook('on_user_new'));

describe.each<AdapterName>(adapterNames)('%s', (name) => {
  it.each(['HEAD', 'OPTIONS', 'PUT', 'GET', 'DELETE', 'PATCH'])('%s: 405 with Allow: POST, no callback', async (method) => {
    endpoint = await startEndpoint(name);
    const hasBody = method === 'PUT' || method === 'PATCH' || method === 'DELETE';
    const response = await fetch(endpoint.url, { method, ...(hasBody ? { body: validBody() } : {}) });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    if (method !== 'HEAD') expect(await response.json()).toMatchObject({ error: 'method_not_allowed' });
    expect(endpoint.events).toHaveLength(0);
    await expectStillServing(endpoint);
  });

  it('a request line with an unknown method: refused, no callback', async () => {
    endpoint = await startEndpoint(name);
    const response = await rawRequest({ port: endpoint.port, method: 'BREW', headers: ['Content-Length: 0'] });
    // Node's HTTP parser refuses methods it does not know (400) before any adapter sees them.
    expect([400, 405]).toContain(response.status);
    expect(endpoint.events).toHaveLength(0);
    await expectStillServing(endpoint);
  });

  it.each(['/', '/hook/extra', '/HOOKS', '/hook%00', '/..%2fhook'])('POST to a wrong path (%s): 404, no callback', async (path) => {
    endpoint = await startEndpoint(name);
    const response = await fetch(endpoint.url.replace(HOOK_PATH, path), { method: 'POST', body: validBody() });
    expect(response.status).toBe(404);
    expect(endpoint.events).toHaveLength(0);
    await expectStillServing(endpoint);
  });

  describe('secretToken', () => {
    const withToken = (url: string, query: string) => `${url}${query}`;

    it.each([
      ['missing', ''],
      ['empty', '?token='],
      ['wrong', '?token=guess'],
      ['a prefix of the secret', `?token=${encodeURIComponent(TOKEN.slice(0, -1))}`],
      ['the secret plus one character', `?token=${encodeURIComponent(`${TOKEN}x`)}`],
      ['in another parameter', `?secret=${encodeURIComponent(TOKEN)}`],
      ['in another case', `?token=${encodeURIComponent(TOKEN.toUpperCase())}`],
      ['a wrong one first, then the right one', `?token=guess&token=${encodeURIComponent(TOKEN)}`],
    ])('token %s: 401, no callback', async (_what, query) => {
      endpoint = await startEndpoint(name, { secretToken: TOKEN });
      const response = await fetch(withToken(endpoint.url, query), { method: 'POST', body: validBody() });
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: 'unauthorized' });
      expect(endpoint.events).toHaveLength(0);
      await expectStillServing(endpoint, `?token=${encodeURIComponent(TOKEN)}`);
    });

    it('the right token (percent-encoded, non-ASCII): 200, callback once', async () => {
      endpoint = await startEndpoint(name, { secretToken: TOKEN });
      const response = await fetch(withToken(endpoint.url, `?token=${encodeURIComponent(TOKEN)}`), {
        method: 'POST',
        body: validBody(),
      });
      expect(response.status).toBe(200);
      expect(endpoint.events).toHaveLength(1);
      await expectStillServing(endpoint, `?token=${encodeURIComponent(TOKEN)}`);
    });

    it('a wrong token with an invalid or oversized body: 401 before the body is read', async () => {
      endpoint = await startEndpoint(name, { secretToken: TOKEN, maxBodyBytes: 1024 });
      for (const body of ['not json', 'x'.repeat(10_000)]) {
        const response = await fetch(withToken(endpoint.url, '?token=guess'), { method: 'POST', body });
        expect(response.status).toBe(401);
      }
      expect(endpoint.events).toHaveLength(0);
      await expectStillServing(endpoint, `?token=${encodeURIComponent(TOKEN)}`);
    });
  });

  describe('a callback that never settles, under the timeout acknowledgement policy', () => {
    it('is acknowledged 200 after the timeout, called once, and does not block other deliveries', async () => {
      const never = new Promise<void>(() => undefined);
      const errors: unknown[] = [];
      endpoint = await startEndpoint(
        name,
        { acknowledge: { timeoutMs: 150 }, onError: (error) => errors.push(error) },
        (event) => (event.webhook === 'on_user_new' ? never : undefined),
      );
      const stuck = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          fetch(endpoint!.url, {
            method: 'POST',
            body: JSON.stringify(createWebhook('on_user_new', { user: { id: i } })),
          }),
        ),
      );
      expect(stuck.map((response) => response.status)).toEqual(Array(20).fill(200));
      expect(await stuck[0]!.json()).toEqual({ ok: true });
      const users = endpoint.events.filter((event) => event.webhook === 'on_user_new');
      expect(new Set(users.map((event) => (event.webhook === 'on_user_new' ? event.user.id : -1))).size).toBe(20);
      expect(users).toHaveLength(20);
      expect(errors).toEqual([]);
      await expectStillServing(endpoint);
    });

    // onUnknownEvent is user code too: the acknowledgement policy must bound it like the callback,
    // or a hook that hangs keeps Blinger's request (and the connection) open for ever.
    it.each([['{ timeoutMs: 150 }', { timeoutMs: 150 }] as const, ["'immediately'", 'immediately'] as const])(
      'an onUnknownEvent hook that never settles, acknowledge %s: 200 all the same',
      async (_label, acknowledge) => {
        let hookCalls = 0;
        endpoint = await startEndpoint(name, {
          acknowledge,
          onUnknownEvent: () => {
            hookCalls++;
            return new Promise<void>(() => undefined);
          },
        });
        // Hang detector, far above the 150 ms policy: a fetch still waiting after 5 s never gets an answer.
        const status = await fetch(endpoint.url, {
          method: 'POST',
          body: '{"webhook":"on_event_added_later","data":{}}',
          signal: AbortSignal.timeout(5000),
        }).then(
          (response) => response.status,
          (error: unknown) => (error instanceof Error ? error.name : 'failed'),
        );
        expect(status).toBe(200);
        expect(hookCalls).toBe(1);
        expect(endpoint.events).toHaveLength(0);
        await expectStillServing(endpoint);
      },
    );

    it('a callback that rejects after the timeout: still 200, the failure goes to onError only', async () => {
      const errors: unknown[] = [];
      endpoint = await startEndpoint(
        name,
        { acknowledge: { timeoutMs: 50 }, onError: (error) => errors.push(error) },
        async (event) => {
          if (event.webhook !== 'on_user_new') return;
          await new Promise((resolve) => setTimeout(resolve, 150));
          throw new Error('late failure');
        },
      );
      const response = await fetch(endpoint.url, { method: 'POST', body: validBody() });
      expect(response.status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 250));
      expect(errors).toHaveLength(1);
      await expectStillServing(endpoint);
    });
  });
});
