/**
 * Undoing what a sender did to the JSON on the way: `Content-Encoding` (RFC 9110 §8.4) with the
 * runtime's own zlib or `DecompressionStream`, and a `charset` (RFC 8259 §8.1 says UTF-8, senders
 * say otherwise) with `TextDecoder`, which knows every label of the WHATWG Encoding Standard.
 *
 * @module
 */
import type { InvalidJsonError } from '../errors.js';
import { concatBytes } from './body.js';
import {
  NOT_DECOMPRESSIBLE,
  TOO_LARGE,
  unsupportedCharset,
  unsupportedEncoding,
  type WebhookRejection,
} from './rejection.js';

/** The body with its content codings undone, or the refusal that undoing them ended in. */
export type DecodedContent =
  | { readonly kind: 'decoded'; readonly bytes: Uint8Array }
  | { readonly kind: 'refused'; readonly rejection: WebhookRejection };

type Coding = 'gzip' | 'deflate' | 'br';

const CODINGS: Readonly<Record<string, Coding>> = { gzip: 'gzip', 'x-gzip': 'gzip', deflate: 'deflate', br: 'br' };

/** The parts of `node:zlib` used here: one-shot decompression with a cap on the output. */
interface Zlib {
  gunzip: ZlibDecompress;
  inflate: ZlibDecompress;
  inflateRaw: ZlibDecompress;
  brotliDecompress: ZlibDecompress;
}
type ZlibDecompress = (
  input: Uint8Array,
  options: { readonly maxOutputLength: number },
  callback: (error: Error | null, result: Uint8Array) => void,
) => void;

let zlib: Zlib | null | undefined;

/** Node's zlib where the runtime has one (Node ≥ 20.16, Bun, Deno), found without importing `node:` modules. */
const nodeZlib = (): Zlib | null => {
  if (zlib === undefined) {
    const runtime = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
    try {
      zlib = (runtime?.getBuiltinModule?.('node:zlib') as Zlib | undefined) ?? null;
    } catch {
      zlib = null;
    }
  }
  return zlib;
};

// RFC 9110 says `deflate` is the zlib format (RFC 1950); some senders send raw deflate (RFC 1951).
const hasZlibHeader = (bytes: Uint8Array): boolean =>
  bytes.byteLength >= 2 && (bytes[0]! & 0x0f) === 8 && ((bytes[0]! << 8) | bytes[1]!) % 31 === 0;

// zlib refuses an output cap past its own buffer limit; bodies that large are not webhooks anyway.
const outputCap = (maxBytes: number): number => Math.max(1, Math.min(Math.floor(maxBytes), 2 ** 30));

const decompressWithZlib = (lib: Zlib, coding: Coding, bytes: Uint8Array, maxBytes: number): Promise<DecodedContent> =>
  new Promise((resolve) => {
    const run =
      coding === 'gzip' ? lib.gunzip : coding === 'br' ? lib.brotliDecompress : hasZlibHeader(bytes) ? lib.inflate : lib.inflateRaw;
    try {
      run(bytes, { maxOutputLength: outputCap(maxBytes) }, (error, result) => {
        if (error === null) resolve({ kind: 'decoded', bytes: result });
        else if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') resolve({ kind: 'refused', rejection: TOO_LARGE });
        else resolve({ kind: 'refused', rejection: NOT_DECOMPRESSIBLE });
      });
    } catch {
      resolve({ kind: 'refused', rejection: NOT_DECOMPRESSIBLE });
    }
  });

const WEB_FORMATS: Readonly<Record<Coding, string>> = { gzip: 'gzip', deflate: 'deflate', br: 'brotli' };

const ignore = (): void => undefined;

/**
 * Decompression with the Web `DecompressionStream`, reading its output only up to `maxBytes`:
 * the stream's backpressure keeps it from inflating further than what is read.
 */
export const decompressWithStream = async (coding: Coding, bytes: Uint8Array, maxBytes: number): Promise<DecodedContent> => {
  const format = coding === 'deflate' && !hasZlibHeader(bytes) ? 'deflate-raw' : WEB_FORMATS[coding];
  let stream: DecompressionStream;
  try {
    stream = new DecompressionStream(format as CompressionFormat);
  } catch {
    return { kind: 'refused', rejection: unsupportedEncoding(coding) };
  }
  const writer = stream.writable.getWriter();
  writer.write(bytes as Uint8Array<ArrayBuffer>).catch(ignore);
  writer.close().catch(ignore);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { kind: 'decoded', bytes: concatBytes(chunks, total) };
      total += value.byteLength;
      if (total > maxBytes) {
        reader.cancel().catch(ignore);
        return { kind: 'refused', rejection: TOO_LARGE };
      }
      chunks.push(value);
    }
  } catch {
    return { kind: 'refused', rejection: NOT_DECOMPRESSIBLE };
  }
};

