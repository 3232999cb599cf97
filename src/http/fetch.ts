/**
 * `toFetchHandler`: the webhook endpoint on Web-standard `Request` and `Response`.
 *
 * @module
 */
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
 * The body as chunks, reading only when the core asks, so refused requests leave it untouched.
 * On a limit the core simply stops pulling. The stream is deliberately not cancelled: on Node fetch
 * bridges cancelling destroys the socket before the 413 is out, while the runtime's own clean-up
 * (Hono's node server drains, then closes) lets the client read the answer.
 */
const chunksOf = (stream: ReadableStream<Uint8Array>): AsyncIterable<Uint8Array> => {
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  return {
    [Symbol.asyncIterator]: () => ({
      next: async (): Promise<IteratorResult<Uint8Array>> => {
        reader ??= stream.getReader();
        const { done, value } = await reader.read();
        return done ? { done: true, value: undefined } : { done: false, value };
      },
    }),
  };
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
    const response = await handleWebhookRequest(
      {
        method: request.method,
        url: request.url,
        contentLength: Number.isSafeInteger(declared) ? declared : null,
        body:
          request.body === null
            ? { kind: 'buffered', data: new Uint8Array() }
            : { kind: 'stream', chunks: chunksOf(request.body) },
        original: request,
      },
      handler,
      options,
    );
    if (response.pending !== undefined) platform.find(hasWaitUntil)?.waitUntil(response.pending);
    return new Response(response.body, { status: response.status, headers: response.headers });
  };
};
