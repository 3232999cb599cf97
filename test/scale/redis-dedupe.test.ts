/**
 * The `dedupe` option on the Redis store docs/scaling.md shows, with two endpoint processes sharing
 * one real redis-server: concurrent copies of each delivery run its callback once.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliveryKey } from '../../src/index.js';
import { createWebhook } from '../../src/testing/index.js';
import { findRedisServer, REDIS_MISSING, type RunningRedis, startRedis } from '../helpers/redis-server.js';
import { deliveries, send } from './deliveries.js';
import { bundleDedupeEndpoint, pool, quantile, root, type RunningProcess, startEndpoint } from './processes.js';

const redisServer = findRedisServer();
if (redisServer === undefined) console.warn(`\n[blinger-webhooks] ${REDIS_MISSING}\n`);

const storeSource = readFileSync(join(root, 'test/scale/redis-dedupe-store.ts'), 'utf8');

describe('the Redis dedupe store in docs/scaling.md', () => {
  it('is the store these tests run, word for word', () => {
    const guide = readFileSync(join(root, 'docs/scaling.md'), 'utf8');
    const blocks = [...guide.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]);
    expect(blocks).toContain(storeSource);
  });
});

const failing = createWebhook('on_user_new', { user: { id: 987_654, blinger_user_id: 123_456 } });

describe.skipIf(redisServer === undefined)('dedupe on Redis: 2 endpoint processes, concurrent copies', () => {
  let redis: RunningRedis;
  let client: Redis;
  const processes: RunningProcess[] = [];
  let urls: string[];

  beforeAll(async () => {
    redis = await startRedis(redisServer!);
    client = new Redis(redis.url);
    const outfile = await bundleDedupeEndpoint();
    const env = { REDIS_URL: redis.url, FAIL_ONCE: deliveryKey(failing) };
    const endpoints = await Promise.all([0, 1].map(() => startEndpoint(outfile, env)));
    processes.push(...endpoints.map((endpoint) => endpoint.process));
    urls = endpoints.map((endpoint) => endpoint.url);
  }, 60_000);

  afterAll(async () => {
    await Promise.all(processes.map((running) => running.stop()));
    client?.disconnect();
    await redis?.stop();
  }, 30_000);

  it('three concurrent copies of each delivery, over both instances: each callback ran once', async () => {
    const all = deliveries(200);
    const startedAt = performance.now();
    const answers = await pool(
      all.map((delivery, index) => () =>
        Promise.all([urls[index % 2]!, urls[(index + 1) % 2]!, urls[index % 2]!].map((url) => send(url, delivery.body))),
      ),
      16,
    );
    const seconds = (performance.now() - startedAt) / 1000;
    for (const copies of answers) {
      expect(copies.map((copy) => copy.status)).toEqual([200, 200, 200]);
      expect(copies.map((copy) => copy.answer).sort()).toEqual([
        '{"ok":true,"duplicate":true}',
        '{"ok":true,"duplicate":true}',
        '{"ok":true}',
      ]);
    }
    const runs = await client.hgetall('runs');
    expect(Object.keys(runs).sort()).toEqual(all.map((delivery) => delivery.key).sort());
    expect(Object.values(runs).every((count) => count === '1')).toBe(true);
    const ms = answers.flat().map((copy) => copy.ms);
    console.log(
      `[dedupe/redis] ${all.length} deliveries x 3 copies over 2 endpoints: ${(all.length / seconds).toFixed(0)} deliveries/s ` +
        `(${((all.length * 3) / seconds).toFixed(0)} requests/s), HTTP p50 ${quantile(ms, 0.5).toFixed(1)} ms, p99 ${quantile(ms, 0.99).toFixed(1)} ms`,
    );
  }, 120_000);

  it('fail, retry at the other instance, duplicate: 500, 200, 200 with the callback run twice', async () => {
    const body = JSON.stringify(failing);
    expect((await send(urls[0]!, body)).status).toBe(500);
    expect(await client.exists(`blinger:delivery:${deliveryKey(failing)}`)).toBe(0);
    expect((await send(urls[1]!, body)).answer).toBe('{"ok":true}');
    expect((await send(urls[0]!, body)).answer).toBe('{"ok":true,"duplicate":true}');
    expect(await client.hget('runs', deliveryKey(failing))).toBe('2');
    const ttl = await client.pttl(`blinger:delivery:${deliveryKey(failing)}`);
    expect(ttl).toBeGreaterThan(86_000_000);
    expect(ttl).toBeLessThanOrEqual(86_400_000);
  });

  it('Redis down: 503 and the callback does not run; once Redis is back, the retry is processed', async () => {
    const delivery = createWebhook('on_message_incoming', { message_id: 424_242, message: { id: 424_242 } });
    const body = JSON.stringify(delivery);
    client.disconnect();
    await redis.stop();
    const down = await send(urls[0]!, body);
    expect(down).toMatchObject({ status: 503, answer: expect.stringContaining('"error":"dedupe_store_failed"') });
    redis = await startRedis(redisServer!, redis.port);
    client = new Redis(redis.url);
    // The endpoints' clients reconnect on their own; until then the answer stays 503.
    const deadline = Date.now() + 20_000;
    let retry = await send(urls[0]!, body);
    while (retry.status === 503 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      retry = await send(urls[0]!, body);
    }
    expect(retry).toMatchObject({ status: 200, answer: '{"ok":true}' });
    expect(await client.hget('runs', deliveryKey(delivery))).toBe('1');
  }, 60_000);
});
