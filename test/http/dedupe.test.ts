/**
 * The `dedupe` option on every adapter and body state: claimed before the callback, released when it
 * fails, 503 when the store fails.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type BlingerWebhook, createMemoryDedupeStore, type DedupeStore, deliveryKey } from '../../src/index.js';
import { createWebhook, examples } from '../../src/testing/index.js';
import { toExpressHandler, toFetchHandler, toNodeHandler } from '../../src/index.js';
import { contentTypeFor, type RunningEndpoint, type SetupName, setups, start } from './servers.js';

const setupNames = Object.keys(setups) as SetupName[];

let endpoint: RunningEndpoint | undefined;
afterEach(async () => {
  await endpoint?.close();
  endpoint = undefined;
});

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A memory store that also records what the adapter asked of it. */
const recordingStore = () => {
  const inner = createMemoryDedupeStore();
  const calls: string[] = [];
  const store: DedupeStore = {
    claim: (key, ttlMs) => {
      calls.push(`claim ${key} ${ttlMs}`);
      return inner.claim(key, ttlMs);
    },
    release: (key) => {
      calls.push(`release ${key}`);
      return inner.release(key);
    },
  };
  return { store, calls };
};

describe('the dedupe option is checked when an adapter is made', () => {
  const store = createMemoryDedupeStore();
  const make: ReadonlyArray<(options: { dedupe: never }) => unknown> = [
    (options) => toNodeHandler(() => undefined, options),
    (options) => toExpressHandler(() => undefined, options),
    (options) => toFetchHandler(() => undefined, options),
  ];
  it.each([
    [{ store: {} }, 'dedupe.store'],
    [{ store: { claim: () => Promise.resolve(true) } }, 'dedupe.store'],
    [{ store, ttlMs: 0 }, 'dedupe.ttlMs'],
    [{ store, ttlMs: 1.5 }, 'dedupe.ttlMs'],
    [{ store, ttlMs: Number.POSITIVE_INFINITY }, 'dedupe.ttlMs'],
    [{ store, onStoreError: 'log' }, 'dedupe.onStoreError'],
    ['redis', 'dedupe'],
  ])('%j: TypeError naming %s', (dedupe, option) => {
    for (const adapter of make) {
      expect(() => adapter({ dedupe: dedupe as never })).toThrow(`option \`${option}\``);
      expect(() => adapter({ dedupe: dedupe as never })).toThrow(TypeError);
    }
  });
  it('accepts a store with a ttl and a hook', () => {
    const dedupe = { store, ttlMs: 1000, onStoreError: () => undefined };
    for (const adapter of make) expect(() => adapter({ dedupe: dedupe as never })).not.toThrow();
  });
});

