// The default `onError` (issue 12, item 10): without a user-supplied reporter a failing callback is
// still reported, to `console.error`, with the error alone: never the payload, raw body or request.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createWebhook } from '../../src/testing/index.js';
import { type RunningEndpoint, type SetupName, start } from './servers.js';

const setupNames: SetupName[] = ['node:http', 'express 5', 'fetch in Hono', 'fetch in Hono + c.env'];

let endpoint: RunningEndpoint | undefined;
afterEach(async () => {
  await endpoint?.close();
  endpoint = undefined;
  vi.restoreAllMocks();
});

const SECRET_TEXT = 'customer secret 4111 1111 1111 1111';
const event = createWebhook('on_message_incoming', { message: { message: SECRET_TEXT } });

const post = (url: string) =>
  fetch(url, { method: 'POST', body: JSON.stringify(event), headers: { 'content-type': 'application/json' } });

/** Everything `console.error` was given, as one string, the way a log line would show it. */
const logged = (spy: { mock: { calls: unknown[][] } }): string =>
  spy.mock.calls.map((args) => args.map((arg) => (arg instanceof Error ? arg.message : JSON.stringify(arg))).join(' ')).join('\n');

describe.each(setupNames)('%s without onError', (name) => {
  it('reports a callback that throws to console.error: a fixed prefix and the error, nothing from the delivery', async () => {
    const errorLog = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const failure = new Error('database down');
    endpoint = await start(name, () => {
      throw failure;
    });
    const response = await post(endpoint.url);
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain('database down');
    expect(errorLog).toHaveBeenCalledTimes(1);
    expect(errorLog.mock.calls[0]).toEqual(['[blinger-webhooks] webhook callback failed:', failure]);
    // The error is passed as is (the user's own, with its stack, on the server's stderr); the
    // delivery's context (payload, raw body, request) is not.
    expect(errorLog.mock.calls[0]![1]).toBe(failure);
    expect(logged(errorLog)).not.toContain(SECRET_TEXT);
  });

  it('reports a rejected promise the same way, once per failed delivery', async () => {
    const errorLog = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    endpoint = await start(name, async () => {
      throw new Error('queue full');
    });
    expect((await post(endpoint.url)).status).toBe(500);
    expect((await post(endpoint.url)).status).toBe(500);
    expect(errorLog).toHaveBeenCalledTimes(2);
    expect(errorLog.mock.calls.map(([prefix, error]) => [prefix, (error as Error).message])).toEqual([
      ['[blinger-webhooks] webhook callback failed:', 'queue full'],
      ['[blinger-webhooks] webhook callback failed:', 'queue full'],
    ]);
    expect(logged(errorLog)).not.toContain(SECRET_TEXT);
  });

  it('is not used when onError is given, and an onError that throws does not take the endpoint down', async () => {
    const errorLog = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let fail = true;
    endpoint = await start(
      name,
      () => {
        if (fail) throw new Error('callback failed');
      },
      {
        onError: () => {
          throw new Error('reporter failed too');
        },
      },
    );
    expect((await post(endpoint.url)).status).toBe(500);
    expect(errorLog).not.toHaveBeenCalled();
    fail = false;
    expect((await post(endpoint.url)).status).toBe(200);
  });
});
