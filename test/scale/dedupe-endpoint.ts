/**
 * An endpoint process for the Redis dedupe test: node:http with `dedupe` on the documented Redis
 * store. Its callback counts runs per delivery key in the Redis hash `runs` (after a short wait,
 * so that concurrent copies overlap), and fails the first run of keys listed in FAIL_ONCE.
 * NO_DEDUPE=1 runs the same endpoint without `dedupe`, as the benchmark's baseline; WORK_MS sets the wait.
 */
import { createServer } from 'node:http';
import { Redis } from 'ioredis';
import { deliveryKey, toNodeHandler } from '../../src/index.js';
import { redisDedupeStore } from './redis-dedupe-store.js';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { enableOfflineQueue: false });
const failOnce = new Set((process.env.FAIL_ONCE ?? '').split(' ').filter(Boolean));
const workMs = Number(process.env.WORK_MS ?? 5);
const dedupe = process.env.NO_DEDUPE === '1' ? {} : { dedupe: { store: redisDedupeStore(redis) } };

const handler = toNodeHandler(
  async (event) => {
    const key = deliveryKey(event);
    if (workMs > 0) await new Promise((resolve) => setTimeout(resolve, workMs));
    const runs = await redis.hincrby('runs', key, 1);
    if (failOnce.has(key) && runs === 1) throw new Error(`first run of ${key} fails`);
  },
  { ...dedupe, onError: () => undefined },
);

redis.once('ready', () => {
  const server = createServer(handler).listen(0, '127.0.0.1', () => {
    const address = server.address();
    console.log(`Listening on http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}/`);
  });
  process.once('SIGTERM', () => server.close(() => redis.quit().then(() => process.exit(0))));
});
