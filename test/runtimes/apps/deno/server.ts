// Deno: `Deno.serve` with the fetch adapter. Run: `deno run --allow-net --allow-env=PORT server.ts`.
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

Deno.serve(
  {
    hostname: '127.0.0.1',
    port: Number(Deno.env.get('PORT') ?? 8000),
    onListen: ({ hostname, port }) => console.log(`Listening on http://${hostname}:${port}/`),
  },
  (request) => (new URL(request.url).pathname === '/events' ? Response.json(received) : blinger(request)),
);