const decompress = (coding: Coding, bytes: Uint8Array, maxBytes: number): Promise<DecodedContent> => {
  const lib = nodeZlib();
  return lib === null ? decompressWithStream(coding, bytes, maxBytes) : decompressWithZlib(lib, coding, bytes, maxBytes);
};

/**
 * Undoes every coding that `contentEncoding` lists, last applied first, with at most `maxBytes`
 * of output at each step. An encoding this package does not know is refused before any work.
 */
export const undoContentEncoding = async (
  bytes: Uint8Array,
  contentEncoding: string | null,
  maxBytes: number,
): Promise<DecodedContent> => {
  if (contentEncoding === null) return { kind: 'decoded', bytes };
  const codings: Coding[] = [];
  for (const part of contentEncoding.split(',')) {
    const name = part.trim().toLowerCase();
    if (name === '' || name === 'identity') continue;
    const coding = CODINGS[name];
    if (coding === undefined || !Object.hasOwn(CODINGS, name)) return { kind: 'refused', rejection: unsupportedEncoding(name) };
    codings.push(coding);
  }
  let current: DecodedContent = { kind: 'decoded', bytes };
  for (const coding of codings.reverse()) {
    if (current.kind !== 'decoded') break;
    current = await decompress(coding, current.bytes, maxBytes);
  }
  return current;
};

const CHARSET_PARAMETER = /charset=/i;

/** The `charset` parameter of a `Content-Type`, lower-cased and unquoted, or `null`. */
export const charsetOf = (contentType: string | null): string | null => {
  // No `=`, no parameter (the usual `application/json`): one character scan instead of a regular
  // expression, which this runs for every delivery.
  if (contentType === null || !contentType.includes('=')) return null;
  // A search that ignores case rather than a lower-cased copy.
  const at = contentType.search(CHARSET_PARAMETER);
  if (at < 0) return null;
  const value = contentType.slice(at + 'charset='.length).split(';')[0]!.trim();
  return value.replace(/^"(.*)"$/, '$1').trim().toLowerCase();
};

/** What `parseWebhook` receives: UTF-8 bytes as they are, other charsets as text. */
export type ParserInput =
  | { readonly kind: 'input'; readonly input: Uint8Array | string }
  | { readonly kind: 'refused'; readonly rejection: WebhookRejection }
  | { readonly kind: 'invalid'; readonly error: InvalidJsonError };

const decoders = new Map<string, TextDecoder | null>();

/** A fatal decoder for `label`, or `null` for a label the Encoding Standard does not know (cached: labels repeat). */
const decoderFor = (label: string): TextDecoder | null => {
  let decoder = decoders.get(label);
  if (decoder === undefined) {
    try {
      decoder = new TextDecoder(label, { fatal: true });
    } catch {
      decoder = null;
    }
    // Bounded: a sender inventing labels must not grow the cache.
    if (decoders.size < 64) decoders.set(label, decoder);
  }
  return decoder;
};

/** No charset, or one of the usual labels for UTF-8: the parser reads such a body as bytes. */
const isBytesCharset = (charset: string | null): charset is null | 'utf-8' | 'utf8' =>
  charset === null || charset === 'utf-8' || charset === 'utf8';

/**
 * Whether a body with this `Content-Type` goes to the parser as bytes: no charset, or the usual
 * labels for UTF-8 (the parser reads UTF-8 and skips a byte order mark).
 */
export const isParsedAsBytes = (contentType: string | null): boolean => isBytesCharset(charsetOf(contentType));

/**
 * The body as parser input, decoded from the `charset` its `Content-Type` names. No charset, or a
 * label for UTF-8, leaves the bytes to the parser ({@link isParsedAsBytes}).
 */
export const decodeCharset = (bytes: Uint8Array, contentType: string | null): ParserInput => {
  const charset = charsetOf(contentType);
  if (isBytesCharset(charset)) return { kind: 'input', input: bytes };
  const decoder = decoderFor(charset);
  if (decoder === null) return { kind: 'refused', rejection: unsupportedCharset(charset) };
  if (decoder.encoding === 'utf-8') return { kind: 'input', input: bytes };
  try {
    return { kind: 'input', input: decoder.decode(bytes) };
  } catch {
    return {
      kind: 'invalid',
      error: { kind: 'invalid_json', reason: 'encoding', message: `Webhook body is not valid ${decoder.encoding}` },
    };
  }
};
