import { createAdaptorServer, type HttpBindings } from '@hono/node-server';
import express from 'express';
import express4 from 'express4';
import { Hono } from 'hono';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  toExpressHandler,
  toFetchHandler,
  toNodeHandler,
  type WebhookListener,
  type WebhookHandlerOptions,
} from '../../src/index.js';

/** A webhook endpoint running on 127.0.0.1; `url` is the endpoint's full URL. */
export interface RunningEndpoint {
  readonly url: string;
  close(): Promise<void>;
}

type AnyHandler = WebhookListener<never>;
type AnyOptions = WebhookHandlerOptions<never>;

/** How each adapter is mounted in a real app, in every body state the issue names. */
export const setups = {
  'node:http': (handler: AnyHandler, options: AnyOptions) =>
    createServer(toNodeHandler(handler as never, { path: '/hook', ...options } as never)),
  'express 5': (handler: AnyHandler, options: AnyOptions) => expressApp(express, 'none', handler, options),
  'express 5 + json()': (handler: AnyHandler, options: AnyOptions) => expressApp(express, 'json', handler, options),
  'express 5 + raw()': (handler: AnyHandler, options: AnyOptions) => expressApp(express, 'raw', handler, options),
  'express 5 + text()': (handler: AnyHandler, options: AnyOptions) => expressApp(express, 'text', handler, options),
  'express 5 + json() skipped': (handler: AnyHandler, options: AnyOptions) => expressApp(express, 'skipped', handler, options),
  'express 4': (handler: AnyHandler, options: AnyOptions) => expressApp(express4, 'none', handler, options),
  'express 4 + json()': (handler: AnyHandler, options: AnyOptions) => expressApp(express4, 'json', handler, options),
  'express 4 + raw()': (handler: AnyHandler, options: AnyOptions) => expressApp(express4, 'raw', handler, options),
  'express 4 + json() skipped': (handler: AnyHandler, options: AnyOptions) => expressApp(express4, 'skipped', handler, options),
  'express 5 + urlencoded()': (handler: AnyHandler, options: AnyOptions) => expressApp(express, 'urlencoded', handler, options),
  'express 4 + urlencoded()': (handler: AnyHandler, options: AnyOptions) => expressApp(express4, 'urlencoded', handler, options),
  'fetch in Hono': (handler: AnyHandler, options: AnyOptions) => {
    const app = new Hono();
    const webhook = toFetchHandler(handler as never, options as never);
    app.all('/hook', (c) => webhook(c.req.raw));
    return app;
  },
  'fetch in Hono + c.env': (handler: AnyHandler, options: AnyOptions) => {
    const app = new Hono<{ Bindings: HttpBindings }>();
    const webhook = toFetchHandler(handler as never, options as never);
    app.all('/hook', (c) => webhook(c.req.raw, c.env));
    return app;
  },
} as const;

export type SetupName = keyof typeof setups;

/** Body states where a JSON body parser already ran, so body-parser itself answers malformed JSON. */
export const parsesJsonFirst = (name: SetupName): boolean => name.endsWith('json()');

/** Body states where a body parser reads every request before the adapter (whatever its content type). */
export const parsesFirst = (name: SetupName): boolean => /json\(\)$|raw\(\)$|text\(\)$/.test(name);

type ExpressModule = typeof express;
type BodyState = 'none' | 'json' | 'raw' | 'text' | 'skipped' | 'urlencoded';

const PARSER_LIMIT = '50mb';

function expressApp(factory: ExpressModule | typeof express4, state: BodyState, handler: AnyHandler, options: AnyOptions) {
  const app = (factory as ExpressModule)();
  if (state === 'json') app.use((factory as ExpressModule).json({ limit: PARSER_LIMIT, type: '*/*' }));
  if (state === 'raw') app.use((factory as ExpressModule).raw({ limit: PARSER_LIMIT, type: '*/*' }));
  if (state === 'text') app.use((factory as ExpressModule).text({ limit: PARSER_LIMIT, type: '*/*' }));
  // Mounted, but only for application/json: requests sent as text/plain pass with their stream unread.
  if (state === 'skipped') app.use((factory as ExpressModule).json({ limit: PARSER_LIMIT }));
  // App-wide, as many apps mount it: parses only application/x-www-form-urlencoded bodies.
  if (state === 'urlencoded') app.use((factory as ExpressModule).urlencoded({ limit: PARSER_LIMIT, extended: false }));
  app.all('/hook', toExpressHandler(handler as never, options as never));
  return app;
}

const listen = (server: Server): Promise<RunningEndpoint> =>
  new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}/hook`,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });

/** Starts the named setup on a free port of 127.0.0.1. */
export const start = (name: SetupName, handler: AnyHandler, options: AnyOptions = {}): Promise<RunningEndpoint> => {
  const app = setups[name](handler, options);
  if (app instanceof Hono) return listen(createAdaptorServer({ fetch: app.fetch }) as Server);
  if (typeof app === 'function') return listen(createServer(app as never));
  return listen(app as Server);
};

/** Content type a setup needs to see for its body parser to run (or, for "skipped", not to). */
export const contentTypeFor = (name: SetupName): string =>
  name.endsWith('skipped') ? 'text/plain' : 'application/json';
