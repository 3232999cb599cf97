// A Blinger webhook endpoint on plain node:http, no framework.
//
//   BLINGER_TOKEN=s3cret PORT=3000 node examples/node-http/server.mjs
//   npx blinger-webhooks send http://127.0.0.1:3000/blinger --event on_conversation_closed --token s3cret
import { createServer } from 'node:http';
import { matchWebhook, toNodeHandler } from 'blinger-webhooks';

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';
const secretToken = process.env.BLINGER_TOKEN;
if (!secretToken) console.warn('BLINGER_TOKEN is not set: the endpoint accepts deliveries from anyone');

// matchWebhook: a function per event; `otherwise` takes the rest.
const describe = (event) =>
  matchWebhook(event, {
    on_message_incoming: (e) => `message in conversation ${e.conversation_id}`,
    on_conversation_closed: (e) => `conversation ${e.conversation.id} closed with ${e.conversation.messages.length} message(s)`,
    otherwise: (e) => 'conversation' in e ? `conversation ${e.conversation.id}` : 'no conversation',
  });

const blinger = toNodeHandler(
  (event) => {
    console.log(`${event.webhook}: ${describe(event)}`);
  },
  {
    // A bare server sends every request here, so the adapter checks the path.
    path: '/blinger',
    secretToken,
    onRejected: (rejection) => console.log(`rejected ${rejection.status} ${rejection.error}: ${rejection.message}`),
  },
);

const server = createServer(blinger);
server.listen(port, host, () => {
  console.log(`Listening on http://${host}:${server.address().port}/blinger`);
});

const stop = () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
