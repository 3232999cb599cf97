/** The deliveries the scale tests send: every documented event, then generated ones, all with distinct keys. */
import fc from 'fast-check';
import { type BlingerWebhook, deliveryKey } from '../../src/index.js';
import { webhookArbitraries } from '../../src/testing/arbitraries/index.js';
import { examples } from '../../src/testing/index.js';

export interface Delivery {
  readonly key: string;
  readonly body: string;
}

/** The eight documented examples and `generated` generated events (fixed seed), keyed and serialised. */
export const deliveries = (generated: number, seed = 20_261_129): Delivery[] => {
  const events: BlingerWebhook[] = [
    ...Object.values(examples),
    ...fc.sample(webhookArbitraries(fc, { maxArrayLength: 2 }).any, { numRuns: generated * 2, seed }),
  ];
  const byKey = new Map<string, Delivery>();
  for (const event of events) {
    const key = deliveryKey(event);
    if (!byKey.has(key) && byKey.size < generated + 8) byKey.set(key, { key, body: JSON.stringify(event) });
  }
  return [...byKey.values()];
};

/** POSTs `body` and resolves with the status, the answer and how long it took, in milliseconds. */
export const send = async (url: string, body: string): Promise<{ status: number; answer: string; ms: number }> => {
  const startedAt = performance.now();
  const response = await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
  const answer = await response.text();
  return { status: response.status, answer, ms: performance.now() - startedAt };
};
