// A Blinger webhook endpoint in Hono, served on Node with @hono/node-server. The same `app` runs
// on Bun, Deno and Cloudflare Workers (see docs/frameworks/hono.md).
//
//   BLINGER_TOKEN=s3cret PORT=3000 node examples/hono/server.mjs
//   npx blinger-webhooks send http://127.0.0.1:3000/blinger --event on_comment_incoming --token s3cret
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { toFetchHandler } from 'blinger-webhooks';

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? '127.0.0.1';
const secretToken = process.env.BLINGER_TOKEN;
if (!secretToken) console.warn('BLINGER_TOKEN is not set: the endpoint accepts deliveries from anyone');

// One callback for every event, narrowed with a switch on `webhook`.
const blinger = toFetchHandler(
  async (event) => {
    switch (event.webhook) {
      case 'on_message_incoming':
      case 'on_message_outgoing':
        console.log(`${event.webhook}: ${event.message.type} on ${event.message.application} in conversation ${event.conversation_id}`);
        break;
      case 'on_comment_incoming':
      case 'on_comment_outgoing':
        console.log(`${event.webhook}: comment under ${event.comment.post_url}`);
        break;
      case 'on_conversation_unassigned':
      case 'on_conversation_assigned':
      case 'on_conversation_closed':
        console.log(`${event.webhook}: conversation ${event.conversation.id} is ${event.conversation.status}`);
        break;
      case 'on_user_new':
        console.log(`${event.webhook}: ${event.user.application} user ${event.user.blinger_user_id}`);
        break;
    }
  },
  {
    secretToken,
    onRejected: (rejection) => console.log(`rejected ${rejection.status} ${rejection.error}: ${rejection.message}`),
  },
);

const app = new Hono();
// No body middleware on this route: the adapter reads the raw body itself, with its size limit.
// c.env holds Node's request on @hono/node-server: the adapter reads the body from it, without a copy.
app.post('/blinger', (c) => blinger(c.req.raw, c.env));
app.get('/', (c) => c.text('ok'));

const server = serve({ fetch: app.fetch, port, hostname }, (info) => {
  console.log(`Listening on http://${hostname}:${info.port}/blinger`);
});

const stop = () => {
  server.close(() => process.exit(0));
  server.closeAllConnections?.();
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
