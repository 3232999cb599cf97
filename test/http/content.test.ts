// Decoding on its own: both decompressors (Node's zlib and the Web DecompressionStream that
// Workers, Deno and browsers use), bombs with bounded memory, charset labels.
import { gzipSync, deflateRawSync, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { charsetOf, decodeCharset, decompressWithStream, undoContentEncoding } from '../../src/http/content.js';

const MiB = 1024 * 1024;
const json = '{"webhook":"on_user_new","note":"Привет"}';

// gzip members may be concatenated: 256 copies of 1 MiB of zeros inflate to 256 MiB from ~260 KiB.
const bomb = (): Buffer => {
  const member = gzipSync(Buffer.alloc(MiB));
  return Buffer.concat(Array.from({ length: 256 }, () => member));
};

const heapAndBuffers = (): number => {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
};

describe('undoContentEncoding', () => {
  it('undoes gzip, zlib deflate, raw deflate; identity and no header leave the bytes', async () => {
    for (const [encoding, bytes] of [
      ['gzip', gzipSync(json)],
      ['deflate', deflateSync(json)],
      ['deflate', deflateRawSync(json)],
      ['identity', Buffer.from(json)],
    ] as const) {
      const decoded = await undoContentEncoding(bytes, encoding, MiB);
      expect(decoded.kind).toBe('decoded');
      if (decoded.kind === 'decoded') expect(Buffer.from(decoded.bytes).toString()).toBe(json);
    }
    const untouched = new Uint8Array([1, 2, 3]);
    expect(await undoContentEncoding(untouched, null, MiB)).toEqual({ kind: 'decoded', bytes: untouched });
  });

  it('stops a 256 MiB bomb at the limit without holding more than a few MiB', async () => {
    const input = bomb();
    const before = heapAndBuffers();
    const decoded = await undoContentEncoding(input, 'gzip', MiB);
    expect(decoded).toMatchObject({ kind: 'refused', rejection: { status: 413, error: 'payload_too_large' } });
    expect(heapAndBuffers() - before).toBeLessThan(64 * MiB);
  });

  it('refuses an unknown coding before any work, naming it only when it is a plain token', async () => {
    expect(await undoContentEncoding(gzipSync(json), 'gzip, compress', MiB)).toMatchObject({
      kind: 'refused',
      rejection: { status: 415, error: 'unsupported_content_encoding', message: 'Content-Encoding "compress" is not supported' },
    });
    expect(await undoContentEncoding(Buffer.from(json), '<script>', MiB)).toMatchObject({
      rejection: { status: 415, message: 'The Content-Encoding is not supported' },
    });
    expect(await undoContentEncoding(Buffer.from(json), '__proto__', MiB)).toMatchObject({ rejection: { status: 415 } });
  });
});

describe('decompressWithStream (the Web DecompressionStream path)', () => {
  it('undoes gzip and both deflate forms', async () => {
    for (const [coding, bytes] of [
      ['gzip', gzipSync(json)],
      ['deflate', deflateSync(json)],
      ['deflate', deflateRawSync(json)],
    ] as const) {
      const decoded = await decompressWithStream(coding, bytes, MiB);
      expect(decoded.kind).toBe('decoded');
      if (decoded.kind === 'decoded') expect(Buffer.from(decoded.bytes).toString()).toBe(json);
    }
  });

  it('stops a bomb at the limit with bounded memory, and calls corrupt data corrupt', async () => {
    const input = bomb();
    const before = heapAndBuffers();
    expect(await decompressWithStream('gzip', input, MiB)).toMatchObject({ kind: 'refused', rejection: { status: 413 } });
    expect(heapAndBuffers() - before).toBeLessThan(64 * MiB);
    expect(await decompressWithStream('gzip', Buffer.from('not gzip'), MiB)).toMatchObject({
      kind: 'refused',
      rejection: { status: 400, error: 'invalid_content_encoding' },
    });
  });

  it('refuses br with 415 where the runtime has no brotli DecompressionStream', async () => {
    let hasBrotli = true;
    try {
      new DecompressionStream('brotli' as CompressionFormat);
    } catch {
      hasBrotli = false;
    }
    const decoded = await decompressWithStream('br', Buffer.from('x'), MiB);
    expect(decoded.kind === 'refused' && decoded.rejection.status).toBe(hasBrotli ? 400 : 415);
  });
});

describe('charsets', () => {
  it('reads the charset parameter however it is written', () => {
    expect(charsetOf(null)).toBeNull();
    expect(charsetOf('application/json')).toBeNull();
    expect(charsetOf('application/json; charset=Windows-1251')).toBe('windows-1251');
    expect(charsetOf('application/json;charset="koi8-r"; foo=bar')).toBe('koi8-r');
    // Without an `=` there is no parameter at all; a `charset` with no value names no charset.
    expect(charsetOf('application/json; charset')).toBeNull();
    expect(charsetOf('Application/JSON;CHARSET=KOI8-R')).toBe('koi8-r');
  });

  it('leaves UTF-8 to the parser, decodes other labels, refuses unknown ones, reports bad bytes', () => {
    const bytes = new Uint8Array([0x7b, 0x7d]);
    expect(decodeCharset(bytes, 'application/json')).toEqual({ kind: 'input', input: bytes });
    expect(decodeCharset(bytes, 'application/json; charset=unicode-1-1-utf-8')).toEqual({ kind: 'input', input: bytes });
    expect(decodeCharset(new Uint8Array([0xcf, 0xf0]), 'text/plain; charset=cp1251')).toEqual({ kind: 'input', input: 'Пр' });
    expect(decodeCharset(bytes, 'application/json; charset=klingon')).toMatchObject({
      kind: 'refused',
      rejection: { status: 415, error: 'unsupported_charset' },
    });
    // UTF-16 of an odd length cannot be valid.
    expect(decodeCharset(new Uint8Array([0x7b, 0x00, 0x7d]), 'application/json; charset=utf-16le')).toEqual({
      kind: 'invalid',
      error: { kind: 'invalid_json', reason: 'encoding', message: 'Webhook body is not valid utf-16le' },
    });
  });
});
