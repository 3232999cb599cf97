import type { IncomingMessage } from 'node:http';
import { describe, expectTypeOf, it } from 'vitest';
import {
  type BlingerWebhook,
  createMemoryDedupeStore,
  type DedupeOptions,
  type DedupeStore,
  deliveryKey,
  type MessageIncoming,
  toExpressHandler,
  toFetchHandler,
  toNodeHandler,
  type WebhookHandlerOptions,
} from '../../src/index.js';

describe('dedupe types', () => {
  it('deliveryKey takes any validated event and gives a string', () => {
    expectTypeOf(deliveryKey).parameters.toEqualTypeOf<[BlingerWebhook]>();
    expectTypeOf(deliveryKey).returns.toEqualTypeOf<string>();
    expectTypeOf(deliveryKey).toBeCallableWith({} as MessageIncoming);
    // @ts-expect-error: an unvalidated value has no key
    deliveryKey({ webhook: 'on_user_new' });
  });

  it('a store is claim/release returning promises; the memory store is one', () => {
    expectTypeOf(createMemoryDedupeStore()).toEqualTypeOf<DedupeStore>();
    expectTypeOf<DedupeStore['claim']>().toEqualTypeOf<(key: string, ttlMs: number) => Promise<boolean>>();
    expectTypeOf<DedupeStore['release']>().toEqualTypeOf<(key: string) => Promise<void>>();
    // @ts-expect-error: claim must resolve a boolean, not Redis's 'OK'
    const wrong: DedupeStore = { claim: async () => 'OK', release: async () => undefined };
    void wrong;
    // @ts-expect-error: maxEntries is a number
    createMemoryDedupeStore({ maxEntries: '10' });
  });

  it('every adapter takes the dedupe option', () => {
    const dedupe: DedupeOptions = { store: createMemoryDedupeStore(), ttlMs: 60_000, onStoreError: (_error, key) => void key };
    expectTypeOf<WebhookHandlerOptions<IncomingMessage>['dedupe']>().toEqualTypeOf<DedupeOptions | undefined>();
    toNodeHandler(() => undefined, { dedupe });
    toExpressHandler(() => undefined, { dedupe });
    toFetchHandler(() => undefined, { dedupe: { store: createMemoryDedupeStore() } });
    // @ts-expect-error: a store is required
    toNodeHandler(() => undefined, { dedupe: { ttlMs: 1000 } });
  });
});
