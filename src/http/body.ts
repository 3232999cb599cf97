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
  /**
   * The body is unread, its declared `Content-Length` is within the limit, and the runtime reads
   * a body of declared length whole faster than as a stream (fetch bridges such as Hono's).
   */
  | { readonly kind: 'declared'; readonly read: () => Promise<Uint8Array> }
  /** The body is still unread. */
  | { readonly kind: 'stream'; readonly stream: BodyStream };

/** Where a streamed body's chunks go, in order, until one of `end` or `fail`. */
export interface BodySink {
  chunk(bytes: Uint8Array): void;
  end(): void;
  /** The client went away or the transport failed before the end. */
  fail(): void;
}

/**
 * An unread body, as each adapter exposes its runtime's stream: `listen` starts delivering chunks
 * to the sink and returns a function that stops delivering. Stopping must not close the
 * connection, so that a 413 or 408 can still be written.
 */
export interface BodyStream {
  listen(sink: BodySink): () => void;
}

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

/**
 * Receives `stream` until its end, `maxBytes` or `timeoutMs`, whichever comes first, and stops
 * listening at once on a limit: the rest of an oversized body is never kept.
 */
export const readBody = (stream: BodyStream, maxBytes: number, timeoutMs: number): Promise<BodyReadResult> =>
  new Promise((resolve) => {
    const received: Uint8Array[] = [];
    let total = 0;
    let settled = false;
    let stopListening: (() => void) | undefined;
    const finish = (result: BodyReadResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      stopListening?.();
      resolve(result);
    };
    const timer = setTimeout(() => finish({ ok: false, reason: 'timeout' }), timeoutMs);
    stopListening = stream.listen({
      chunk: (bytes) => {
        if (settled) return;
        total += bytes.byteLength;
        if (total > maxBytes) finish({ ok: false, reason: 'too_large' });
        else received.push(bytes);
      },
      end: () => finish({ ok: true, bytes: concat(received, total) }),
      fail: () => finish({ ok: false, reason: 'aborted' }),
    });
    // The stream may have ended (or failed) while `listen` was still running.
    if (settled) stopListening();
  });

/**
 * Reads a body of declared length whole, within `timeoutMs`. HTTP framing stops the body at its
 * declared length, which the core has already checked; the size is checked again all the same.
 */
export const readDeclaredBody = async (
  read: () => Promise<Uint8Array>,
  maxBytes: number,
  timeoutMs: number,
): Promise<BodyReadResult> => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<BodyReadResult>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, reason: 'timeout' }), timeoutMs);
  });
  const received = read().then(
    (bytes): BodyReadResult => (bytes.byteLength > maxBytes ? { ok: false, reason: 'too_large' } : { ok: true, bytes }),
    (): BodyReadResult => ({ ok: false, reason: 'aborted' }),
  );
  try {
    return await Promise.race([received, timedOut]);
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
