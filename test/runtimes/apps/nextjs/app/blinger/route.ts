// Next.js App Router route handler: POST /blinger.
import { toFetchHandler } from 'blinger-webhooks';
import { received } from '../received';

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
