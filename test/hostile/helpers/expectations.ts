/** Shared checks of the hostile-delivery tests. */
import { sleep } from './raw-client.js';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { createWebhook } from '../../../src/testing/index.js';
import type { Endpoint } from './servers.js';

let nextId = 1_000_000;

/**
 * Sends one valid delivery with a fresh message id and expects 200 and exactly one more callback
 * call with that event: the endpoint is still serving, and still correctly. `query` carries a token.
 */
export const expectStillServing = async (endpoint: Endpoint, query = ''): Promise<void> => {
  const id = nextId++;
  const before = endpoint.events.length;
  const event = createWebhook('on_message_incoming', { message_id: id });
  const response = await fetch(`${endpoint.url}${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(event),
  });
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ ok: true });
  expect(endpoint.events.length).toBe(before + 1);
  expect(endpoint.events.at(-1)).toEqual(event);
};

/** Collects unhandled rejections while a test file runs; none may happen. */
export const watchUnhandledRejections = (): { readonly seen: unknown[]; stop(): void } => {
  const seen: unknown[] = [];
  const record = (reason: unknown): void => {
    seen.push(reason);
  };
  process.on('unhandledRejection', record);
  return { seen, stop: () => process.off('unhandledRejection', record) };
};

/**
 * Registers, for the calling test file, the checks every hostile test ends with: no unhandled
 * rejection happened, and every endpoint the test started is closed. `settleMs` gives aborted
 * requests time to unwind first.
 */
export const checkAfterEachTest = (closeEndpoints: () => Promise<void>, settleMs = 0): void => {
  let rejections: ReturnType<typeof watchUnhandledRejections>;
  beforeAll(() => {
    rejections = watchUnhandledRejections();
  });
  afterAll(() => rejections.stop());
  afterEach(async () => {
    if (settleMs > 0) await sleep(settleMs);
    expect(rejections.seen).toEqual([]);
    await closeEndpoints();
  });
};
