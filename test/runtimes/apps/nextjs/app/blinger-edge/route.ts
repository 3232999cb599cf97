// The same webhook on Next.js's Edge runtime: POST /blinger-edge; GET answers what it recorded
// (Edge routes run in their own sandbox, apart from the Node.js routes' list).
import { toFetchHandler } from 'blinger-webhooks';

export const runtime = 'edge';
export const dynamic = 'force-dynamic';

const received: string[] = [];

export const POST = toFetchHandler(
  (event) => {
    received.push(event.webhook);
  },
  {
    onRejected: (rejection) => {
      received.push(`rejected ${rejection.status} ${rejection.error}`);
    },
  },
);

export const GET = (): Response => Response.json(received);
