/**
 * `toExpressHandler`: the webhook endpoint as an express (4 or 5) route handler.
 *
 * @module
 */
import type { WebhookBody } from './body.js';
import { checkListener, type WebhookListener } from './listener.js';
import {
  CONSUMED_NODE_BODY,
  nodeWebhookRequest,
  respondOnNode,
  unreadNodeBody,
  type NodeRequestLike,
  type NodeResponseLike,
} from './node-io.js';
import { settingsFrom, type WebhookHandlerOptions } from './options.js';

/**
 * The parts of an express `Request` the adapter reads. express's own `Request` satisfies it;
 * express is not a dependency of this package.
 *
 * @category Adapters
 * @since 0.1.0
 */
export interface ExpressRequestLike extends NodeRequestLike {
  /** Set by a body parser: parsed JSON, a `Buffer` (`express.raw()`) or a string (`express.text()`). */
  readonly body?: unknown;
  /** The URL before express's mount-path rewriting, with the query string. */
  readonly originalUrl?: string | undefined;
}

// body-parser marks a body it has read with `_body` (express 4) or leaves the stream ended (express 5).
// A parser that skipped the request (another content type) leaves the stream unread.
const bodyState = (req: ExpressRequestLike): WebhookBody => {
  // An unread stream first, in one property read (unreadNodeBody): express gives each request a
  // shape of its own (`Object.setPrototypeOf` per request), so every property read on it misses
  // V8's inline caches, 0.4 to 0.9 µs each outside a server and about 1.5 µs in a CPU profile of one
  // under load (bench/README.md), and `_body` and `body`, when absent, walk the whole prototype
  // chain. body-parser reads the stream to its end before handing on a body it parsed.
  const unread = unreadNodeBody(req);
  if (unread !== null) return unread;
  const parsedByBodyParser = (req as { _body?: unknown })._body === true;
  const { body } = req;
  // The stream has been read: by a parser that left what it parsed, or by something that kept nothing.
  if (!parsedByBodyParser && (body === undefined || !req.readableEnded)) return CONSUMED_NODE_BODY;
  // body-parser 1 leaves `undefined` for a body it read as empty: an empty delivery.
  if (body === undefined) return { kind: 'buffered', data: new Uint8Array() };
  if (typeof body === 'string' || body instanceof Uint8Array) return { kind: 'buffered', data: body };
  return { kind: 'parsed', value: body };
};

/**
 * Wraps a webhook listener as an express route handler. Works whether or not a body parser ran
 * before it (`express.json()`, `express.raw()`, `express.text()`, or none). Mind `express.json()`'s
 * default 100 kB limit: a long closed conversation is larger, so either mount this handler before
 * any JSON parser or raise the parser's `limit`.
 *
 * @throws TypeError when an option has a value it cannot take, naming the option.
 * @category Adapters
 * @example
 * ```ts
 * import express from 'express';
 * import { toExpressHandler } from 'blinger-webhooks';
 *
 * const app = express();
 * app.post(
 *   '/blinger',
 *   toExpressHandler(
 *     { on_message_incoming: async (event) => console.log(event.message.message) },
 *     { secretToken: process.env.BLINGER_TOKEN },
 *   ),
 * );
 * ```
 * @since 0.1.0
 */
export const toExpressHandler = <FrameworkRequest extends ExpressRequestLike = ExpressRequestLike>(
  listener: WebhookListener<FrameworkRequest>,
  options: WebhookHandlerOptions<FrameworkRequest> = {},
): ((req: FrameworkRequest, res: NodeResponseLike, next?: (error?: unknown) => void) => void) => {
  checkListener(listener);
  const settings = settingsFrom(options);
  return (req, res) =>
    respondOnNode(nodeWebhookRequest(req, bodyState(req), req.originalUrl ?? req.url ?? '/', req), res, listener, settings);
};
