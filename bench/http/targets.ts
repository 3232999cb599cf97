/**
 * The servers the HTTP benchmark loads, one per framework, each with two routes:
 * `/hook`, the adapter with a no-op callback, and `/bare`, a route of the same framework that only
 * reads the body, runs `JSON.parse` and answers 200: the floor any webhook endpoint pays.
 */
import { createAdaptorServer, type HttpBindings } from '@hono/node-server';
import express from 'express';
import { Hono } from 'hono';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { toExpressHandler, toFetchHandler, toNodeHandler } from '../../src/index.js';

export const frameworks = ['express 5', 'node:http', 'Hono (fetch, c.env)', 'Hono (fetch, c.req.raw only)'] as const;
export type Framework = (typeof frameworks)[number];

/** How many times the adapters' callbacks ran, to check against the 2xx count. */
export const callbackCalls = { count: 0 };
const countCall = (): void => {
  callbackCalls.count++;
};

const OK = '{"ok":true}';

/** The bare route's work: read the body, JSON.parse it, answer 200 (400 if it is not JSON). */
const bareNode = (req: IncomingMessage, res: ServerResponse): void => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    let status = 200;
    try {
      JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      status = 400;
    }
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': OK.length });
    res.end(OK);
  });
};

const serverFor = (framework: Framework): Server => {
  switch (framework) {
    case 'express 5': {
      const app = express();
      app.post('/hook', toExpressHandler(countCall));
      app.post('/bare', (req, res) => bareNode(req, res));
      return createServer(app);
    }
    case 'node:http': {
      const hook = toNodeHandler(countCall);
      return createServer((req, res) => (req.url === '/bare' ? bareNode(req, res) : hook(req, res)));
    }
    // The fetch adapter as the docs mount it on Node (handed c.env, it reads Node's request), and
    // handed the fetch Request alone (it reads it with Request#arrayBuffer(), which copies the body).
    case 'Hono (fetch, c.env)':
    case 'Hono (fetch, c.req.raw only)': {
      const app = new Hono<{ Bindings: HttpBindings }>();
      const hook = toFetchHandler(countCall);
      if (framework === 'Hono (fetch, c.env)') app.post('/hook', (c) => hook(c.req.raw, c.env));
      else app.post('/hook', (c) => hook(c.req.raw));
      app.post('/bare', async (c) => {
        JSON.parse(await c.req.text());
        return c.json({ ok: true });
      });
      return createAdaptorServer({ fetch: app.fetch }) as Server;
    }
  }
};

/** Starts `framework`'s server on a free port of 127.0.0.1; resolves with the port. */
export const startTarget = async (framework: Framework): Promise<number> => {
  if (!frameworks.includes(framework)) throw new Error(`unknown framework: ${framework}`);
  const server = serverFor(framework);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
};
