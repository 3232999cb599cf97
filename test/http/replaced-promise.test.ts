// An application that replaces the global Promise (Bluebird's `global.Promise = require('bluebird')`,
// a polyfill) must not change any answer: the core tells a pending step from a finished one
// structurally, not with `instanceof Promise`, which native promises of `async` functions fail then.
import { request } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryDedupeStore } from '../../src/index.js';
import { createWebhook } from '../../src/testing/index.js';
import { type RunningEndpoint, type SetupName, start } from './servers.js';

const NativePromise = Promise;
let endpoint: RunningEndpoint | undefined;
afterEach(async () => {
  globalThis.Promise = NativePromise;
  await endpoint?.close();
  endpoint = undefined;
});

/** Sends `body` with node:http's callbacks only, so that the test itself depends on no promise. */
const post = (url: string, body: Uint8Array, headers: Record<string, string> = {}): Promise<string> =>
  new NativePromise((resolve) => {
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers } }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      response.on('end', () => resolve(`${response.statusCode} ${text}`));
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve(`error ${error.code ?? error.message}`));
    req.end(body);
  });

const delivery = (): Uint8Array => Buffer.from(JSON.stringify(createWebhook('on_user_new')));

describe.each(['node:http', 'fetch in Hono', 'fetch in Hono + c.env'] satisfies SetupName[])('%s, with the global Promise replaced', (setup) => {
  it('answers 500 when the callback fails behind dedupe, 200 to a gzip body, 200 to a duplicate', async () => {
    let calls = 0;
    endpoint = await start(
      setup,
      () => {
        calls++;
        if (calls === 1) throw new Error('first try fails');
      },
      { dedupe: { store: createMemoryDedupeStore() }, onError: () => undefined },
    );
    globalThis.Promise = class ReplacedPromise<T> extends NativePromise<T> {} as PromiseConstructor;
    const body = delivery();
    expect(await post(endpoint.url, body)).toMatch(/^500 .*callback_failed/);
    expect(await post(endpoint.url, gzipSync(body), { 'content-encoding': 'gzip' })).toBe('200 {"ok":true}');
    expect(await post(endpoint.url, body)).toBe('200 {"ok":true,"duplicate":true}');
    expect(calls).toBe(2);
  });
});
