/**
 * Reading a request body with a size limit and a time limit, whatever the runtime.
 *
 * @module
 */
import { startDeadline, TimedRead } from './deadline.js';

/** A request body in whichever state the framework left it. */
export type WebhookBody =
  /** A body parser already parsed it (`express.json()`, `express.urlencoded()`); the raw bytes are gone. */
  | { readonly kind: 'parsed'; readonly value: unknown }
  /**
   * A body parser already buffered the raw body (`express.raw()`: bytes, with any `Content-Encoding`
   * already undone; `express.text()`: text, already decoded from its charset).
   */
  | { readonly kind: 'buffered'; readonly data: Uint8Array | string }
  /**
   * The body is unread, its declared `Content-Length` is within the limit, and the runtime reads
   * a body of declared length whole faster than as a stream (fetch bridges such as Hono's).
   */
  | { readonly kind: 'declared'; readonly read: () => Promise<Uint8Array> }
  /** The body is still unread: a stream to listen to. */
  | BodyStream
  /** Something else read the body and left nothing the endpoint can use; `cause` says what, for `onError`. */
  | { readonly kind: 'already_read'; readonly cause: string };

/** Where a streamed body's chunks go, in order, until one of `end` or `fail`. */
export interface BodySink {
  chunk(bytes: Uint8Array): void;
  end(): void;
  /** The client went away or the transport failed before the end. */
  fail(): void;
}

/**
 * An unread body, as each adapter exposes its runtime's stream: `listen` starts delivering chunks
 * to the sink, `stop` stops delivering chunks (an end or a failure may still be delivered after
 * it; the reader ignores them). Stopping must not close the connection, so that a 413 or 408 can
 * still be written. The adapter's stream is the body itself, not wrapped, and `stop` a method
 * rather than a closure `listen` returns: each object a delivery allocates showed in
 * `npm run bench:http` (bench/README.md, 2026-12-08).
 */
export interface BodyStream {
  readonly kind: 'stream';
  listen(sink: BodySink): void;
  stop(): void;
}

/** A `Content-Length` header's value as a number of bytes, or `null` when absent or not a safe integer. */
export const declaredLength = (value: string | null): number | null => {
  const length = value === null ? Number.NaN : Number(value);
  return Number.isSafeInteger(length) ? length : null;
};

/** The outcome of reading an unread body. */
export type BodyReadResult =
  | { readonly kind: 'received'; readonly bytes: Uint8Array }
  | { readonly kind: 'too_large' }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'aborted' };

const TOO_LARGE = { kind: 'too_large' } as const;
const TIMEOUT = { kind: 'timeout' } as const;
const ABORTED = { kind: 'aborted' } as const;

/** `chunks` as one array of `total` bytes (the chunk itself when there is only one). */
export const concatBytes = (chunks: readonly Uint8Array[], total: number): Uint8Array => {
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
 * One streamed body being received: the sink its stream delivers to, and its own deadline (the
 * shared clock links the read itself). One object per delivery, its handlers methods rather than
 * closures. With the core's closures gone too, what the node:http adapter allocates per delivery
 * beyond a bare route fell from about 1,250 to 100–230 bytes, and it runs as many young-generation
 * collections as the bare route (`node --trace-gc-nvp`, 40,000 deliveries; bench/README.md,
 * 2026-12-08).
 */
class StreamedBody extends TimedRead implements BodySink {
  /** The first chunk, and the rest only when there are more (most bodies are one chunk). */
  private first: Uint8Array | null = null;
  private rest: Uint8Array[] | null = null;
  private total = 0;
  private settled = false;
  /** The stream, once it is listened to. */
  private listening: BodyStream | undefined = undefined;

  constructor(
    private readonly maxBytes: number,
    timeoutMs: number,
    private readonly done: (result: BodyReadResult) => void,
  ) {
    super();
    this.startDeadline(timeoutMs);
  }

  listenTo(stream: BodyStream): void {
    try {
      stream.listen(this);
    } catch (error) {
      this.settled = true;
      this.cancelDeadline();
      throw error;
    }
    this.listening = stream;
    // The stream may have ended (or failed) while `listen` was still running.
    if (this.settled) stream.stop();
  }

  chunk(bytes: Uint8Array): void {
    if (this.settled) return;
    this.total += bytes.byteLength;
    if (this.total > this.maxBytes) this.finish(TOO_LARGE);
    else if (this.first === null) this.first = bytes;
    else (this.rest ??= [this.first]).push(bytes);
  }

  // The end of a body refused earlier (its rest discarded after a 413) is not copied for nothing.
  end(): void {
    if (this.settled) return;
    const bytes = this.rest !== null ? concatBytes(this.rest, this.total) : (this.first ?? new Uint8Array());
    this.finish({ kind: 'received', bytes });
  }

  fail(): void {
    this.finish(ABORTED);
  }

  expire(): void {
    this.finish(TIMEOUT);
  }

  private finish(result: BodyReadResult): void {
    if (this.settled) return;
    this.settled = true;
    this.cancelDeadline();
    this.listening?.stop();
    // A refused body's chunks are let go at once, not kept while the rest is discarded.
    this.first = null;
    this.rest = null;
    this.done(result);
  }
}

/**
 * Receives `stream` until its end, `maxBytes` or `timeoutMs`, whichever comes first, then calls
 * `done` once with the outcome: the rest of an oversized or late body is never kept. `done` runs
 * inside the stream's own event (its end, its last chunk, its failure) or the deadline's tick, so
 * a delivery is answered in the same turn as its last byte, with no promise and no timer of its
 * own ({@link TimedRead}): this runs for every delivery. `done` must not throw.
 */
export const readBody = (stream: BodyStream, maxBytes: number, timeoutMs: number, done: (result: BodyReadResult) => void): void => {
  new StreamedBody(maxBytes, timeoutMs, done).listenTo(stream);
};

/**
 * Reads a body of declared length whole, within `timeoutMs`, then calls `done` once with the
 * outcome. HTTP framing stops the body at its declared length, which the core has already
 * checked; the size is checked again all the same. `done` must not throw.
 */
export const readDeclaredBody = (
  read: () => Promise<Uint8Array>,
  maxBytes: number,
  timeoutMs: number,
  done: (result: BodyReadResult) => void,
): void => {
  let settled = false;
  const finish = (result: BodyReadResult): void => {
    if (settled) return;
    settled = true;
    deadline.cancel();
    done(result);
  };
  const deadline = startDeadline(timeoutMs, { expire: () => finish(TIMEOUT) });
  try {
    read().then(
      (bytes) => finish(bytes.byteLength > maxBytes ? TOO_LARGE : { kind: 'received', bytes }),
      () => finish(ABORTED),
    );
  } catch {
    finish(ABORTED);
  }
};
