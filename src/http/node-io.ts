/**
 * Node plumbing shared by the `node:http` and express adapters: reading a Node request's body,
 * translating the request for the core, writing the answer. Typed structurally, so that the
 * package's types need neither `node:http` nor `@types/node`.
 *
 * @module
 */
import { INTERNAL_ERROR, type WebhookResponse } from './answers.js';
import { type BodySink, declaredLength, type BodyStream, type WebhookBody } from './body.js';
import { handleWebhookRequest, type WebhookRequest } from './core.js';
import type { WebhookListener } from './listener.js';
import type { EndpointSettings } from './options.js';

/**
 * The parts of a Node `IncomingMessage` the adapters read. Node's own `IncomingMessage` (and
 * Koa's `ctx.req`, Fastify's `request.raw`, express's `Request`) satisfies it.
 *
 * @category Adapters
 * @since 0.2.0
 */
export interface NodeRequestLike {
  /** The request method (`POST`). */
  readonly method?: string | undefined;
  /** The request target as sent: the path and query string. */
  readonly url?: string | undefined;
  /** The request headers, names in lower case. */
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** The body stream has ended (someone read it all). */
  readonly readableEnded: boolean;
  /** Data has been read from the body stream. */
  readonly readableDidRead?: boolean | undefined;
  /** The connection, closed by the adapter after a refusal whose body the client keeps sending. */
  readonly socket?: NodeSocketLike | null | undefined;
  /** Receives the body's chunks. */
  on(event: 'data', listener: (chunk: Uint8Array) => void): unknown;
  /** Learns that the body ended, or the request closed or failed. */
  on(event: 'end' | 'close' | 'error', listener: () => void): unknown;
  /** Learns once that the body ended, or the request closed or failed. */
  once(event: 'end' | 'close' | 'error', listener: () => void): unknown;
  /** Stops receiving the body's chunks. */
  off(event: 'data', listener: (chunk: Uint8Array) => void): unknown;
  /** Stops listening for the end of the body. */
  off(event: 'end' | 'close' | 'error', listener: () => void): unknown;
  /** Discards the rest of a refused body. */
  resume(): unknown;
}

/**
 * The parts of a Node `Socket` the adapters use, while discarding the rest of a refused body.
 *
 * @category Adapters
 * @since 0.2.0
 */
export interface NodeSocketLike {
  /** Closes the connection. */
  destroy(): void;
  /** Learns, before Node's HTTP parser does, that the client has finished sending. */
  prependOnceListener(event: 'end', listener: () => void): unknown;
  /** Stops listening for the client's end. */
  off(event: 'end', listener: () => void): unknown;
}

/**
 * The parts of a Node `ServerResponse` the adapters write. Node's own `ServerResponse` satisfies it.
 *
 * @category Adapters
 * @since 0.2.0
 */
export interface NodeResponseLike {
  /** Someone else already answered: the adapter then writes nothing. */
  readonly headersSent: boolean;
  /** The response has been ended. */
  readonly writableEnded: boolean;
  /** Writes the status and headers. */
  writeHead(status: number, headers: Readonly<Record<string, string>>): unknown;
  /** Writes (part of) the body. */
  write(chunk: string): unknown;
  /** Ends the response, with the last of the body. */
  end(chunk?: string): unknown;
  /** Drops a connection that can no longer be answered. */
  destroy(): unknown;
}

type NodeHeaders = NodeRequestLike['headers'];

const header = (headers: NodeHeaders, name: string): string | null => {
  const value = headers[name];
  return typeof value === 'string' ? value : null;
};

/**
 * A Node request's unread body, on plain `data`/`end` events: Node's async iterator over a request
 * adds event-loop turns to every delivery, and its `return()` destroys the socket before a 413
 * could be written. Stopping here only removes the chunk listener. A class, so that a delivery
 * allocates one object for it rather than an object and the closures of a literal.
 */
class NodeBodyStream implements BodyStream {
  readonly kind = 'stream';
  private ended = false;
  private onData: ((chunk: Uint8Array) => void) | undefined = undefined;

  constructor(private readonly req: NodeRequestLike) {}

  listen(sink: BodySink): void {
    const { req } = this;
    const onEnd = (): void => {
      this.ended = true;
      sink.end();
    };
    // 'close' before 'end' is a client that went away mid-body.
    const onClose = (): void => {
      if (!this.ended) sink.fail();
    };
    const onData = (chunk: Uint8Array): void => sink.chunk(chunk);
    this.onData = onData;
    // `on`, not `once`: the sink stops listening at its first end or failure anyway, and `once`
    // wraps each listener anew on every request. And `on` read once: on express's request every
    // property read misses V8's inline caches (see express.ts), and these four reads showed in the
    // adapter's instruction count (callgrind).
    const on = req.on as (this: NodeRequestLike, event: 'data' | 'end' | 'error' | 'close', listener: (chunk: Uint8Array) => void) => unknown;
    on.call(req, 'data', onData);
    on.call(req, 'end', onEnd);
    on.call(req, 'error', onClose);
    on.call(req, 'close', onClose);
  }

  // Only the chunks need stopping: the sink ignores an end or failure after its first, and the
  // 'error' listener left in place keeps a late error from becoming an uncaught exception.
  stop(): void {
    if (!this.ended && this.onData !== undefined) this.req.off('data', this.onData);
  }
}

const CONSUMED =
  'The request body was already read by something in front of the webhook handler (a body parser or middleware ' +
  'that did not keep it): mount the handler before it';

/** The fields of Node's `ReadableState` behind the `readableEnded` and `readableDidRead` getters. */
interface NodeReadableState {
  readonly endEmitted?: unknown;
  readonly dataEmitted?: unknown;
}

