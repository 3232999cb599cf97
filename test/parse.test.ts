import * as E from 'fp-ts/lib/Either.js';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  BlingerWebhook,
  InvalidWebhookError,
  MAX_LISTED_ISSUES,
  parseWebhook,
  parseWebhookOrThrow,
  type WebhookParseError,
  webhookNames,
} from '../src/index.js';
import { createWebhook, examples } from '../src/testing/index.js';
import { canonicalOf, invalidExpectations, readFixtures } from './helpers/fixtures.js';

const leftOf = (input: unknown): WebhookParseError => {
  const result = parseWebhook(input);
  if (E.isRight(result)) throw new Error(`expected Left, got ${result.right.webhook}`);
  return result.left;
};

describe('parseWebhook on the documented examples', () => {
  it.each(readFixtures('documented'))('%s decodes to its event, unchanged', (name, bytes) => {
    const result = parseWebhook(bytes);
    expect(E.isRight(result)).toBe(true);
    const event = (result as E.Right<BlingerWebhook>).right;
    expect(`${event.webhook}.json`).toBe(name);
    expect(event).toEqual(JSON.parse(bytes.toString('utf8')));
  });

  it('knows exactly the eight documented events', () => {
    expect([...webhookNames].sort()).toEqual(
      readFixtures('documented')
        .map(([name]) => name.replace('.json', ''))
        .sort(),
    );
    expect(webhookNames).toHaveLength(8);
  });
});

describe('parseWebhook as a tolerant reader', () => {
  it.each(readFixtures('valid'))('accepts %s (wire quirks decoded to the canonical event)', (name, bytes) => {
    const result = parseWebhook(bytes);
    if (E.isLeft(result)) throw new Error(result.left.message);
    expect(result.right).toEqual(canonicalOf(name, bytes));
    expect(BlingerWebhook.is(result.right)).toBe(true);
  });

  it('accepts every input form: string, Buffer, Uint8Array, ArrayBuffer, parsed value', () => {
    const json = JSON.stringify(examples.on_user_new);
    const bytes = new TextEncoder().encode(json);
    for (const input of [json, Buffer.from(json), bytes, bytes.buffer, JSON.parse(json)]) {
      expect(parseWebhook(input)).toEqual(E.right(examples.on_user_new));
    }
  });

  it('tolerates a UTF-8 byte-order mark, as text and as bytes', () => {
    const json = JSON.stringify(examples.on_user_new);
    expect(E.isRight(parseWebhook(`\uFEFF${json}`))).toBe(true);
    expect(E.isRight(parseWebhook(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(json)])))).toBe(true);
  });

  it('keeps unknown fields and returns a plain object', () => {
    const event = createWebhook('on_user_new', {});
    const withExtra = { ...event, added_later: { nested: true }, user: { ...event.user, locale: 'ru' } };
    const result = parseWebhook(JSON.stringify(withExtra));
    expect(result).toEqual(E.right(withExtra));
    expect(Object.getPrototypeOf((result as E.Right<unknown>).right)).toBe(Object.prototype);
  });

  it('accepts open value sets: any channel, status, type and role string', () => {
    const event = createWebhook('on_message_incoming', {
      from_user: { application: 'max', role: 'bot', status: 'blocked' },
      message: { type: 'sticker', application: 'max' },
    });
    expect(E.isRight(parseWebhook(event))).toBe(true);
  });
});

