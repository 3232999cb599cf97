/**
 * `toNodeHandler`: the webhook endpoint as a `node:http` request listener.
 *
 * @module
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BodyStream, WebhookBody } from './body.js';
import {
  handleWebhookRequest,
  INTERNAL_ERROR,
  type WebhookHandlerOptions,
  type WebhookRequest,
  type WebhookResponse,
} from './core.js';
import type { WebhookHandler } from './handler.js';

const declaredLength = (req: IncomingMessage): number | null => {
  const header = req.headers['content-length'];
  const length = header === undefined ? Number.NaN : Number(header);
  return Number.isSafeInteger(length) ? length : null;
};

/**
 * A Node request's unread body, on plain `data`/`end` events: Node's async iterator over a request
 * adds event-loop turns to every delivery, and its `return()` destroys the socket before a 413
 * could be written. Stopping here only removes the listeners.
 */
export const bodyStreamOf = (req: IncomingMessage): BodyStream => ({
  listen: (sink) => {
    let ended = false;
    const onEnd = (): void => {
      ended = true;
      sink.end();
    };
    // 'close' before 'end' is a client that went away mid-body.
    const onClose = (): void => {
      if (!ended) sink.fail();
    };
    const onData = (chunk: Uint8Array): void => sink.chunk(chunk);
    req.on('data', onData).once('end', onEnd).once('error', onClose).once('close', onClose);
    return () => {
      req.off('data', onData).off('end', onEnd).off('error', onClose).off('close', onClose);
    };
  },
});

/** Translates a Node request, with its body in whichever state it is, for the core. */
export const toWebhookRequest = <Request extends IncomingMessage>(
  req: Request,
  body: WebhookBody,
  url: string = req.url ?? '/',
): WebhookRequest<Request> => ({
  method: req.method ?? 'GET',
  url,
  contentLength: declaredLength(req),
  body,
  original: req,
});

/** How long to keep discarding an unread body after a 413 or 408 before cutting the connection. */
const LINGER_MS = 2000;

/**
 * Sends the answer but ends the response only once the client stops sending, as nginx's
 * lingering close does: closing a socket with unread data resets the connection, and the client
 * would lose the 413 or 408 it was sent. The rest of the body is discarded, never buffered; a
 * client that keeps sending is cut off after {@link LINGER_MS}.
 */
const answerThenLinger = (req: IncomingMessage, res: ServerResponse, body: string): void => {
  const end = (): void => {
    clearTimeout(timer);
    if (!res.writableEnded) res.end();
  };
  const timer = setTimeout(() => {
    end();
    req.socket?.destroy();
  }, LINGER_MS);
  timer.unref();
  req.once('end', end).once('close', end).once('error', end);
  req.resume();
  res.write(body);
};

/** Writes the core's answer; closes the connection when the body was left unread. */
export const writeResponse = (req: IncomingMessage, res: ServerResponse, response: WebhookResponse): void => {
  if (res.headersSent || res.writableEnded || res.destroyed) return;
  res.writeHead(response.status, response.headers);
  if (response.closeConnection) answerThenLinger(req, res, response.body);
  else res.end(response.body);
};

/** Runs the core on a Node request and writes its answer, whatever happens. */
export const respond = <Request extends IncomingMessage>(
  request: WebhookRequest<Request>,
  res: ServerResponse,
  handler: WebhookHandler<Request>,
  options: WebhookHandlerOptions<Request>,
): void => {
  handleWebhookRequest(request, handler, options)
    .then(
      (response) => writeResponse(request.original, res, response),
      () => writeResponse(request.original, res, INTERNAL_ERROR),
    )
    // Only a broken socket gets here; there is no one left to answer.
    .catch(() => res.destroy());
};

/**
 * Wraps a webhook callback as a `node:http` request listener, for plain Node servers and anything
 * that exposes Node's request and response (Koa's `ctx.req`/`ctx.res`, Fastify's `request.raw`/`reply.raw`).
 * It reads the body itself, with the size and time limits.
 *
 * @example
 * import { createServer } from 'node:http';
 * import { toNodeHandler } from 'blinger-webhooks';
 *
 * createServer(
 *   toNodeHandler(
 *     { on_message_incoming: (event) => console.log(event.message.message) },
 *     { path: '/blinger', secretToken: process.env.BLINGER_TOKEN },
 *   ),
 * ).listen(3000);
 */
export const toNodeHandler = <Request extends IncomingMessage = IncomingMessage>(
  handler: WebhookHandler<Request>,
  options: WebhookHandlerOptions<Request> = {},
): ((req: Request, res: ServerResponse) => void) => {
  return (req, res) => respond(toWebhookRequest(req, { kind: 'stream', stream: bodyStreamOf(req) }), res, handler, options);
};
