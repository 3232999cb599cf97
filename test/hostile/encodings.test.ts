/**
 * What senders really send (issue 9, items 7 to 9), through every adapter and body state on real
 * servers: compressed bodies, compression bombs, charsets other than UTF-8, JSON labelled as a
 * form. The adapter decodes what it reads itself; where a body parser read first, the parser's own
 * decoding applies and the adapter must still answer correctly.
 */
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { BlingerWebhook, WebhookHandlerOptions } from '../../src/index.js';
import { createWebhook } from '../../src/testing/index.js';
import { type RunningEndpoint, type SetupName, parsesFirst, setups, start } from '../http/servers.js';
import { checkAfterEachTest } from './helpers/expectations.js';

const setupNames = Object.keys(setups) as SetupName[];

let endpoint: RunningEndpoint | undefined;
checkAfterEachTest(async () => {
  await endpoint?.close();
  endpoint = undefined;
}, 20);

const MiB = 1024 * 1024;

/**
 * Encodes JSON `text` in a single-byte charset, by inverting what `TextDecoder` makes of each
 * byte; a character the charset lacks (the fixtures' en dash) is written as a JSON `\\u` escape.
 */
const encodeSingleByte = (label: string, json: string): Buffer => {
  const decoder = new TextDecoder(label);
  const table = new Map<string, number>();
  for (let byte = 0; byte < 256; byte++) table.set(decoder.decode(Uint8Array.of(byte)), byte);
  const bytes = [...json].flatMap((char) => {
    const byte = table.get(char);
    return byte !== undefined ? [byte] : [...Buffer.from(`\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)];
  });
  return Buffer.from(bytes);
};

interface Started {
  readonly url: string;
  readonly events: BlingerWebhook[];
}

const startRecording = async (name: SetupName, options: WebhookHandlerOptions<never> = {}): Promise<Started> => {
  const events: BlingerWebhook[] = [];
  endpoint = await start(name, (event: BlingerWebhook) => void events.push(event), options);
  return { url: endpoint.url, events };
};

const post = (url: string, body: Uint8Array | string, headers: Record<string, string>) =>
  fetch(url, { method: 'POST', body: body as BodyInit, headers });

/** The content type a setup's parser does (or, for "skipped", does not) take, with extra parameters. */
const jsonType = (name: SetupName, parameters = ''): string =>
  (name.endsWith('skipped') ? 'text/plain' : 'application/json') + parameters;

const cyrillic = createWebhook('on_message_incoming', {
  message: { message: 'Здравствуйте! Ёлка, щука, съешь же ещё этих мягких французских булок' },
});

describe.each(setupNames)('%s', (name) => {
  const readsItself = !parsesFirst(name);
  const express4Parser = name.startsWith('express 4') && parsesFirst(name);

  it.each([
    ['gzip', gzipSync],
    ['x-gzip', gzipSync],
    ['deflate', deflateSync],
    ['br', brotliCompressSync],
  ] as const)('Content-Encoding: %s is decoded: 200 and the event intact', async (encoding, compress) => {
    const { url, events } = await startRecording(name);
    const response = await post(url, compress(JSON.stringify(cyrillic)), {
      'content-type': jsonType(name),
      'content-encoding': encoding,
    });
    // body-parser knows neither x-gzip nor (in express 4's version) br, and refuses them itself.
    if (!readsItself && (encoding === 'x-gzip' || (express4Parser && encoding === 'br'))) {
      expect(response.status).toBe(415);
      return;
    }
    expect(response.status).toBe(200);
    expect(events).toEqual([cyrillic]);
  });

  // Only where the adapter reads the body itself: body-parser's inflate expects the zlib header.
  if (readsItself) it('raw deflate (no zlib header), as some senders send it, is decoded too', async () => {
    const { url, events } = await startRecording(name);
    const response = await post(url, deflateRawSync(JSON.stringify(cyrillic)), {
      'content-type': jsonType(name),
      'content-encoding': 'deflate',
    });
    expect(response.status).toBe(200);
    expect(events).toEqual([cyrillic]);
  });

  it('stacked encodings (gzip, then br) are undone last first', async () => {
    const { url, events } = await startRecording(name);
    const body = brotliCompressSync(gzipSync(JSON.stringify(cyrillic)));
    const response = await post(url, body, { 'content-type': jsonType(name), 'content-encoding': 'gzip, br' });
    if (!readsItself) {
      // body-parser refuses stacked encodings itself.
      expect(response.status).toBe(415);
      return;
    }
    expect(response.status).toBe(200);
    expect(events).toEqual([cyrillic]);
  });

  it('a few KiB of gzip that inflate to 8 MiB: 413 with maxBodyBytes 1 MiB, no callback', async () => {
    const { url, events } = await startRecording(name, { maxBodyBytes: MiB });
    const bomb = gzipSync(Buffer.concat([Buffer.from('{"webhook":"on_message_incoming","message":{"message":"'), Buffer.alloc(8 * MiB, 0x61)]));
    expect(bomb.byteLength).toBeLessThan(64 * 1024);
    const response = await post(url, bomb, { 'content-type': jsonType(name), 'content-encoding': 'gzip' });
    // A JSON parser in front reads the body under its own limit and refuses the unfinished JSON
    // itself; maxBodyBytes cannot see the size of a body that arrives parsed.
    expect(response.status).toBe(name.endsWith('json()') ? 400 : 413);
    if (readsItself) expect(await response.json()).toMatchObject({ error: 'payload_too_large' });
    expect(events).toEqual([]);
  });

  it('an encoding nobody can undo: 415 naming it; a body that does not decompress: 400', async () => {
    const { url, events } = await startRecording(name);
    const unsupported = await post(url, JSON.stringify(cyrillic), { 'content-type': jsonType(name), 'content-encoding': 'compress' });
    expect(unsupported.status).toBe(415);
    if (readsItself) {
      expect(await unsupported.json()).toEqual({
        error: 'unsupported_content_encoding',
        message: 'Content-Encoding "compress" is not supported',
      });
    }
    const corrupt = await post(url, Buffer.from('not gzip at all'), { 'content-type': jsonType(name), 'content-encoding': 'gzip' });
    expect(corrupt.status).toBe(400);
    if (readsItself) expect(await corrupt.json()).toMatchObject({ error: 'invalid_content_encoding' });
    expect(events).toEqual([]);
  });

  it.each(['windows-1251', 'cp1251', 'koi8-r', 'iso-8859-5'])('charset=%s: Cyrillic arrives intact', async (charset) => {
    const { url, events } = await startRecording(name);
    const response = await post(url, encodeSingleByte(charset, JSON.stringify(cyrillic)), {
      'content-type': jsonType(name, `; charset=${charset}`),
    });
    // body-parser's JSON parser accepts only UTF charsets and refuses the rest itself.
    if (name.endsWith('json()')) {
      expect(response.status).toBe(415);
      return;
    }
    expect(response.status).toBe(200);
    expect(events).toEqual([cyrillic]);
  });

  it('charset=iso-8859-1 (a WHATWG label for windows-1252) and a quoted utf-8 label', async () => {
    const { url, events } = await startRecording(name);
    const latin = createWebhook('on_message_incoming', { message: { message: 'Café crème, naïve façade' } });
    const response = await post(url, encodeSingleByte('iso-8859-1', JSON.stringify(latin)), {
      'content-type': jsonType(name, '; charset=ISO-8859-1'),
    });
    const quoted = await post(url, Buffer.from(JSON.stringify(cyrillic)), { 'content-type': jsonType(name, '; charset="UTF-8"') });
    expect(quoted.status).toBe(200);
    if (name.endsWith('json()')) {
      expect(response.status).toBe(415);
      expect(events).toEqual([cyrillic]);
      return;
    }
    expect(response.status).toBe(200);
    expect(events).toEqual([latin, cyrillic]);
  });

  it('an unknown charset label: 415 unsupported_charset, no callback', async () => {
    const { url, events } = await startRecording(name);
    const response = await post(url, JSON.stringify(cyrillic), { 'content-type': jsonType(name, '; charset=x-no-such-charset') });
    expect(response.status).toBe(415);
    if (readsItself || name.endsWith('raw()')) {
      expect(await response.json()).toEqual({ error: 'unsupported_charset', message: 'charset "x-no-such-charset" is not supported' });
    }
    expect(events).toEqual([]);
  });

  it('a gzip body in windows-1251: both undone', async () => {
    const { url, events } = await startRecording(name);
    const response = await post(url, gzipSync(encodeSingleByte('windows-1251', JSON.stringify(cyrillic))), {
      'content-type': jsonType(name, '; charset=windows-1251'),
      'content-encoding': 'gzip',
    });
    expect(response.status).toBe(name.endsWith('json()') ? 415 : 200);
    if (response.status === 200) expect(events).toEqual([cyrillic]);
  });

  it('JSON labelled application/x-www-form-urlencoded (PHP curl without a content type)', async () => {
    const failures: unknown[] = [];
    const events: BlingerWebhook[] = [];
    endpoint = await start(name, (event: BlingerWebhook) => void events.push(event), { onError: (error) => void failures.push(error) });
    const response = await post(endpoint.url, JSON.stringify(cyrillic), { 'content-type': 'application/x-www-form-urlencoded' });
    if (name.endsWith('urlencoded()')) {
      // The app-wide form parser turned the JSON into a form object first: the answer names that
      // cause (a 500: the receiver's setup, not the sender, is at fault, and a retry may succeed).
      expect(response.status).toBe(500);
      const body = (await response.json()) as { error: string; message: string };
      expect(body.error).toBe('body_already_read');
      expect(body.message).toMatch(/express\.urlencoded\(\)/);
      expect(failures).toHaveLength(1);
      expect(events).toEqual([]);
      return;
    }
    expect(response.status).toBe(200);
    expect(events).toEqual([cyrillic]);
  });
});
