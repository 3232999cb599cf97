// redis-dedupe-store.ts
import type { DedupeStore } from 'blinger-webhooks';
import type { Redis } from 'ioredis';

/**
 * A dedupe store on Redis, shared by every endpoint instance. `SET NX PX` claims a key atomically
 * (only one of many concurrent claims gets `OK`) with an expiry; `DEL` releases it.
 */
export const redisDedupeStore = (redis: Redis, prefix = 'blinger:delivery:'): DedupeStore => ({
  claim: async (key, ttlMs) => (await redis.set(prefix + key, '1', 'PX', ttlMs, 'NX')) === 'OK',
  release: async (key) => {
    await redis.del(prefix + key);
  },
});
