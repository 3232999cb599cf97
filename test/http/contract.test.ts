import { afterEach, describe, expect, it } from 'vitest';
import type { BlingerWebhook, WebhookContext } from '../../src/index.js';
import { createWebhook, examples } from '../../src/testing/index.js';
import { contentTypeFor, parsesJsonFirst, type RunningEndpoint, type SetupName, setups, start } from './servers.js';

const setupNames = Object.keys(setups) as SetupName[];

let endpoint: RunningEndpoint | undefined;
afterEach(async () => {
  await endpoint?.close();
  endpoint = undefined;
});

const post = (url: string, body: BodyInit, contentType?: string) =>
  fetch(url, { method: 'POST', body, headers: contentType === undefined ? {} : { 'content-type': contentType } });

describe.each(setupNames)('%s answers the HTTP contract', (name) => {
  const contentType = contentTypeFor(name);

  it('valid event, callback resolved: 200, callback called once with the event and context', async () => {
    const received: Array<[BlingerWebhook, WebhookContext<unknown>]> = [];
    endpoint = await start(name, (event: BlingerWebhook, context: WebhookContext<unknown>) => {
      received.push([event, context]);
    });
    for (const event of Object.values(examples)) {
      const response = await post(endpoint.url, JSON.stringify(event), contentType);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ ok: true });
    }
    expect(received.map(([event]) => event)).toEqual(Object.values(examples));
    const [, context] = received[0]!;
    expect(context.request).toBeTruthy();
    if (context.rawBody !== null) {
      expect(JSON.parse(new TextDecoder().decode(context.rawBody))).toEqual(examples.on_conversation_unassigned);
    } else {
      expect(parsesJsonFirst(name)).toBe(true);
    }
  });

  it('map form: each event goes to its own callback; events without one are acknowledged', async () => {
    const calls: string[] = [];
    endpoint = await start(name, {
      on_message_incoming: (event) => {
        calls.push(`message:${event.message.message}`);
      },
      on_user_new: async (event) => {
        calls.push(`user:${event.user.id}`);
      },
    });
    for (const event of Object.values(examples)) {
      expect((await post(endpoint.url, JSON.stringify(event), contentType)).status).toBe(200);
    }
    expect(calls).toEqual(['message:test', 'user:294']);
  });

  it.each(['GET', 'PUT', 'DELETE', 'PATCH'])('%s: 405 with Allow: POST, callback not called', async (method) => {
    let calls = 0;
    endpoint = await start(name, () => void calls++);
    const response = await fetch(endpoint.url, {
      method,
      ...(method === 'GET' ? {} : { body: JSON.stringify(examples.on_user_new), headers: { 'content-type': contentType } }),
    });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await response.json()).toMatchObject({ error: 'method_not_allowed' });
    expect(calls).toBe(0);
  });

  it('body not JSON: 400, callback not called', async () => {
    let calls = 0;
    endpoint = await start(name, () => void calls++);
    const response = await post(endpoint.url, '{"webhook": "on_user_new", ', contentType);
    expect(response.status).toBe(400);
    // With express.json() in front, body-parser itself answers malformed JSON.
    if (!parsesJsonFirst(name)) expect(await response.json()).toMatchObject({ error: 'invalid_json' });
    expect(calls).toBe(0);
  });

  it('empty body: 400 invalid_json, callback not called', async () => {
    let calls = 0;
    endpoint = await start(name, () => void calls++);
    const response = await post(endpoint.url, '', contentType);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_json', message: 'Webhook body is empty' });
    expect(calls).toBe(0);
  });

  it('invalid payload: 400 naming the paths, without echoing values, callback not called', async () => {
    let calls = 0;
    endpoint = await start(name, () => void calls++);
    const event = createWebhook('on_conversation_assigned') as unknown as { conversation: { operator: Record<string, unknown> } };
    event.conversation.operator.email = 987654321;
    const response = await post(endpoint.url, JSON.stringify(event), contentType);
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({
      error: 'invalid_payload',
      issues: [{ path: 'conversation.operator.email', expected: 'string', received: 'number' }],
    });
    expect(JSON.parse(text).message).toContain('conversation.operator.email');
    expect(text).not.toContain('987654321');
    expect(calls).toBe(0);
  });

  it('unknown event: 200, callback not called, onUnknownEvent called with the payload', async () => {
    let calls = 0;
    const unknown: unknown[] = [];
    endpoint = await start(name, () => void calls++, { onUnknownEvent: (payload) => void unknown.push(payload) });
    const payload = { webhook: 'on_invoice_paid', invoice: { id: 7 } };
    const response = await post(endpoint.url, JSON.stringify(payload), contentType);
    expect(response.status).toBe(200);
    expect(unknown).toEqual([payload]);
    expect(calls).toBe(0);
  });

  it('callback throws or rejects: 500 without details, onError called, server keeps serving', async () => {
    const errors: unknown[] = [];
    let fail = true;
    endpoint = await start(
      name,
      {
        on_user_new: () => {
          if (fail) throw new Error('database down at /srv/app.js:12');
        },
        on_message_incoming: async () => {
          if (fail) throw new Error('async failure');
        },
      },
      { onError: (error) => void errors.push(error) },
    );
    for (const event of [examples.on_user_new, examples.on_message_incoming]) {
      const response = await post(endpoint.url, JSON.stringify(event), contentType);
      expect(response.status).toBe(500);
      const text = await response.text();
      expect(text).not.toMatch(/database|srv|at |async failure/);
    }
    expect(errors.map((error) => (error as Error).message)).toEqual(['database down at /srv/app.js:12', 'async failure']);
    fail = false;
    expect((await post(endpoint.url, JSON.stringify(examples.on_user_new), contentType)).status).toBe(200);
  });

  it('body larger than maxBodyBytes: 413, callback not called', async () => {
    let calls = 0;
    endpoint = await start(name, () => void calls++, { maxBodyBytes: 1024 });
    const big = createWebhook('on_message_incoming', { message: { message: 'x'.repeat(4096) } });
    const response = await post(endpoint.url, JSON.stringify(big), contentType);
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await response.json()).toMatchObject({ error: 'payload_too_large' });
    expect(calls).toBe(0);
  });

  it('secretToken: 401 when the token is missing or wrong, 200 when it matches', async () => {
    let calls = 0;
    endpoint = await start(name, () => void calls++, { secretToken: 'correct horse', tokenParam: 'key' });
    const body = JSON.stringify(examples.on_user_new);
    for (const query of ['', '?key=', '?key=correct', '?key=correct%20horse%20', '?token=correct%20horse']) {
      expect((await post(endpoint.url + query, body, contentType)).status).toBe(401);
    }
    expect(calls).toBe(0);
    expect((await post(`${endpoint.url}?key=correct%20horse`, body, contentType)).status).toBe(200);
    expect(calls).toBe(1);
  });

  it('JSON sent as text/plain, with no content type, or behind a BOM is accepted', async () => {
    if (parsesJsonFirst(name)) return; // body-parser decides those cases before the adapter runs
    let calls = 0;
    endpoint = await start(name, () => void calls++);
    const json = JSON.stringify(examples.on_user_new);
    expect((await post(endpoint.url, json, 'text/plain')).status).toBe(200);
    expect((await post(endpoint.url, new Blob([json]))).status).toBe(200);
    expect((await post(endpoint.url, `\uFEFF${json}`, contentType)).status).toBe(200);
    expect(calls).toBe(3);
  });

  it("acknowledge 'immediately': 200 before the callback finishes; its failure goes to onError", async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const errors: unknown[] = [];
    let finished = false;
    endpoint = await start(
      name,
      async () => {
        await released;
        finished = true;
        throw new Error('late failure');
      },
      { acknowledge: 'immediately', onError: (error) => void errors.push(error) },
    );
    const response = await post(endpoint.url, JSON.stringify(examples.on_user_new), contentType);
    expect(response.status).toBe(200);
    expect(finished).toBe(false);
    release();
    await expect.poll(() => errors.length).toBe(1);
    expect(finished).toBe(true);
  });

  it('acknowledge with a timeout: 200 once the timeout passes, callback keeps running; early failure is 500', async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let finished = false;
    endpoint = await start(
      name,
      {
        on_user_new: async () => {
          await released;
          finished = true;
        },
        on_message_incoming: () => {
          throw new Error('fails fast');
        },
      },
      { acknowledge: { timeoutMs: 50 }, onError: () => undefined },
    );
    const response = await post(endpoint.url, JSON.stringify(examples.on_user_new), contentType);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    expect(finished).toBe(false);
    release();
    await expect.poll(() => finished).toBe(true);
    expect((await post(endpoint.url, JSON.stringify(examples.on_message_incoming), contentType)).status).toBe(500);
  });
});
