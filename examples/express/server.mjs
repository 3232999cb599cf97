// A Blinger webhook endpoint in express, with one callback per event.
//
//   BLINGER_TOKEN=s3cret PORT=3000 node examples/express/server.mjs
//   npx blinger-webhooks send http://127.0.0.1:3000/blinger --event on_message_incoming --token s3cret
import express from 'express';
import { toExpressHandler } from 'blinger-webhooks';

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';
const secretToken = process.env.BLINGER_TOKEN;
if (!secretToken) console.warn('BLINGER_TOKEN is not set: the endpoint accepts deliveries from anyone');

const app = express();

// The webhook route comes before any app.use(express.json()): express.json() stops at 100 kB, and a
// closed conversation with its whole history is larger than that (docs/frameworks/express.md).
app.post(
  '/blinger',
  toExpressHandler(
    {
      on_message_incoming: async (event) => {
        const who = event.from_user.title ?? `user ${event.from_user.user_id}`;
        console.log(`on_message_incoming: ${who} wrote in conversation ${event.conversation_id}`);
      },
      on_conversation_assigned: (event) => {
        console.log(`on_conversation_assigned: conversation ${event.conversation.id} -> ${event.conversation.operator.name}`);
      },
      on_conversation_closed: (event) => {
        const reason = event.conversation.close_group?.title ?? 'no reason';
        console.log(`on_conversation_closed: conversation ${event.conversation.id} (${reason}), ${event.conversation.messages.length} message(s)`);
      },
      on_user_new: (event) => {
        console.log(`on_user_new: ${event.user.application} user ${event.user.blinger_user_id}`);
      },
      // Events without a callback are acknowledged with 200 and ignored.
    },
    {
      secretToken,
      onRejected: (rejection) => console.log(`rejected ${rejection.status} ${rejection.error}: ${rejection.message}`),
      onUnknownEvent: (payload) => console.log(`unknown event ${String(payload.webhook)}, acknowledged`),
    },
  ),
);

// The rest of the app: JSON parsing is fine here, after the webhook route.
app.use(express.json());
app.get('/', (_req, res) => res.send('ok'));

const server = app.listen(port, host, () => {
  console.log(`Listening on http://${host}:${server.address().port}/blinger`);
});

const stop = () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
