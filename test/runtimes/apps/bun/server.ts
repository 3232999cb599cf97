// Bun: `Bun.serve` with the fetch adapter. Run: `bun run server.ts` (PORT from the environment).
import { toFetchHandler } from 'blinger-webhooks';

const received: string[] = [];

const blinger = toFetchHandler(
  (event) => {
    received.push(event.webhook);
  },
  {
    path: '/blinger',
    onRejected: (rejection) => {
      received.push(`rejected ${rejection.status} ${rejection.error}`);
    },
  },
);

const server = Bun.serve({
  hostname: '127.0.0.1',
  port: Number(process.env.PORT ?? 3000),
  fetch: (request) => (new URL(request.url).pathname === '/events' ? Response.json(received) : blinger(request)),
});

console.log(`Listening on ${server.url}`);
