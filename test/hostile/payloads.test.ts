/**
 * Hostile bodies, through every adapter on a real server: deep nesting, long strings, invalid
 * UTF-8, a byte-order mark, duplicate keys, integers beyond 2^53, and `__proto__`,
 * `constructor` and `prototype` keys anywhere. Each gets its documented status, the callback is
 * called only for valid events (and with exactly what was sent), and the server keeps serving.
 */
import { describe, expect, it } from 'vitest';
import type { BlingerWebhook } from '../../src/index.js';
import { createWebhook } from '../../src/testing/index.js';
import { checkAfterEachTest, expectStillServing } from './helpers/expectations.js';
import { type AdapterName, adapterNames, type Endpoint, startEndpoint } from './helpers/servers.js';

const MiB = 1024 * 1024;

let endpoint: Endpoint | undefined;
checkAfterEachTest(async () => {
  await endpoint?.close();
  endpoint = undefined;
});

interface Answer {
  readonly status: number;
  readonly body: { error?: string; ok?: boolean; issues?: Array<{ path: string; received: string }> };
}

const post = async (url: string, body: string | Buffer): Promise<Answer> => {
  // A Buffer is sent byte for byte (invalid UTF-8 included).
  const payload: BodyInit = typeof body === 'string' ? body : new Uint8Array(body);
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: payload });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
};

/** `JSON.stringify(event)` with `insert` spliced in right after the opening brace of the object at `marker`. */
const spliceAfter = (json: string, marker: string, insert: string): string => {
  const at = json.indexOf(marker);
  if (at < 0) throw new Error(`marker ${marker} not found`);
  const brace = json.indexOf('{', at);
  return `${json.slice(0, brace + 1)}${insert},${json.slice(brace + 1)}`;
};

/** Replaces the number after the last of `anchors` (each searched after the previous) with `digits`. */
const withRawNumber = (json: string, anchors: readonly string[], digits: string): string => {
  let at = 0;
  for (const anchor of anchors) {
    const found = json.indexOf(anchor, at);
    if (found < 0) throw new Error(`anchor ${anchor} not found`);
    at = found + anchor.length;
  }
  const end = at + /^-?[0-9.eE+]+/.exec(json.slice(at))![0].length;
  return `${json.slice(0, at)}${digits}${json.slice(end)}`;
};

const nested = (depth: number, inner = '1'): string => '{"a":'.repeat(depth) + inner + '}'.repeat(depth);
const nestedArrays = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);

const prototypeNames = (): string[] => Object.getOwnPropertyNames(Object.prototype).sort();

/** Every object in `value` is an ordinary object or array, as JSON.parse makes them. */
const isPlain = (value: unknown): boolean => {
  if (Array.isArray(value)) return Object.getPrototypeOf(value) === Array.prototype && value.every(isPlain);
  if (typeof value !== 'object' || value === null) return true;
  return Object.getPrototypeOf(value) === Object.prototype && Object.values(value).every(isPlain);
};

