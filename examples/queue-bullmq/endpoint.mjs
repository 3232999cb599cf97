// @ts-check
// The webhook endpoint: validates each delivery, adds it to the queue and answers. Run as many
// instances as you like behind a load balancer; copies of a delivery become one job.
//
//   REDIS_URL=redis://127.0.0.1:6379 BLINGER_TOKEN=s3cret PORT=3000 node examples/queue-bullmq/endpoint.mjs
import { createServer } from 'node:http';
import { toNodeHandler } from 'blinger-webhooks';
import { enqueue, openQueue } from './queue.mjs';

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';
const secretToken = process.env.BLINGER_TOKEN;
if (!secretToken) console.warn('BLINGER_TOKEN is not set: the endpoint accepts deliveries from anyone');

const queue = await openQueue();

const blinger = toNodeHandler(
  // Answered once the job is in Redis (about a millisecond), not once it is processed: if the add
  // fails, the answer is 500 and Blinger can retry, so no delivery is acknowledged and lost.
  async (event) => {
    await enqueue(queue, event);
  },
  {
    path: '/blinger',
    ...(secretToken ? { secretToken } : {}),
    onError: (error) => console.error('could not queue a delivery:', error),
    onRejected: (rejection) => console.log(`rejected ${rejection.status} ${rejection.error}: ${rejection.message}`),
  },
);

const server = createServer(blinger);
server.listen(port, host, () => {
  const address = server.address();
  const actualPort = typeof address === 'object' && address !== null ? address.port : port;
  console.log(`Listening on http://${host}:${actualPort}/blinger`);
});

process.once('SIGTERM', () => {
  server.close(async () => {
    await queue.close();
    process.exit(0);
  });
});
