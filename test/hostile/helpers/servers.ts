/**
 * The three adapters, each mounted the way a user would and served on 127.0.0.1: toExpressHandler
 * in an express 5 app, toNodeHandler as a plain node:http server, toFetchHandler inside a Hono app
 * served by @hono/node-server. Each endpoint counts its callback calls.
 */
import { createAdaptorServer } from '@hono/node-server';
import express from 'express';
import { Hono } from 'hono';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type BlingerWebhook,
  toExpressHandler,
  toFetchHandler,
  toNodeHandler,
  type WebhookCallback,
  type WebhookHandlerOptions,
} from '../../../src/index.js';

export const adapterNames = ['express 5', 'node:http', 'fetch in Hono'] as const;
export type AdapterName = (typeof adapterNames)[number];

export const HOOK_PATH = '/hook';

/** Options common to every adapter (the request type differs, and none of these options depend on it). */
export type CommonOptions = WebhookHandlerOptions<never>;

/** A running endpoint and what its callback received. */
export interface Endpoint {
  readonly port: number;
  /** Full URL of the webhook route. */
  readonly url: string;
  /** Every event the callback received, in order. */
  readonly events: BlingerWebhook[];
  close(): Promise<void>;
}

type Callback = (event: BlingerWebhook) => void | Promise<void>;

const build = (name: AdapterName, callback: WebhookCallback<never>, options: CommonOptions): Server => {
  switch (name) {
    case 'express 5': {
      const app = express();
      // app.all: the adapter, not the router, answers other methods (405 with Allow: POST).
      app.all(HOOK_PATH, toExpressHandler(callback as WebhookCallback<express.Request>, options as never));
      return createServer(app);
    }
    case 'node:http':
      return createServer(toNodeHandler(callback as WebhookCallback<unknown> as never, { path: HOOK_PATH, ...options } as never));
    case 'fetch in Hono': {
      const app = new Hono();
      const webhook = toFetchHandler(callback as WebhookCallback<Request>, options as never);
      app.all(HOOK_PATH, (c) => webhook(c.req.raw));
      return createAdaptorServer({ fetch: app.fetch }) as Server;
    }
  }
};

/** Starts `name` on a free port of 127.0.0.1 with a callback that records events, then runs `onEvent`. */
export const startEndpoint = (
  name: AdapterName,
  options: CommonOptions = {},
  onEvent: Callback = () => undefined,
): Promise<Endpoint> => {
  const events: BlingerWebhook[] = [];
  const server = build(
    name,
    (event) => {
      events.push(event);
      return onEvent(event);
    },
    options,
  );
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        port,
        url: `http://127.0.0.1:${port}${HOOK_PATH}`,
        events,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
};