describe.each<AdapterName>(adapterNames)('%s', (name) => {
  const start = async () => {
    endpoint = await startEndpoint(name);
    return endpoint;
  };

  describe('deeply nested JSON', () => {
    it('as the whole body (200 000 levels): 400 invalid_payload at the root, no callback', async () => {
      const { url } = await start();
      for (const body of [nestedArrays(200_000), nested(200_000)]) {
        const answer = await post(url, body);
        expect(answer.status).toBe(400);
        expect(answer.body.error).toBe('invalid_payload');
        expect(answer.body.issues?.map((issue) => issue.path)).toEqual(body.startsWith('[') ? [''] : ['webhook']);
      }
      expect(endpoint!.events).toHaveLength(0);
      await expectStillServing(endpoint!);
    });

    it('in an unknown field of a valid event: 200, kept as sent, callback once', async () => {
      const { url } = await start();
      const event = createWebhook('on_message_incoming');
      const body = spliceAfter(JSON.stringify(event), '"message":{', `"attachment":${nested(100_000)}`);
      const answer = await post(url, body);
      expect(answer.status).toBe(200);
      expect(endpoint!.events).toHaveLength(1);
      let depth = 0;
      let node: unknown = (endpoint!.events[0] as unknown as { message: { attachment: unknown } }).message.attachment;
      while (typeof node === 'object' && node !== null) {
        node = (node as { a: unknown }).a;
        depth++;
      }
      expect(depth).toBe(100_000);
      await expectStillServing(endpoint!);
    });

    it('in a known field: 400 naming that field, no callback', async () => {
      const { url } = await start();
      const body = JSON.stringify(createWebhook('on_message_incoming')).replace('"tags":[', `"tags":[${nestedArrays(100_000)},`);
      const answer = await post(url, body);
      expect(answer.status).toBe(400);
      expect(answer.body.issues?.map((issue) => issue.path)).toEqual(['message.tags.0']);
      expect(endpoint!.events).toHaveLength(0);
      await expectStillServing(endpoint!);
    });
  });

  it('very long strings within the limit (4 MiB of ASCII, of Cyrillic, of emoji): 200, delivered intact', async () => {
    const { url } = await start();
    for (const unit of ['a', 'ж', '😀']) {
      const text = unit.repeat(Math.floor((4 * MiB) / Buffer.byteLength(unit)));
      const answer = await post(url, JSON.stringify(createWebhook('on_message_incoming', { message: { message: text } })));
      expect(answer.status).toBe(200);
      const received = endpoint!.events.at(-1) as Extract<BlingerWebhook, { webhook: 'on_message_incoming' }>;
      expect(received.message.message.length).toBe(text.length);
      expect(received.message.message === text).toBe(true);
    }
    expect(endpoint!.events).toHaveLength(3);
    await expectStillServing(endpoint!);
  });

  it.each([
    ['a truncated two-byte sequence', [0xc3, 0x28]],
    ['a lone continuation byte', [0x80]],
    ['an overlong encoding of "/"', [0xc0, 0xaf]],
    ['an encoded UTF-16 surrogate', [0xed, 0xa0, 0x80]],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['a 0xFF byte', [0xff]],
  ])('invalid UTF-8 inside a string (%s): 400 invalid_json, no callback', async (_what, bytes) => {
    const { url } = await start();
    const json = JSON.stringify(createWebhook('on_message_incoming', { message: { message: '@@' } }));
    const [before, after] = json.split('@@') as [string, string];
    const body = Buffer.concat([Buffer.from(before), Buffer.from(bytes), Buffer.from(after)]);
    const answer = await post(url, body);
    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe('invalid_json');
    expect(endpoint!.events).toHaveLength(0);
    await expectStillServing(endpoint!);
  });

  it('a UTF-8 byte-order mark before the JSON: 200, the event delivered', async () => {
    const { url } = await start();
    const event = createWebhook('on_user_new');
    const answer = await post(url, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(event))]));
    expect(answer.status).toBe(200);
    expect(endpoint!.events).toEqual([event]);
    await expectStillServing(endpoint!);
  });

  describe('duplicate keys: the last occurrence wins, as in JSON.parse, and is what gets validated', () => {
    it('a duplicated field: 200 with the last value', async () => {
      const { url } = await start();
      const event = createWebhook('on_message_incoming', { message_id: 2 });
      const body = spliceAfter(JSON.stringify(event), '{', '"message_id":1');
      expect((await post(url, body)).status).toBe(200);
      expect(endpoint!.events).toEqual([event]);
      await expectStillServing(endpoint!);
    });

    it('a duplicate whose last value is invalid: 400 naming it, no callback', async () => {
      const { url } = await start();
      const body = `${JSON.stringify(createWebhook('on_message_incoming')).slice(0, -1)},"message_id":"1.5"}`;
      const answer = await post(url, body);
      expect(answer.status).toBe(400);
      expect(answer.body.issues).toEqual([{ path: 'message_id', expected: 'safe integer', received: 'string' }]);
      expect(endpoint!.events).toHaveLength(0);
      await expectStillServing(endpoint!);
    });

    it('a duplicated "webhook" naming another event: validated as the last one, 400, no callback', async () => {
      const { url } = await start();
      const body = `${JSON.stringify(createWebhook('on_user_new')).slice(0, -1)},"webhook":"on_message_incoming"}`;
      const answer = await post(url, body);
      expect(answer.status).toBe(400);
      expect(answer.body.error).toBe('invalid_payload');
      expect(answer.body.issues?.map((issue) => issue.path)).toContain('message');
      expect(endpoint!.events).toHaveLength(0);
      await expectStillServing(endpoint!);
    });
  });

  describe('integers beyond 2^53 are rejected, naming the field (JSON.parse would silently round them)', () => {
    it.each([
      ['message_id', ['"message_id":']],
      ['message.id', ['"message":{', '"id":']],
      ['from_user.date_created', ['"from_user":{', '"date_created":']],
      ['to_user.user_id', ['"to_user":{', '"user_id":']],
    ])('%s = 2^53 + 1: 400 invalid_payload naming it, no callback', async (path, anchors) => {
      const { url } = await start();
      const answer = await post(url, withRawNumber(JSON.stringify(createWebhook('on_message_incoming')), anchors, '9007199254740993'));
      expect(answer.status).toBe(400);
      expect(answer.body.error).toBe('invalid_payload');
      expect(answer.body.issues).toEqual([{ path, expected: 'safe integer', received: 'number' }]);
      expect(endpoint!.events).toHaveLength(0);
      await expectStillServing(endpoint!);
    });

    it('2^53 - 1, the largest safe integer: 200', async () => {
      const { url } = await start();
      const event = createWebhook('on_message_incoming', { message_id: Number.MAX_SAFE_INTEGER });
      expect((await post(url, JSON.stringify(event))).status).toBe(200);
      expect(endpoint!.events).toEqual([event]);
      await expectStillServing(endpoint!);
    });
  });

  describe('__proto__, constructor and prototype keys', () => {
    const hostileKeys = [
      '"__proto__":{"polluted":"yes","webhook":"on_user_new"}',
      '"constructor":{"prototype":{"polluted":"yes"}}',
      '"prototype":{"polluted":"yes"}',
    ].join(',');

    it('anywhere in a valid event: 200, kept as own data fields, nothing polluted, plain objects', async () => {
      const { url } = await start();
      const before = prototypeNames();
      const event = createWebhook('on_message_incoming');
      let body = JSON.stringify(event);
      for (const marker of ['{', '"operator":{', '"from_user":{', '"to_user":{', '"message":{']) {
        body = spliceAfter(body, marker, hostileKeys);
      }
      const answer = await post(url, body);
      expect(answer.status).toBe(200);
      const [received] = endpoint!.events;
      expect(JSON.stringify(received)).toBe(JSON.stringify(JSON.parse(body)));
      expect(Object.hasOwn(received!, '__proto__')).toBe(true);
      expect(Object.getPrototypeOf(received)).toBe(Object.prototype);
      expect(isPlain(received)).toBe(true);
      expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
      expect(prototypeNames()).toEqual(before);
      await expectStillServing(endpoint!);
    });

    it('an event name only under "__proto__": 400 (never read through the prototype), no callback', async () => {
      const { url } = await start();
      const answer = await post(url, `{"__proto__":${JSON.stringify(createWebhook('on_user_new'))}}`);
      expect(answer.status).toBe(400);
      expect(answer.body.issues?.map((issue) => issue.path)).toEqual(['webhook']);
      expect(endpoint!.events).toHaveLength(0);
      await expectStillServing(endpoint!);
    });

    it('"__proto__" as the event name: 200 unknown_event, ignored, no callback', async () => {
      const { url } = await start();
      const answer = await post(url, '{"webhook":"__proto__"}');
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ ok: true, ignored: 'unknown_event' });
      expect(endpoint!.events).toHaveLength(0);
      await expectStillServing(endpoint!);
    });
  });
});
