/**
 * Reading a request body with a size limit and a time limit, whatever the runtime.
 *
 * @module
 */

/** A request body in whichever state the framework left it. */
export type WebhookBody =
  /** A body parser already parsed the JSON (`express.json()`); the raw bytes are gone. */
  | { readonly kind: 'parsed'; readonly value: unknown }
  /** A body parser already buffered the raw body (`express.raw()`, `express.text()`). */
  | { readonly kind: 'buffered'; readonly data: Uint8Array | string }
  /** The body is still unread. */
  | { readonly kind: 'stream'; readonly chunks: AsyncIterable<Uint8Array> };

/** The outcome of reading a streamed body. */
export type BodyReadResult =
  | { readonly ok: true; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly reason: 'too_large' | 'timeout' | 'aborted' };

const concat = (chunks: Uint8Array[], total: number): Uint8Array => {
  if (chunks.length === 1) return chunks[0]!;
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
};

const TIMED_OUT = Symbol('timed out');

/**
 * Reads `chunks` until the end, `maxBytes` or `timeoutMs`, whichever comes first.
 *
 * On a limit it stops pulling without calling the iterator's `return()`: for a Node request that
 * would destroy the socket before the 413 or 408 could be written. The adapter closes the
 * connection once the response is out.
 */
export const readBody = async (
  chunks: AsyncIterable<Uint8Array>,
  maxBytes: number,
  timeoutMs: number,
): Promise<BodyReadResult> => {
  const iterator = chunks[Symbol.asyncIterator]();
  const received: Uint8Array[] = [];
  let total = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), timeoutMs);
  });
  try {
    for (;;) {
      const next = await Promise.race([iterator.next(), deadline]);
      if (next === TIMED_OUT) return { ok: false, reason: 'timeout' };
      if (next.done) return { ok: true, bytes: concat(received, total) };
      total += next.value.byteLength;
      if (total > maxBytes) return { ok: false, reason: 'too_large' };
      received.push(next.value);
    }
  } catch {
    return { ok: false, reason: 'aborted' };
  } finally {
    clearTimeout(timer);
  }
};

const utf8 = new TextEncoder();

/** Size in bytes of a body a parser already buffered. */
export const bufferedSize = (data: Uint8Array | string): number =>
  typeof data === 'string' ? utf8.encode(data).byteLength : data.byteLength;

/** The bytes of a body a parser already buffered, for `context.rawBody`. */
export const bufferedBytes = (data: Uint8Array | string): Uint8Array =>
  typeof data === 'string' ? utf8.encode(data) : data;
