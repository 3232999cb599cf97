/**
 * `toFetchHandler`: the webhook endpoint on Web-standard `Request` and `Response`.
 *
 * @module
 */
import { INTERNAL_ERROR, type WebhookResponse } from './answers.js';
import { type BodySink, declaredLength, type BodyStream, type WebhookBody } from './body.js';
import { handleWebhookRequest, type WebhookRequest } from './core.js';
import { checkListener, type WebhookListener } from './listener.js';
import { nodeBody, nodeBodyUntouched, nodeWebhookRequest, type NodeRequestLike } from './node-io.js';
import { settingsFrom, type WebhookHandlerOptions } from './options.js';
import { isBun, isCloudflareWorkers, isNextNodeServer } from './runtime.js';

/**
 * The part of a platform's execution context that keeps work alive after the response (Cloudflare Workers' `ctx`).
 *
 * @category Adapters
 * @since 0.1.0
 */
export interface WaitUntilContext {
  /** Keeps the runtime alive until `promise` settles. */
  waitUntil(promise: Promise<unknown>): void;
}

const hasWaitUntil = (value: unknown): value is WaitUntilContext =>
  typeof value === 'object' && value !== null && typeof (value as { waitUntil?: unknown }).waitUntil === 'function';

/** The reader of a request's body, once the adapter has taken it (a Web stream has one reader at a time). */
interface BodyReaderSlot {
  reader?: ReadableStreamDefaultReader<Uint8Array>;
}

/**
 * A Web stream as a {@link BodyStream}, read only once the core listens, so refused requests leave
 * it untouched. Stopping ends the reading loop but does not cancel the stream: on Node fetch
 * bridges cancelling destroys the socket before the 413 is out; {@link drainRefusedBody} reads the
 * rest instead.
 */
class WebBodyStream implements BodyStream {
  readonly kind = 'stream';
  private listening = true;

  constructor(
    private readonly body: ReadableStream<Uint8Array>,
    private readonly slot: BodyReaderSlot,
  ) {}

  listen(sink: BodySink): void {
    void this.pump(sink);
  }

  stop(): void {
    this.listening = false;
  }

  private async pump(sink: BodySink): Promise<void> {
    try {
      const reader = this.body.getReader();
      this.slot.reader = reader;
      while (this.listening) {
        const { done, value } = await reader.read();
        if (done) return sink.end();
        sink.chunk(value);
      }
    } catch {
      sink.fail();
    }
  }
}

/** How long to keep discarding the rest of a refused body before answering anyway, in ms (as node-io's lingering close). */
const DRAIN_MS = 2000;
/** How many bytes of a refused body to discard at most before answering anyway: 64 MiB, as @hono/node-server drains. */
const DRAIN_BYTES = 64 * 1024 * 1024;

/**
 * Whether the runtime closes the connection as soon as a response is returned for a request whose
 * body is still arriving: Bun and workerd do, so the client, still sending, sees EPIPE or a reset
 * instead of the 413 (measured on Bun 1.4 and wrangler 4.86: the answer was lost in most sends
 * until the handler read the body to its end). Next.js's Node server (16.4) does too, less often
 * (EPIPE instead of the 413 in about 1 full test run in 4, under load). @hono/node-server drains
 * on its own within its limits, and Deno delivered every 413, so they are left alone: reading
 * there would only let a sender make the endpoint read more.
 */
const runtimeDropsUnreadBodies = (): boolean => isBun() || isCloudflareWorkers() || isNextNodeServer();

/**
 * Reads and discards the rest of a body refused with 413 or 408 before the answer is returned,
 * within {@link DRAIN_MS} and {@link DRAIN_BYTES}, on the runtimes that need it
 * ({@link runtimeDropsUnreadBodies}). Nothing is kept, so memory stays flat.
 */
const drainRefusedBody = async (request: Request, slot: BodyReaderSlot): Promise<void> => {
  if (!runtimeDropsUnreadBodies()) return;
  const reader = slot.reader ?? (request.body === null || request.body.locked ? undefined : request.body.getReader());
  if (reader === undefined) return;
  const deadline = Date.now() + DRAIN_MS;
  let discarded = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeUp = new Promise<'time_up'>((resolve) => {
    timer = setTimeout(() => resolve('time_up'), DRAIN_MS);
  });
  try {
    while (discarded <= DRAIN_BYTES && Date.now() < deadline) {
      const next = await Promise.race([reader.read(), timeUp]);
      if (next === 'time_up' || next.done) return;
      discarded += next.value.byteLength;
    }
  } catch {
    // The client went away while its refused body was being discarded: nothing is left to answer.
  } finally {
    clearTimeout(timer);
  }
};

const CONSUMED =
  'The request body was already read by something in front of the webhook handler (a middleware that called ' +
  'c.req.json(), request.text() or the like): pass the handler a request whose body is unread';

/** Reads the whole body (whose declared length the core has checked). */
const readWhole = (request: Request) => (): Promise<Uint8Array> => request.arrayBuffer().then((buffer) => new Uint8Array(buffer));

/**
 * A body of declared length is read whole (the core has checked the length); others stream.
 * `request.body` is touched only for the latter: on @hono/node-server reading it turns the
 * lightweight request into a full one over a Web stream, which costs more than the delivery.
 */
const bodyOf = (request: Request, contentLength: number | null, slot: BodyReaderSlot): WebhookBody => {
  if (request.bodyUsed) return { kind: 'already_read', cause: CONSUMED };
  if (contentLength !== null) return { kind: 'declared', read: readWhole(request) };
  const { body } = request;
  if (body === null) return { kind: 'buffered', data: new Uint8Array() };
  return body.locked ? { kind: 'already_read', cause: CONSUMED } : new WebBodyStream(body, slot);
};

