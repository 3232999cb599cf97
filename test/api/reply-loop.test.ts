/**
 * The loop the guide shows, end to end on 127.0.0.1: a delivery of `on_message_incoming` reaches a
 * real express endpoint (and a fetch handler run as a Worker runs it), whose callback replies with
 * `sendMessage` and closes the conversation through the stand-in for Blinger's API.
 */
import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlingerClient } from '../../src/api/index.js';
import { toExpressHandler, toFetchHandler, type WebhookCallbacks } from '../../src/index.js';
import { examples } from '../../src/testing/index.js';
import { startStandIn, type StandIn } from './stand-in.js';

let standIn: StandIn;
beforeAll(async () => {
  standIn = await startStandIn();
});
afterAll(() => standIn.close());

const replyLoop = <Request>(blinger: BlingerClient, failures: string[]): WebhookCallbacks<Request> => ({
  on_message_incoming: async (event) => {
    const conversation_id = event.conversation_id;
    const sent = await blinger.conversations.sendMessage({ conversation_id, text: `Re: ${event.message.message}`, disable_webhook: true });
    if (sent._tag === 'Left') return void failures.push(sent.left.message);
    const closed = await blinger.conversations.close({ conversation_id });
    if (closed._tag === 'Left') failures.push(closed.left.message);
  },
});

const delivery = { ...examples.on_message_incoming, conversation_id: 173, message: { ...examples.on_message_incoming.message, message: 'bye' } };

describe('receive on_message_incoming, reply, close', () => {
  it('in express', async () => {
    standIn.requests.length = 0;
    const failures: string[] = [];
    const blinger = new BlingerClient({ token: 'loop-token', baseUrl: standIn.baseUrl });
    const app = express();
    app.post('/blinger', toExpressHandler(replyLoop(blinger, failures)));
    const server: Server = await new Promise((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    try {
      const { port } = server.address() as AddressInfo;
      const answer = await fetch(`http://127.0.0.1:${port}/blinger`, { method: 'POST', body: JSON.stringify(delivery) });
      expect(answer.status).toBe(200);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    expect(failures).toEqual([]);
    expect(standIn.requests.map((request) => [request.path, request.authentication, request.body])).toEqual([
      ['/api/conversations/send-message', 'loop-token', { conversation_id: 173, text: 'Re: bye', disable_webhook: 1 }],
      ['/api/conversations/close', 'loop-token', { conversation_id: 173 }],
    ]);
  });

  it('in a fetch handler answering at once, the reply under waitUntil (as in a Worker)', async () => {
    standIn.requests.length = 0;
    const failures: string[] = [];
    const pending: Array<Promise<unknown>> = [];
    const ctx = { waitUntil: (promise: Promise<unknown>) => void pending.push(promise) };
    const blinger = new BlingerClient({ token: 'worker-token', baseUrl: standIn.baseUrl });
    const handle = toFetchHandler(replyLoop(blinger, failures), { acknowledge: 'immediately' });
    const answer = await handle(new Request('http://worker.test/blinger', { method: 'POST', body: JSON.stringify(delivery) }), {}, ctx);
    expect(answer.status).toBe(200);
    expect(pending.length).toBeGreaterThan(0);
    await Promise.all(pending);
    expect(failures).toEqual([]);
    expect(standIn.requests.map((request) => request.path)).toEqual(['/api/conversations/send-message', '/api/conversations/close']);
  });
});
