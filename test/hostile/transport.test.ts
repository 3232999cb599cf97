/**
 * Hostile transports, through every adapter on a real server: bodies far over the limit (chunked,
 * and with a false Content-Length), bodies that trickle in, clients that vanish mid-body.
 * Each gets its documented status, the callback is not called, and the server keeps serving.
 */
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createWebhook } from '../../src/testing/index.js';
import { checkAfterEachTest, expectStillServing } from './helpers/expectations.js';
import { asChunk, rawRequest, sendFiller, sleep } from './helpers/raw-client.js';
import { type AdapterName, adapterNames, type Endpoint, startEndpoint } from './helpers/servers.js';

const MiB = 1024 * 1024;
const LIMIT = 1 * MiB;
const BODY_TIMEOUT_MS = 400;

// The start of a delivery whose message never ends: what an oversized body looks like.
const OPENING = '{"webhook":"on_message_incoming","message":{"message":"';

let endpoint: Endpoint | undefined;
// Aborted requests get 50 ms to unwind before the check that nothing was left unhandled.
checkAfterEachTest(async () => {
  await endpoint?.close();
  endpoint = undefined;
}, 50);

describe.each<AdapterName>(adapterNames)('%s', (name) => {
  const start = async () => {
    endpoint = await startEndpoint(name, { maxBodyBytes: LIMIT, bodyTimeoutMs: BODY_TIMEOUT_MS });
    return endpoint;
  };

  it('a 64 MiB chunked body: 413, reading stops, the server closes the connection itself, no callback', async () => {
    const { port } = await start();
    const response = await rawRequest({
      port,
      // The client neither finishes nor closes: only the server can free the connection.
      afterResponse: 'stay-open',
      headers: ['Content-Type: application/json', 'Transfer-Encoding: chunked'],
      body: async (send) => {
        await send(asChunk(OPENING));
        await sendFiller(send, 64 * MiB, 64 * 1024, asChunk);
      },
    });
    expect(response.status).toBe(413);
    expect(JSON.parse(response.body)).toMatchObject({ error: 'payload_too_large' });
    expect(response.bytesSent).toBeLessThan(32 * MiB);
    expect(response.closedByServer).toBe(true);
    expect(endpoint!.events).toHaveLength(0);
    await expectStillServing(endpoint!);
  });

  it('a Content-Length over the limit: 413 before the body is read, no callback', async () => {
    const { port } = await start();
    const response = await rawRequest({
      port,
      headers: ['Content-Type: application/json', `Content-Length: ${64 * MiB}`],
      body: async (send) => {
        await send(OPENING);
        await sendFiller(send, 64 * MiB);
      },
    });
    expect(response.status).toBe(413);
    expect(response.bytesSent).toBeLessThan(32 * MiB);
    expect(endpoint!.events).toHaveLength(0);
    await expectStillServing(endpoint!);
  });

  // The declared bytes are the whole body; what follows is a malformed next request, which Node's
  // own HTTP parser refuses with a bare 400 and a closed connection. The excess never reaches the
  // adapter, whose own answer to the first request may be lost in the reset.
  it('a false, small Content-Length followed by 32 MiB: 400, connection closed, the excess never parsed', async () => {
    const { port } = await start();
    const response = await rawRequest({
      port,
      headers: ['Content-Type: application/json', 'Content-Length: 64'],
      body: async (send) => {
        await send(OPENING);
        await sendFiller(send, 32 * MiB);
      },
    });
    expect(response.status).toBe(400);
    expect(response.closedByServer).toBe(true);
    expect(response.bytesSent).toBeLessThan(32 * MiB);
    expect(endpoint!.events).toHaveLength(0);
    await expectStillServing(endpoint!);
  });

  it('a false Content-Length framing a valid event, followed by 32 MiB: that event only, once', async () => {
    const { port } = await start();
    const event = createWebhook('on_user_new');
    const body = JSON.stringify(event);
    const response = await rawRequest({
      port,
      headers: ['Content-Type: application/json', `Content-Length: ${Buffer.byteLength(body)}`],
      body: async (send) => {
        await send(body);
        await sendFiller(send, 32 * MiB);
      },
    });
    expect(response.status === 200 || response.status === 400).toBe(true);
    expect(response.closedByServer).toBe(true);
    expect(response.bytesSent).toBeLessThan(32 * MiB);
    await sleep(100);
    expect(endpoint!.events).toEqual([event]);
    await expectStillServing(endpoint!);
  });

  it('a false, large Content-Length the body never reaches: 408 after bodyTimeoutMs, no callback', async () => {
    const { port } = await start();
    const response = await rawRequest({
      port,
      headers: ['Content-Type: application/json', 'Content-Length: 5000'],
      body: async (send) => {
        await send(JSON.stringify(createWebhook('on_user_new')));
      },
    });
    expect(response.status).toBe(408);
    expect(JSON.parse(response.body)).toMatchObject({ error: 'body_timeout' });
    expect(response.closedByServer).toBe(true);
    expect(endpoint!.events).toHaveLength(0);
    await expectStillServing(endpoint!);
  });

  it.each(['Content-Length', 'chunked'] as const)(
    'a valid body sent one byte at a time (%s): 408, connection closed, no callback',
    async (framing) => {
      const { port } = await start();
      const body = Buffer.from(JSON.stringify(createWebhook('on_user_new')));
      const response = await rawRequest({
        port,
        headers: [
          'Content-Type: application/json',
          framing === 'chunked' ? 'Transfer-Encoding: chunked' : `Content-Length: ${body.byteLength}`,
        ],
        body: async (send) => {
          for (const byte of body) {
            const one = Buffer.from([byte]);
            if (!(await send(framing === 'chunked' ? asChunk(one) : one))) return;
            await sleep(40);
          }
        },
      });
      expect(response.status).toBe(408);
      expect(response.closedByServer).toBe(true);
      expect(endpoint!.events).toHaveLength(0);
      await expectStillServing(endpoint!);
    },
  );

  it.each(['Content-Length', 'chunked'] as const)(
    'a client that disconnects mid-body (%s): no callback, nothing unhandled',
    async (framing) => {
      const { port } = await start();
      const body = JSON.stringify(createWebhook('on_conversation_closed'));
      await rawRequest({
        port,
        headers: [
          'Content-Type: application/json',
          framing === 'chunked' ? 'Transfer-Encoding: chunked' : `Content-Length: ${body.length}`,
        ],
        body: async (send, socket) => {
          const half = body.slice(0, body.length / 2);
          await send(framing === 'chunked' ? asChunk(half) : half);
          await sleep(50);
          socket.destroy();
        },
        giveUpAfterMs: 1000,
      });
      await sleep(BODY_TIMEOUT_MS + 100);
      expect(endpoint!.events).toHaveLength(0);
      await expectStillServing(endpoint!);
    },
  );

  it('50 clients trickling bodies at once: each 408 and closed, while a valid delivery is served meanwhile', async () => {
    const { port } = await start();
    const slow = Array.from({ length: 50 }, () =>
      rawRequest({
        port,
        headers: ['Content-Type: application/json', 'Content-Length: 1000'],
        body: async (send) => {
          for (let i = 0; i < 1000; i++) {
            if (!(await send('{'))) return;
            await sleep(30);
          }
        },
      }),
    );
    await sleep(100);
    await expectStillServing(endpoint!);
    const answers = await Promise.all(slow);
    expect(answers.map((answer) => answer.status)).toEqual(Array(50).fill(408));
    expect(answers.every((answer) => answer.closedByServer)).toBe(true);
    expect(endpoint!.events).toHaveLength(1);
    await expectStillServing(endpoint!);
  });

  it('Expect: 100-continue with a Content-Length over the limit: 413, no callback', async () => {
    const { port } = await start();
    const response = await rawRequest({
      port,
      headers: ['Content-Type: application/json', 'Expect: 100-continue', `Content-Length: ${64 * MiB}`],
      body: async (send) => {
        await sleep(50);
        await send(OPENING);
        await sendFiller(send, 64 * MiB);
      },
    });
    expect(response.status).toBe(413);
    expect(response.bytesSent).toBeLessThan(32 * MiB);
    expect(endpoint!.events).toHaveLength(0);
    await expectStillServing(endpoint!);
  });

  it('pipelined requests on one connection, valid and invalid mixed: answered in order, each callback once', async () => {
    const { port } = await start();
    const valid = (id: number) => JSON.stringify(createWebhook('on_message_incoming', { message_id: id }));
    const bodies = [valid(1), 'not json', valid(2), '{"webhook":"on_message_incoming"}', valid(3)];
    const wire = bodies
      .map((body) => `POST /hook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`)
      .join('');
    const received = await new Promise<string>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => socket.write(wire));
      let data = '';
      socket.on('data', (chunk) => {
        data += chunk.toString('latin1');
        if ((data.match(/HTTP\/1\.1 \d{3}/g) ?? []).length === bodies.length) socket.end();
      });
      socket.on('close', () => resolve(data));
      socket.on('error', () => undefined);
      setTimeout(() => socket.destroy(), 5000).unref();
    });
    expect([...received.matchAll(/HTTP\/1\.1 (\d{3})/g)].map((match) => Number(match[1]))).toEqual([200, 400, 200, 400, 200]);
    expect(endpoint!.events.map((event) => (event.webhook === 'on_message_incoming' ? event.message_id : -1))).toEqual([1, 2, 3]);
    await expectStillServing(endpoint!);
  });

  it('a client that disconnects while the callback runs: the callback runs once, nothing unhandled', async () => {
    let finished = 0;
    endpoint = await startEndpoint(name, { maxBodyBytes: LIMIT }, async () => {
      await sleep(150);
      finished++;
    });
    const body = JSON.stringify(createWebhook('on_user_new'));
    const response = await rawRequest({
      port: endpoint.port,
      headers: ['Content-Type: application/json', `Content-Length: ${body.length}`],
      body: async (send, socket) => {
        await send(body);
        await sleep(30);
        socket.destroy();
      },
      giveUpAfterMs: 1000,
    });
    expect(response.status).toBeNull();
    await sleep(300);
    expect(endpoint.events).toHaveLength(1);
    expect(finished).toBe(1);
    await expectStillServing(endpoint);
  });
});
