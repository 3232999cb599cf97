// Cloudflare Workers: `fetch(request, env, ctx)` with the fetch adapter, under `wrangler dev`.
import { toFetchHandler } from 'blinger-webhooks';

/** The part of the Worker's `ExecutionContext` this app uses (`wrangler types` generates the full one). */
interface Context {
  waitUntil(promise: Promise<unknown>): void;
}

// One isolate serves every request under `wrangler dev`, so this list outlives a request.
const received: string[] = [];

const onRejected = (rejection: { status: number; error: string }): void => {
  received.push(`rejected ${rejection.status} ${rejection.error}`);
};

const blinger = toFetchHandler(
  (event) => {
    received.push(event.webhook);
  },
  { path: '/blinger', onRejected },
);

/** Answers at once; the callback goes on under `ctx.waitUntil` and finishes after the answer. */
const blingerLater = toFetchHandler(
  async (event) => {
    received.push(`started ${event.webhook}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    received.push(`finished ${event.webhook}`);
  },
  { path: '/blinger-later', acknowledge: 'immediately', onRejected },
);

export default {
  async fetch(request: Request, env: unknown, ctx: Context): Promise<Response> {
    const { pathname } = new URL(request.url);
    if (pathname === '/events') return Response.json(received);
    if (pathname === '/blinger-later') {
      const response = await blingerLater(request, env, ctx);
      received.push(`answered ${response.status}`);
      return response;
    }
    return blinger(request, env, ctx);
  },
};
