/**
 * The three adapters as test/http/servers.ts mounts them (express 5, plain node:http, Hono over
 * @hono/node-server with and without `c.env`, each on 127.0.0.1), with a callback that records every event it receives.
 */
import type { BlingerWebhook, WebhookHandlerOptions } from '../../../src/index.js';
import { start } from '../../http/servers.js';

export const adapterNames = ['express 5', 'node:http', 'fetch in Hono', 'fetch in Hono + c.env'] as const;
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

/** Starts `name` on a free port of 127.0.0.1 with a callback that records events, then runs `onEvent`. */
export const startEndpoint = async (
  name: AdapterName,
  options: CommonOptions = {},
  onEvent: Callback = () => undefined,
): Promise<Endpoint> => {
  const events: BlingerWebhook[] = [];
  const record = (event: BlingerWebhook) => {
    events.push(event);
    return onEvent(event);
  };
  const running = await start(name, record, options);
  return { ...running, port: Number(new URL(running.url).port), events };
};
