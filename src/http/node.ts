/**
 * `toNodeHandler`: the webhook endpoint as a `node:http` request listener.
 *
 * @module
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { WebhookBody } from './body.js';
import { handleWebhookRequest, type WebhookHandlerOptions, type WebhookRequest, type WebhookResponse } from './core.js';
import type { WebhookHandler } from './handler.js';

const INTERNAL_ERROR: WebhookResponse = {
  status: 500,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body: '{"error":"internal_error","message":"The webhook endpoint failed"}',
  closeConnection: false,
};

const declaredLength = (req: IncomingMessage): number | null => {
  const header = req.headers['content-length'];
  const length = header === undefined ? Number.NaN : Number(header);
  return Number.isSafeInteger(length) ? length : null;
};

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

/** Writes the core's answer; closes the connection when the body was left unread. */
export const writeResponse = (req: IncomingMessage, res: ServerResponse, response: WebhookResponse): void => {
  if (res.headersSent || res.writableEnded || res.destroyed) return;
  res.writeHead(response.status, { ...response.headers, 'content-length': Buffer.byteLength(response.body) });
  res.end(response.body);
  // With `Connection: close` Node ends the socket after the answer; destroying the request also
  // stops a client that keeps streaming an oversized or slow body.
  if (response.closeConnection) res.once('finish', () => req.destroy());
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
  return (req, res) => respond(toWebhookRequest(req, { kind: 'stream', chunks: req }), res, handler, options);
};