describe.each(setupNames)('%s with dedupe', (name) => {
  const post = async (event: unknown) => {
    const response = await fetch(endpoint!.url, {
      method: 'POST',
      body: JSON.stringify(event),
      headers: { 'content-type': contentTypeFor(name) },
    });
    return { status: response.status, body: (await response.json()) as unknown };
  };

  it('20 concurrent copies of one delivery: the callback runs once, every copy gets 200', async () => {
    let calls = 0;
    const store = createMemoryDedupeStore();
    endpoint = await start(
      name,
      async () => {
        calls++;
        await delay(50);
      },
      { dedupe: { store } },
    );
    const answers = await Promise.all(Array.from({ length: 20 }, () => post(examples.on_message_incoming)));
    expect(calls).toBe(1);
    expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(200));
    expect(answers.filter((answer) => JSON.stringify(answer.body) === '{"ok":true}')).toHaveLength(1);
    expect(answers.filter((answer) => JSON.stringify(answer.body) === '{"ok":true,"duplicate":true}')).toHaveLength(19);
  });

  it('fail, retry, duplicate: 500, 200, 200 with the callback run twice', async () => {
    const { store, calls: storeCalls } = recordingStore();
    let calls = 0;
    const errors: unknown[] = [];
    endpoint = await start(
      name,
      () => {
        calls++;
        if (calls === 1) throw new Error('database down');
      },
      { dedupe: { store, ttlMs: 60_000 }, onError: (error) => errors.push(error) },
    );
    const key = deliveryKey(examples.on_conversation_closed);
    expect((await post(examples.on_conversation_closed)).status).toBe(500);
    expect((await post(examples.on_conversation_closed)).body).toEqual({ ok: true });
    expect(await post(examples.on_conversation_closed)).toEqual({ status: 200, body: { ok: true, duplicate: true } });
    expect(calls).toBe(2);
    expect(errors).toHaveLength(1);
    expect(storeCalls).toEqual([`claim ${key} 60000`, `release ${key}`, `claim ${key} 60000`, `claim ${key} 60000`]);
  });

  it('different deliveries each run; the default ttl is 24 hours', async () => {
    const { store, calls: storeCalls } = recordingStore();
    const seen: string[] = [];
    endpoint = await start(name, (event: BlingerWebhook) => void seen.push(event.webhook), { dedupe: { store } });
    for (const event of Object.values(examples)) expect((await post(event)).body).toEqual({ ok: true });
    const second = createWebhook('on_message_incoming', { message_id: 547, message: { id: 547 } });
    expect((await post(second)).body).toEqual({ ok: true });
    expect(seen).toEqual([...Object.keys(examples), 'on_message_incoming']);
    expect(storeCalls.every((call) => call.endsWith(' 86400000'))).toBe(true);
  });

  it('a store that fails: 503, the callback does not run, onStoreError gets the error and the key', async () => {
    let calls = 0;
    const reported: Array<[unknown, string]> = [];
    const failure = new Error('ECONNREFUSED 127.0.0.1:6379');
    const store: DedupeStore = {
      claim: () => Promise.reject(failure),
      release: () => Promise.resolve(),
    };
    endpoint = await start(name, () => void calls++, {
      dedupe: { store, onStoreError: (error, key) => reported.push([error, key]) },
    });
    const answer = await post(examples.on_user_new);
    expect(answer).toEqual({
      status: 503,
      body: { error: 'dedupe_store_failed', message: 'The deduplication store is unavailable' },
    });
    expect(JSON.stringify(answer.body)).not.toContain('ECONNREFUSED');
    expect(calls).toBe(0);
    expect(reported).toEqual([[failure, 'on_user_new/294/374']]);
  });

  it('a store whose claim throws synchronously or resolves a non-boolean: 503, callback not run', async () => {
    let calls = 0;
    const reported: unknown[] = [];
    let mode: 'throw' | 'ok' = 'throw';
    const store = {
      claim: (): Promise<boolean> => {
        if (mode === 'throw') throw new Error('not connected');
        return Promise.resolve('OK' as unknown as boolean);
      },
      release: () => Promise.resolve(),
    };
    endpoint = await start(name, () => void calls++, { dedupe: { store, onStoreError: (error) => reported.push(error) } });
    expect((await post(examples.on_user_new)).status).toBe(503);
    mode = 'ok';
    expect((await post(examples.on_user_new)).status).toBe(503);
    expect(calls).toBe(0);
    expect(String(reported[1])).toContain('must resolve a boolean');
  });

  it('a release that fails after a failed callback is reported; the answer stays 500', async () => {
    const reported: Array<[unknown, string]> = [];
    const inner = createMemoryDedupeStore();
    const store: DedupeStore = { claim: inner.claim, release: () => Promise.reject(new Error('gone')) };
    endpoint = await start(
      name,
      () => {
        throw new Error('callback failed');
      },
      { dedupe: { store, onStoreError: (error, key) => reported.push([error, key]) }, onError: () => undefined },
    );
    expect((await post(examples.on_user_new)).status).toBe(500);
    expect(reported.map(([, key]) => key)).toEqual(['on_user_new/294/374']);
  });

  it("acknowledge 'immediately': a failing callback still releases its key, so a retry runs it", async () => {
    let calls = 0;
    let failed!: () => void;
    const failedOnce = new Promise<void>((resolve) => (failed = resolve));
    endpoint = await start(
      name,
      async () => {
        calls++;
        if (calls === 1) {
          setTimeout(failed, 10);
          throw new Error('first attempt fails');
        }
      },
      { acknowledge: 'immediately', dedupe: { store: createMemoryDedupeStore() }, onError: () => undefined },
    );
    expect((await post(examples.on_comment_incoming)).status).toBe(200);
    await failedOnce;
    expect((await post(examples.on_comment_incoming)).body).toEqual({ ok: true });
    await delay(10);
    expect((await post(examples.on_comment_incoming)).body).toEqual({ ok: true, duplicate: true });
    expect(calls).toBe(2);
  });

  it('invalid and unknown events are answered as without dedupe and claim nothing', async () => {
    const { store, calls: storeCalls } = recordingStore();
    endpoint = await start(name, () => undefined, { dedupe: { store } });
    expect((await post({ webhook: 'on_user_new' })).status).toBe(400);
    expect((await post({ webhook: 'on_something_new' })).body).toEqual({ ok: true, ignored: 'unknown_event' });
    expect(storeCalls).toEqual([]);
  });
});