/** Translates a fetch `Request` for the core; `slot` learns the body's reader once the core takes it. */
const toWebhookRequest = (request: Request, slot: BodyReaderSlot): WebhookRequest<Request> => {
  const { headers } = request;
  const contentLength = declaredLength(headers.get('content-length'));
  return {
    method: request.method,
    url: request.url,
    contentLength,
    contentType: headers.get('content-type'),
    contentEncoding: headers.get('content-encoding'),
    body: bodyOf(request, contentLength, slot),
    original: request,
  };
};

/**
 * The Node request behind `request`, when the caller passed it along: @hono/node-server's
 * `HttpBindings` (`c.env` on Node, `{ incoming, outgoing }`), whose `incoming` has the same method
 * and a body nothing has started to read. Once something has (a middleware that read, cloned or
 * wrapped `c.req.raw`, which reads Node's request through @hono/node-server), the body is read
 * through `request`, as without `c.env`, so that the answer is the same.
 */
const nodeRequestBehind = (request: Request, platform: readonly unknown[]): NodeRequestLike | undefined => {
  for (const value of platform) {
    const incoming = typeof value === 'object' && value !== null ? (value as { incoming?: unknown }).incoming : undefined;
    if (
      typeof incoming === 'object' &&
      incoming !== null &&
      typeof (incoming as { on?: unknown }).on === 'function' &&
      typeof (incoming as { headers?: unknown }).headers === 'object' &&
      (incoming as { method?: unknown }).method === request.method &&
      nodeBodyUntouched(incoming)
    ) {
      return incoming as NodeRequestLike;
    }
  }
  return undefined;
};

/**
 * Translates a fetch `Request` whose Node request is at hand: headers and body are read from the
 * Node request, as the node:http adapter reads them, because `Request#arrayBuffer()` on
 * @hono/node-server copies the body into a fresh `ArrayBuffer` (measured: most of what the fetch
 * adapter cost beyond a bare Hono route; bench/README.md). Callbacks still get the fetch `Request`.
 */
const fromNodeRequest = (request: Request, incoming: NodeRequestLike): WebhookRequest<Request> =>
  nodeWebhookRequest(incoming, request.bodyUsed ? { kind: 'already_read', cause: CONSUMED } : nodeBody(incoming), request.url, request);

const toResponse = (status: number, headers: Readonly<Record<string, string>>, body: string): Response =>
  new Response(body, { status, headers });

const INTERNAL_ERROR_RESPONSE = (): Response => toResponse(INTERNAL_ERROR.status, INTERNAL_ERROR.headers, INTERNAL_ERROR.body);

/** The `Response` for the core's answer, once a refused body has been drained where the runtime needs it. */
const toFetchResponse = (
  response: WebhookResponse,
  request: Request,
  slot: BodyReaderSlot,
  platform: readonly unknown[],
): Response | Promise<Response> => {
  if (response.pending !== undefined) platform.find(hasWaitUntil)?.waitUntil(response.pending);
  const answer = toResponse(response.status, response.headers, response.body);
  return response.closeConnection ? drainRefusedBody(request, slot).then(() => answer, () => answer) : answer;
};

/**
 * Wraps a webhook listener as a fetch handler `(request) => Promise<Response>`, for Hono, Next.js
 * route handlers, Cloudflare Workers, Deno, Bun, and Node behind any fetch bridge. It reads
 * `request.body` as a stream and stops at `maxBodyBytes`.
 *
 * Extra arguments are accepted and searched:
 * - for a `waitUntil` (as in a Worker's `fetch(request, env, ctx)`): work that continues after
 *   the answer is handed to it;
 * - for Node's request behind `request`, as @hono/node-server's `c.env` carries it
 *   (`{ incoming }`): the body is then read from it directly, which spares the copy that
 *   `request.arrayBuffer()` makes there (1.10–1.15× a bare Hono route's CPU per delivery
 *   without it, 0.98–1.03× with it: `npm run bench:http`, bench/README.md). If something has
 *   already started reading that body (a middleware that read, cloned or wrapped the request), it
 *   is read through `request` instead. The answers are the same either way, but for a request that repeats
 *   `Content-Type` (Node keeps the first value, `Headers` joins them).
 *
 * @throws TypeError when an option has a value it cannot take, naming the option.
 * @category Adapters
 * @example
 * ```ts
 * import { Hono } from 'hono';
 * import { toFetchHandler } from 'blinger-webhooks';
 *
 * const app = new Hono();
 * const blinger = toFetchHandler({ on_user_new: (event) => console.log(event.user.id) });
 * // On Node (@hono/node-server), c.env holds Node's request: passing it spares a copy of the body.
 * app.post('/blinger', (c) => blinger(c.req.raw, c.env));
 * ```
 * @since 0.1.0
 */
export const toFetchHandler = (
  listener: WebhookListener<Request>,
  options: WebhookHandlerOptions<Request> = {},
): ((request: Request, ...platform: unknown[]) => Promise<Response>) => {
  checkListener(listener);
  const settings = settingsFrom(options);
  return (request, ...platform) =>
    new Promise<Response>((resolve) => {
      try {
        const slot: BodyReaderSlot = {};
        const incoming = nodeRequestBehind(request, platform);
        const webhookRequest = incoming === undefined ? toWebhookRequest(request, slot) : fromNodeRequest(request, incoming);
        handleWebhookRequest(webhookRequest, listener, settings, (response) => {
          try {
            resolve(toFetchResponse(response, request, slot, platform));
          } catch {
            resolve(INTERNAL_ERROR_RESPONSE());
          }
        });
      } catch {
        resolve(INTERNAL_ERROR_RESPONSE());
      }
    });
};
