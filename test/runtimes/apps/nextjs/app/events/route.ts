// GET /events: what the webhook callbacks have seen, for the test.
import { received } from '../received';

export const dynamic = 'force-dynamic';

export const GET = (): Response => Response.json(received);
