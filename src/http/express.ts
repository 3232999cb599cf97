/**
 * `toExpressHandler`: the webhook endpoint as an express (4 or 5) route handler.
 *
 * @module
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { WebhookBody } from './body.js';
import type { WebhookHandlerOptions } from './core.js';
import type { WebhookHandler } from './handler.js';
import { bodyStreamOf, respond, toWebhookRequest } from './node.js';

/**
 * The parts of an express `Request` the adapter reads. express's own `Request` satisfies it;
 * express is not a dependency of this package.
 */
export interface ExpressRequestLike extends IncomingMessage {
  /** Set by a body parser: parsed JSON, a `Buffer` (`express.raw()`) or a string (`express.text()`). */
  body?: unknown;
  /** The URL before express's mount-path rewriting, with the query string. */
  originalUrl?: string;
}

// body-parser marks a body it has read with `_body` (express 4) or leaves the stream ended (express 5).
// A parser that skipped the request (another content type) leaves the stream unread.
const bodyState = (req: ExpressRequestLike): WebhookBody => {
  const consumed = (req as { _body?: unknown })._body === true || req.readableEnded;
  if (!consumed) return { kind: 'stream', stream: bodyStreamOf(req) };
  const { body } = req;
  // body-parser leaves `undefined` for an empty body: that is an empty delivery, not a parsed value.
  if (body === undefined) return { kind: 'buffered', data: new Uint8Array() };
  if (typeof body === 'string' || body instanceof Uint8Array) return { kind: 'buffered', data: body };
  return { kind: 'parsed', value: body };
};

/**
 * Wraps a webhook callback as an express route handler. Works whether or not a body parser ran
 * before it (`express.json()`, `express.raw()`, `express.text()`, or none). Mind `express.json()`'s
 * default 100 kB limit: a long closed conversation is larger, so either mount this handler before
 * any JSON parser or raise the parser's `limit`.
 *
 * @example
 * import express from 'express';
 * import { toExpressHandler } from 'blinger-webhooks';
 *
 * const app = express();
 * app.post(
 *   '/blinger',
 *   toExpressHandler(
 *     { on_message_incoming: async (event) => saveMessage(event.message) },
 *     { secretToken: process.env.BLINGER_TOKEN },
 *   ),
 * );
 */
export const toExpressHandler = <Request extends ExpressRequestLike = ExpressRequestLike>(
  handler: WebhookHandler<Request>,
  options: WebhookHandlerOptions<Request> = {},
): ((req: Request, res: ServerResponse, next?: (error?: unknown) => void) => void) => {
  return (req, res) => respond(toWebhookRequest(req, bodyState(req), req.originalUrl ?? req.url), res, handler, options);
};
