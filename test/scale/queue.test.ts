/**
 * The BullMQ recipe on a real Redis: two endpoint instances (examples/queue-bullmq/endpoint.mjs) and
 * two workers, each a separate process. Every delivery is sent twice, to both instances at once; one
 * worker is killed in the middle of a job. Afterwards every delivery was processed exactly once.
 */
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findRedisServer, REDIS_MISSING, type RunningRedis, startRedis } from '../helpers/redis-server.js';
import { deliveries, send } from './deliveries.js';
import { pool, quantile, type RunningProcess, startEndpoint, startProcess } from './processes.js';

const redisServer = findRedisServer();
if (redisServer === undefined) console.warn(`\n[blinger-webhooks] ${REDIS_MISSING}\n`);

const TOKEN = 'queue-test-token';
const GENERATED = 300;

describe.skipIf(redisServer === undefined)('BullMQ queue on a real Redis: 2 endpoints, 2 workers', () => {
  let redis: RunningRedis;
  const processes: RunningProcess[] = [];
  let client: Redis;

  beforeAll(async () => {
    redis = await startRedis(redisServer!);
    client = new Redis(redis.url);
  }, 30_000);

  afterAll(async () => {
    await Promise.all(processes.map((running) => running.stop()));
    client?.disconnect();
    await redis?.stop();
  }, 30_000);

  it('processes each delivery exactly once, none lost, with a worker killed mid-job', async () => {
    const env = { REDIS_URL: redis.url, BLINGER_TOKEN: TOKEN };
    const endpoints = await Promise.all([0, 1].map(() => startEndpoint('examples/queue-bullmq/endpoint.mjs', env)));
    processes.push(...endpoints.map((endpoint) => endpoint.process));
    const doomed = startProcess('test/scale/worker-process.mjs', { ...env, HANG_AT_JOB: '20', WORK_MS: '2' });
    const survivor = startProcess('test/scale/worker-process.mjs', { ...env, WORK_MS: '2' });
    processes.push(doomed, survivor);
    await Promise.all([doomed.waitFor(/Worker ready/), survivor.waitFor(/Worker ready/)]);

    const all = deliveries(GENERATED);
    expect(all.length).toBe(GENERATED + 8);
    const urls = endpoints.map((endpoint) => `${endpoint.url}?token=${TOKEN}`);
    const sentAt = new Map<string, number>();
    const startedAt = Date.now();
    // Both copies of a delivery at once, to different instances; 16 deliveries in flight.
    const answers = await pool(
      all.map((delivery, index) => () => {
        sentAt.set(delivery.key, Date.now());
        return Promise.all([send(urls[index % 2]!, delivery.body), send(urls[(index + 1) % 2]!, delivery.body)]);
      }),
      16,
    );
    const acknowledgedAt = Date.now();
    for (const copies of answers) for (const copy of copies) expect(copy).toMatchObject({ status: 200, answer: '{"ok":true}' });

    // Killed while it holds a job: its lock lapses and the survivor takes the job over.
    const [, hungKey] = await doomed.waitFor(/mid-job (\S+)/);
    doomed.child.kill('SIGKILL');
    await doomed.exited;

    const deadline = Date.now() + 60_000;
    while ((await client.hlen('processed')) < all.length && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const processed = await client.hgetall('processed');
    expect(Object.keys(processed).sort()).toEqual(all.map((delivery) => delivery.key).sort());
    expect(Object.entries(processed).filter(([, count]) => count !== '1')).toEqual([]);
    expect(processed[hungKey!]).toBe('1');

    const queue = new Queue('blinger-webhooks', { connection: client });
    const counts = await queue.getJobCounts('completed', 'failed', 'waiting', 'active', 'delayed');
    await queue.close();
    expect(counts).toEqual({ completed: all.length, failed: 0, waiting: 0, active: 0, delayed: 0 });
    expect(survivor.output()).not.toMatch(/failed /);

    // Figures for docs/reliability.md (printed, never asserted: the machine is shared).
    const doneAt = Object.values(await client.hgetall('processed-at')).map(Number);
    const endToEnd = Object.entries(await client.hgetall('processed-at'))
      .filter(([key]) => key !== hungKey)
      .map(([key, at]) => Number(at) - sentAt.get(key)!);
    const http = answers.flat().map((copy) => copy.ms);
    console.log(
      [
        `[queue] ${all.length} deliveries x 2 copies over 2 endpoints, 2 workers (one killed mid-job)`,
        `[queue] acknowledged: ${((all.length * 2) / ((acknowledgedAt - startedAt) / 1000)).toFixed(0)} requests/s, HTTP p50 ${quantile(http, 0.5).toFixed(1)} ms, p99 ${quantile(http, 0.99).toFixed(1)} ms`,
        `[queue] processed: ${(all.length / ((Math.max(...doneAt) - startedAt) / 1000)).toFixed(0)} deliveries/s end to end including the re-delivery wait; send-to-processed p50 ${quantile(endToEnd, 0.5)} ms, p99 ${quantile(endToEnd, 0.99)} ms`,
      ].join('\n'),
    );
  }, 120_000);
});