describe('parseWebhook errors', () => {
  it.each(readFixtures('invalid'))('rejects %s with the expected kind and paths', (name, bytes) => {
    const expected = invalidExpectations[name];
    expect(expected, `no expectation recorded for ${name}`).toBeDefined();
    const error = leftOf(bytes);
    expect(error.kind).toBe(expected!.kind);
    if (error.kind === 'invalid_payload') {
      expect(error.issues.map((issue) => issue.path).sort()).toEqual([...expected!.paths!].sort());
      for (const issue of error.issues) expect(error.message).toContain(issue.path === '' ? 'the body' : issue.path);
    }
  });

  it('classifies JSON failures by reason', () => {
    expect(leftOf('')).toMatchObject({ kind: 'invalid_json', reason: 'empty' });
    expect(leftOf(new Uint8Array())).toMatchObject({ kind: 'invalid_json', reason: 'empty' });
    expect(leftOf('{"webhook":')).toMatchObject({ kind: 'invalid_json', reason: 'syntax' });
    expect(leftOf(Buffer.from([0x7b, 0xff, 0x7d]))).toMatchObject({ kind: 'invalid_json', reason: 'encoding' });
  });

  it('tells a real U+FFFD in the text from bytes that are not UTF-8, in a Buffer or in plain bytes', () => {
    // A Buffer decodes itself; other bytes (a view into a larger buffer here) through a Buffer view.
    const asPlainView = (buffer: Buffer) => {
      const padded = new Uint8Array(buffer.byteLength + 8);
      padded.set(buffer, 4);
      return padded.subarray(4, 4 + buffer.byteLength);
    };
    const event = createWebhook('on_message_incoming', { message: { message: 'broken � glyph' } });
    const good = Buffer.from(JSON.stringify(event));
    const bad = Buffer.concat([Buffer.from('{"webhook":"on_user_new","x":"\uFFFD'), Buffer.from([0xc3]), Buffer.from('"}')]);
    for (const wrap of [(buffer: Buffer) => buffer, asPlainView]) {
      expect(parseWebhook(wrap(good))).toEqual(E.right(event));
      expect(leftOf(wrap(bad))).toMatchObject({ kind: 'invalid_json', reason: 'encoding' });
    }
    expect(Buffer.isBuffer(asPlainView(good))).toBe(false);
  });

  it('loads, decodes bytes and serves fetch where there is no Node Buffer (Workers, Deno)', () => {
    // The built module picks its UTF-8 decoder when it loads: load it with Buffer removed.
    const script = `
      // The module loads and picks its UTF-8 decoder with no Buffer in sight; Buffer comes back
      // afterwards only because Node's own Request and Response need it.
      const nodeBuffer = globalThis.Buffer;
      delete globalThis.Buffer;
      const { parseWebhook, toFetchHandler } = await import(${JSON.stringify(new URL('../dist/index.js', import.meta.url).href)});
      globalThis.Buffer = nodeBuffer;
      const encode = (text) => new TextEncoder().encode(text);
      const results = [
        parseWebhook(encode(${JSON.stringify(JSON.stringify(examples.on_user_new))})),
        parseWebhook(new Uint8Array([0xef, 0xbb, 0xbf, ...encode(${JSON.stringify(JSON.stringify(examples.on_user_new))})])),
        parseWebhook(new Uint8Array([0x7b, 0xff, 0x7d])),
      ];
      const answer = await toFetchHandler(() => undefined)(
        new Request('https://worker.example/', { method: 'POST', body: ${JSON.stringify(JSON.stringify(examples.on_user_new))} }),
      );
      console.log(JSON.stringify([...results.map((r) => r._tag === 'Right' ? r.right.webhook : r.left.kind + ':' + r.left.reason), answer.status]));
    `;
    const output = execFileSync(process.execPath, ['--input-type=module', '--eval', script], { encoding: 'utf8' });
    expect(JSON.parse(output)).toEqual(['on_user_new', 'on_user_new', 'invalid_json:encoding', 200]);
  });

  it('reports an unknown event with its name and payload', () => {
    const payload = { webhook: 'on_invoice_paid', invoice: { id: 1 } };
    const error = leftOf(JSON.stringify(payload));
    expect(error).toMatchObject({ kind: 'unknown_event', event: 'on_invoice_paid', payload });
    expect(error.message).toContain('on_invoice_paid');
  });

  it('treats prototype property names as unknown events, not as codecs', () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect(leftOf({ webhook: name })).toMatchObject({ kind: 'unknown_event', event: name });
    }
  });

  it('names the path, expected type and received JSON type of each problem', () => {
    const event = createWebhook('on_conversation_closed', {}) as unknown as {
      conversation: { operator: { id: unknown }; messages: Array<{ is_outgoing: unknown }> };
    };
    event.conversation.operator.id = '11.5';
    event.conversation.messages[0]!.is_outgoing = null;
    const error = leftOf(event);
    expect(error).toMatchObject({
      kind: 'invalid_payload',
      event: 'on_conversation_closed',
      issues: expect.arrayContaining([
        { path: 'conversation.messages.0.is_outgoing', expected: 'boolean', received: 'null' },
        { path: 'conversation.operator.id', expected: 'safe integer', received: 'string' },
      ]),
    });
  });

  it('reports a missing required field as missing', () => {
    const { message: _dropped, ...withoutMessage } = createWebhook('on_message_incoming');
    expect(leftOf(withoutMessage)).toMatchObject({
      issues: [{ path: 'message', expected: 'Message', received: 'missing' }],
    });
  });

  it('never echoes field values in its messages', () => {
    const secret = 'customer-secret@example.com';
    const event = createWebhook('on_message_incoming', { message: { message: secret } }) as unknown as Record<
      string,
      Record<string, unknown>
    >;
    event.operator!.email = 12345678;
    event.message!.tags = secret;
    event.from_user!.title = { secret };
    const error = leftOf(JSON.stringify(event));
    expect(JSON.stringify({ ...error, payload: undefined })).not.toContain('customer-secret');
    expect(JSON.stringify(error)).not.toContain('12345678');
    expect(error.message).not.toContain(secret);
  });

  it('does not quote the body when JSON is malformed', () => {
    const error = leftOf('{"message": "private text", oops}');
    expect(error.message).not.toContain('private');
  });

  it('caps the listed issues of a hostile payload but counts them all', () => {
    const event = createWebhook('on_conversation_closed', {}) as unknown as { conversation: { messages: unknown[] } };
    const message = event.conversation.messages[0];
    event.conversation.messages = Array.from({ length: 500 }, () => ({ ...(message as object), id: 'x' }));
    const error = leftOf(event);
    if (error.kind !== 'invalid_payload') throw new Error(error.kind);
    expect(error.issues).toHaveLength(MAX_LISTED_ISSUES);
    expect(error.issueCount).toBe(500);
    expect(error.message).toContain('and 497 more');
  });

  it('returns a Left, never throws, for hostile parsed values', () => {
    const throwing = new Proxy(
      {},
      {
        get() {
          throw new Error('boom');
        },
      },
    );
    const getter = Object.defineProperty({}, 'webhook', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    for (const input of [throwing, getter, undefined, Symbol('x'), 10n, () => 1, NaN, [], 'null', '42', '"x"']) {
      expect(E.isLeft(parseWebhook(input))).toBe(true);
    }
  });
});