/**
 * Whether something has read from a Node request's body, or read it to its end. On Node's own
 * streams this reads the state behind the two public getters in one property read instead of
 * four: each getter is a read on the request, then another inside it, and on express's request
 * every read misses V8's inline caches (see express.ts). Other streams answer through the public
 * getters.
 */
const bodyWasRead = (req: NodeRequestLike): boolean => {
  const state = (req as { readonly _readableState?: NodeReadableState | null })._readableState;
  if (typeof state === 'object' && state !== null && typeof state.endEmitted === 'boolean' && typeof state.dataEmitted === 'boolean') {
    return state.endEmitted || state.dataEmitted;
  }
  return req.readableEnded || req.readableDidRead === true;
};

/**
 * Whether nothing has started on a Node request's body: no listener, no pipe, no read. Stricter
 * than an unread body (a `data` listener that has had nothing yet counts), and `false` for
 * anything that does not say so in Node's terms.
 */
export const nodeBodyUntouched = (req: {
  readonly readableFlowing?: unknown;
  readonly readableDidRead?: unknown;
  readonly readableEnded?: unknown;
}): boolean => req.readableFlowing === null && req.readableDidRead === false && req.readableEnded === false;

/** A Node request's body when nothing has read from it yet, otherwise `null`. */
export const unreadNodeBody = (req: NodeRequestLike): WebhookBody | null =>
  bodyWasRead(req) ? null : new NodeBodyStream(req);

/** A Node request's body that something in front of the adapter read and did not keep. */
export const CONSUMED_NODE_BODY: WebhookBody = { kind: 'already_read', cause: CONSUMED };

/** A Node request's body as the core needs it: unread, or already consumed by someone else. */
export const nodeBody = (req: NodeRequestLike): WebhookBody => unreadNodeBody(req) ?? CONSUMED_NODE_BODY;

/**
 * Translates a Node request, with its body in whichever state it is, for the core. `original` is
 * what callbacks receive as `context.request`: the Node request itself, or the framework's request
 * in front of it (a fetch `Request` whose Node request the fetch adapter was handed).
 */
export const nodeWebhookRequest = <FrameworkRequest>(
  req: NodeRequestLike,
  body: WebhookBody,
  url: string,
  original: FrameworkRequest,
): WebhookRequest<FrameworkRequest> => {
  // Read once: on express's request every property read is an inline-cache miss (see express.ts).
  const { headers } = req;
  return {
    method: req.method ?? 'GET',
    url,
    contentLength: declaredLength(header(headers, 'content-length')),
    contentType: header(headers, 'content-type'),
    contentEncoding: header(headers, 'content-encoding'),
    body,
    original,
  };
};

/** How long to keep discarding an unread body after a 413 or 408 before cutting the connection. */
const LINGER_MS = 2000;

/**
 * Sends the answer but ends the response only once the client stops sending, as nginx's
 * lingering close does: closing a socket with unread data resets the connection, and the client
 * would lose the 413 or 408 it was sent. The rest of the body is discarded, never buffered; a
 * client that keeps sending is cut off after {@link LINGER_MS}.
 *
 * A client that half-closes mid-body (as it should on `Connection: close`) makes Node's HTTP
 * parser fail on the unfinished body and destroy the socket with a "Parse Error", which Koa and
 * others log with its stack: anyone could fill the logs that way. So the socket is closed here
 * first, quietly, as soon as the client's end arrives; by then everything it sent has been read.
 */
const answerThenLinger = (req: NodeRequestLike, res: NodeResponseLike, body: string): void => {
  const { socket } = req;
  const end = (): void => {
    clearTimeout(timer);
    socket?.off('end', closeQuietly);
    if (!res.writableEnded) res.end();
  };
  const closeQuietly = (): void => {
    end();
    socket?.destroy();
  };
  const timer = setTimeout(closeQuietly, LINGER_MS);
  (timer as { unref?: () => void }).unref?.();
  req.once('end', end);
  req.once('close', end);
  req.once('error', end);
  socket?.prependOnceListener('end', closeQuietly);
  req.resume();
  res.write(body);
};

/** Writes the core's answer; closes the connection when the body was left unread. */
const writeNodeResponse = (req: NodeRequestLike, res: NodeResponseLike, response: WebhookResponse): void => {
  // `headersSent` covers an ended response too (`end()` sends the headers). A destroyed response
  // needs no check: Node ignores writes to it (no throw, no 'error', Node 20), and writeOrDrop
  // catches a runtime that throws. Each property read costs on express's response (see NodeBodyStream).
  if (res.headersSent) return;
  res.writeHead(response.status, response.headers);
  if (response.closeConnection) answerThenLinger(req, res, response.body);
  else res.end(response.body);
};

/** Writes an answer; only a broken socket makes that fail, and then there is no one left to answer. */
const writeOrDrop = (req: NodeRequestLike, res: NodeResponseLike, response: WebhookResponse): void => {
  try {
    writeNodeResponse(req, res, response);
  } catch {
    res.destroy();
  }
};

/**
 * Runs the core on a Node request and writes its answer, whatever happens: in the same turn as
 * the body's last byte for most deliveries, as a bare route would.
 */
export const respondOnNode = <FrameworkRequest extends NodeRequestLike>(
  request: WebhookRequest<FrameworkRequest>,
  res: NodeResponseLike,
  listener: WebhookListener<FrameworkRequest>,
  settings: EndpointSettings<FrameworkRequest>,
): void => {
  const req = request.original;
  try {
    handleWebhookRequest(request, listener, settings, (response) => writeOrDrop(req, res, response));
  } catch {
    // Never seen; writes nothing if an answer has already gone out.
    writeOrDrop(req, res, INTERNAL_ERROR);
  }
};
