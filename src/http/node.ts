/**
 * `toNodeHandler`: the webhook endpoint as a `node:http` request listener.
 *
 * @module
 */
import { checkListener, type WebhookListener } from './listener.js';
import { nodeBody, nodeWebhookRequest, respondOnNode, type NodeRequestLike, type NodeResponseLike } from './node-io.js';
import { settingsFrom, type WebhookHandlerOptions } from './options.js';

/**
 * Wraps a webhook listener as a `node:http` request listener, for plain Node servers and anything
 * that exposes Node's request and response (Koa's `ctx.req`/`ctx.res`, Fastify's `request.raw`/`reply.raw`).
 * It reads the body itself, with the size and time limits.
 *
 * @throws TypeError when an option has a value it cannot take (an empty `secretToken`, a
 *   `maxBodyBytes` that is not a positive number, ...), naming the option.
 * @category Adapters
 * @example
 * ```ts
 * import { createServer } from 'node:http';
 * import { toNodeHandler } from 'blinger-webhooks';
 *
 * createServer(
 *   toNodeHandler(
 *     { on_message_incoming: (event) => console.log(event.message.message) },
 *     { path: '/blinger', secretToken: process.env.BLINGER_TOKEN },
 *   ),
 * ).listen(3000);
 * ```
 * @since 0.1.0
 */
export const toNodeHandler = <FrameworkRequest extends NodeRequestLike = NodeRequestLike>(
  listener: WebhookListener<FrameworkRequest>,
  options: WebhookHandlerOptions<FrameworkRequest> = {},
): ((req: FrameworkRequest, res: NodeResponseLike) => void) => {
  checkListener(listener);
  const settings = settingsFrom(options);
  return (req, res) => respondOnNode(nodeWebhookRequest(req, nodeBody(req), req.url ?? '/', req), res, listener, settings);
};