describe('parseWebhook on pre-parsed values with inherited fields', () => {
  it('never returns a copy that lost an inherited field: a Right is always a valid event', () => {
    const { user, ...rest } = createWebhook('on_user_new');
    const { name, ...own } = user;
    // `name` inherited, `id` a digit string: decoding copies the user, and the copy has no `name`.
    const exotic = { ...rest, user: Object.assign(Object.create({ name }) as object, { ...own, id: String(own.id) }) };
    const result = parseWebhook(exotic);
    if (E.isRight(result)) expect(BlingerWebhook.is(result.right)).toBe(true);
    else expect(result.left.kind).toBe('invalid_payload');
  });
});

describe('parseWebhookOrThrow', () => {
  it('returns the event for a valid delivery', () => {
    expect(parseWebhookOrThrow(JSON.stringify(examples.on_comment_outgoing))).toEqual(examples.on_comment_outgoing);
  });

  it('throws an InvalidWebhookError carrying the structured error', () => {
    let caught: unknown;
    try {
      parseWebhookOrThrow('{"webhook":"on_user_new"}');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidWebhookError);
    expect(caught).toBeInstanceOf(Error);
    const error = caught as InvalidWebhookError;
    expect(error.kind).toBe('invalid_payload');
    expect(error.details).toEqual(leftOf('{"webhook":"on_user_new"}'));
    expect(error.message).toBe(error.details.message);
    expect(error.name).toBe('InvalidWebhookError');
  });
});
