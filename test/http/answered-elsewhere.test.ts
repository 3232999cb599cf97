/**
 * Someone else answers before the Node adapters do: a timeout middleware (connect-timeout and the
 * like) starts its 503 while the callback is still running, and is still sending it when the
 * adapter has its own answer. The adapter then writes nothing (it checks `headersSent`): the client
 * gets the other answer whole, on a connection that stays usable, and nothing throws. Without the
 * check, Node's `writeHead` throws and the adapter drops the connection, cutting the 503 off.
 */
import express from 'express';
import express4 from 'express4';
import { Agent, createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { toExpressHandler, toNodeHandler } from '../../src/index.js';
import { examples } from '../../src/testing/index.js';
import { postOnAgent } from '../helpers/post-on-agent.js';

const CALLBACK_MS = 150;
const TIMEOUT_MS = 30;

/**
 * Answers 503 after TIMEOUT_MS unless something answered first, as a timeout middleware does, and
 * is still sending its body when the adapter has its own answer.
 */
const answerAfterTimeout = (res: ServerResponse): void => {
  setTimeout(() => {
    if (res.headersSent) return;
    res.writeHead(503, { 'content-type': 'text/plain' }).write('timed out ');
    setTimeout(() => res.end('elsewhere'), CALLBACK_MS);
  }, TIMEOUT_MS);
};

let callbacksDone = 0;
const slowCallback = async (): Promise<void> => {
  await new Promise((resolve) => setTimeout(resolve, CALLBACK_MS));
  callbacksDone += 1;
};

/** An express app (4 or 5) with the timeout middleware in front of the webhook route. */
const expressServer = (factory: typeof express | typeof express4) => {
  const app = factory();
  app.use((_req, res, next) => {
    answerAfterTimeout(res);
    next();
  });
  app.post('/', toExpressHandler(slowCallback));
  return createServer(app);
};

const servers = {
  'node:http': () => {
    const webhook = toNodeHandler(slowCallback);
    return createServer((req: IncomingMessage, res: ServerResponse) => {
      answerAfterTimeout(res);
      webhook(req, res);
    });
  },
  'express 5': () => expressServer(express),
  'express 4': () => expressServer(express4),
} as const;

let running: Server | undefined;
afterEach(() => {
  running?.closeAllConnections();
  running?.close();
});

/** POSTs a delivery on `agent`. */
const post = (url: string, agent: Agent) => postOnAgent(url, agent, JSON.stringify(examples.on_user_new));

describe.each(Object.keys(servers) as (keyof typeof servers)[])('%s: another answer went out first', (name) => {
  it('the client gets the other answer whole; the adapter writes nothing and the connection stays usable', async () => {
    const errors: unknown[] = [];
    const onError = (error: unknown) => errors.push(error);
    process.on('uncaughtException', onError);
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      running = servers[name]();
      await new Promise<void>((resolve) => running!.listen(0, '127.0.0.1', resolve));
      const url = `http://127.0.0.1:${(running.address() as AddressInfo).port}/`;
      const before = callbacksDone;
      // The callback finishes, and the adapter has its answer, while the other answer is being sent.
      const first = await post(url, agent);
      expect(first).toMatchObject({ status: 503, body: 'timed out elsewhere' });
      expect(callbacksDone - before).toBe(1);
      // The same keep-alive connection carries the next delivery: the adapter did not close it.
      const second = await post(url, agent);
      expect(second).toMatchObject({ status: 503, body: 'timed out elsewhere', localPort: first.localPort });
      expect(callbacksDone - before).toBe(2);
      expect(errors).toEqual([]);
    } finally {
      agent.destroy();
      process.off('uncaughtException', onError);
    }
  });
});
