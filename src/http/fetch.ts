/**
 * `toFetchHandler`: the webhook endpoint on Web-standard `Request` and `Response`.
 *
 * @module
 */
import type { BodyStream, WebhookBody } from './body.js';
import { handleWebhookRequest, type WebhookHandlerOptions } from './core.js';
import type { WebhookHandler } from './handler.js';

/** The part of a platform's execution context that keeps work alive after the response (Cloudflare Workers' `ctx`). */
export interface WaitUntilContext {
  /** Keeps the runtime alive until `promise` settles. */
  waitUntil(promise: Promise<unknown>): void;
}

const hasWaitUntil = (value: unknown): value is WaitUntilContext =>
  typeof value === 'object' && value !== null && typeof (value as { waitUntil?: unknown }).waitUntil === 'function';

/**
 * A Web stream as a {@link BodyStream}, read only once the core listens, so refused requests leave
 * it untouched. Stopping ends the reading loop but does not cancel the stream: on Node fetch
 * bridges cancelling destroys the socket before the 413 is out, while the runtime's own clean-up
 * (Hono's node server drains, then closes) lets the client read the answer.
 */
const bodyStreamOf = (body: ReadableStream<Uint8Array>): BodyStream => ({
  listen: (sink) => {
    let listening = true;
    const pump = async (): Promise<void> => {
      const reader = body.getReader();
      try {
        while (listening) {
          const { done, value } = await reader.read();
          if (done) return sink.end();
          sink.chunk(value);
        }
      } catch {
        sink.fail();
      }
    };
    void pump();
    return () => {
      listening = false;
    };
  },
});

const readWhole = (request: Request) => async (): Promise<Uint8Array> => new Uint8Array(await request.arrayBuffer());

/**
 * A body of declared length is read whole (the core has checked the length); others stream.
 * `request.body` is touched only for the latter: on @hono/node-server reading it turns the
 * lightweight request into a full one over a Web stream, which costs more than the delivery.
 */
const bodyOf = (request: Request, contentLength: number | null): WebhookBody => {
  if (contentLength !== null) return { kind: 'declared', read: readWhole(request) };
  const { body } = request;
  return body === null ? { kind: 'buffered', data: new Uint8Array() } : { kind: 'stream', stream: bodyStreamOf(body) };
};

/**
 * Wraps a webhook callback as a fetch handler `(request) => Promise<Response>`, for Hono, Next.js
 * route handlers, Cloudflare Workers, Deno, Bun, and Node behind any fetch bridge. It reads
 * `request.body` as a stream and stops at `maxBodyBytes`.
 *
 * Extra arguments are accepted and searched for a `waitUntil` (as in a Worker's
 * `fetch(request, env, ctx)`): work that continues after the answer is handed to it.
 *
 * @example
 * // Hono
 * const blinger = toFetchHandler({ on_user_new: (event) => welcome(event.user) });
 * app.post('/blinger', (c) => blinger(c.req.raw));
 *
 * // Next.js App Router: app/blinger/route.ts
 * export const POST = toFetchHandler(async (event) => { await store(event); });
 */
export const toFetchHandler = (
  handler: WebhookHandler<Request>,
  options: WebhookHandlerOptions<Request> = {},
): ((request: Request, ...platform: unknown[]) => Promise<Response>) => {
  return async (request, ...platform) => {
    const declared = Number(request.headers.get('content-length') ?? Number.NaN);
    const contentLength = Number.isSafeInteger(declared) ? declared : null;
    const response = await handleWebhookRequest(
      {
        method: request.method,
        url: request.url,
        contentLength,
        body: bodyOf(request, contentLength),
        original: request,
      },
      handler,
      options,
    );
    if (response.pending !== undefined) platform.find(hasWaitUntil)?.waitUntil(response.pending);
    return new Response(response.body, { status: response.status, headers: response.headers });
  };
};
