/**
 * End-to-end throughput of the scale-out setups of docs/scaling.md on a real redis-server, each a set
 * of separate processes, side by side in one run:
 *
 * - queue: 2 endpoint instances (examples/queue-bullmq/endpoint.mjs) and 2 workers; each delivery sent
 *   twice, to both instances at once; timed from the first request to the last job processed;
 * - dedupe: 2 endpoint instances with `dedupe` on the documented Redis store, each delivery twice;
 * - baseline: the same 2 endpoints without `dedupe`, each delivery once (what dedupe is compared to).
 *
 * Usage: npm run bench:queue [-- --deliveries 2000 --in-flight 16]
 */
import { Redis } from 'ioredis';
import { findRedisServer, REDIS_MISSING, startRedis } from '../test/helpers/redis-server.js';
import { type Delivery, deliveries, send } from '../test/scale/deliveries.js';
import { bundleDedupeEndpoint, pool, quantile, startEndpoint, startProcess } from '../test/scale/processes.js';

const argument = (name: string, fallback: number): number => {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
};
const COUNT = argument('deliveries', 2000);
const IN_FLIGHT = argument('in-flight', 16);

const binary = findRedisServer();
if (binary === undefined) {
  console.error(REDIS_MISSING);
  process.exit(1);
}

interface Row {
  readonly setup: string;
  readonly requests: number;
  readonly seconds: number;
  readonly http: number[];
  readonly endToEnd?: number[];
}

/** Sends each delivery `copies` times at once, spread over `urls`; resolves with answer times. */
const sendAll = async (urls: readonly string[], all: readonly Delivery[], copies: number, sentAt?: Map<string, number>) => {
  const answers = await pool(
    all.map((delivery, index) => () => {
      sentAt?.set(delivery.key, Date.now());
      return Promise.all(
        Array.from({ length: copies }, (_, copy) => send(urls[(index + copy) % urls.length]!, delivery.body)),
      );
    }),
    IN_FLIGHT,
  );
  const failed = answers.flat().filter((answer) => answer.status !== 200);
  if (failed.length > 0) throw new Error(`${failed.length} answers were not 200: ${failed[0]!.answer}`);
  return answers.flat().map((answer) => answer.ms);
};

const waitForHash = async (client: Redis, hash: string, size: number): Promise<void> => {
  while ((await client.hlen(hash)) < size) await new Promise((resolve) => setTimeout(resolve, 20));
};

const queueRun = async (all: readonly Delivery[]): Promise<Row> => {
  const redis = await startRedis(binary);
  const client = new Redis(redis.url);
  const env = { REDIS_URL: redis.url };
  const endpoints = await Promise.all([0, 1].map(() => startEndpoint('examples/queue-bullmq/endpoint.mjs', env)));
  const workers = [0, 1].map(() => startProcess('test/scale/worker-process.mjs', env));
  await Promise.all(workers.map((worker) => worker.waitFor(/Worker ready/)));
  const sentAt = new Map<string, number>();
  const startedAt = Date.now();
  const http = await sendAll(endpoints.map((endpoint) => endpoint.url), all, 2, sentAt);
  await waitForHash(client, 'processed', all.length);
  const doneAt = await client.hgetall('processed-at');
  const seconds = (Math.max(...Object.values(doneAt).map(Number)) - startedAt) / 1000;
  const endToEnd = Object.entries(doneAt).map(([key, at]) => Number(at) - sentAt.get(key)!);
  const counts = Object.values(await client.hgetall('processed'));
  if (counts.some((count) => count !== '1')) throw new Error('a delivery was processed twice');
  await Promise.all([...endpoints.map((endpoint) => endpoint.process), ...workers].map((running) => running.stop()));
  client.disconnect();
  await redis.stop();
  return { setup: 'queue: 2 endpoints + 2 BullMQ workers, 2 copies', requests: all.length * 2, seconds, http, endToEnd };
};

const endpointRun = async (all: readonly Delivery[], script: string, withDedupe: boolean): Promise<Row> => {
  const redis = await startRedis(binary);
  const client = new Redis(redis.url);
  const env = { REDIS_URL: redis.url, WORK_MS: '0', NO_DEDUPE: withDedupe ? '0' : '1' };
  const endpoints = await Promise.all([0, 1].map(() => startEndpoint(script, env)));
  const copies = withDedupe ? 2 : 1;
  const startedAt = performance.now();
  const http = await sendAll(endpoints.map((endpoint) => endpoint.url), all, copies);
  const seconds = (performance.now() - startedAt) / 1000;
  const runs = Object.values(await client.hgetall('runs'));
  if (runs.length !== all.length || runs.some((count) => count !== '1')) throw new Error('a callback ran twice or not at all');
  await Promise.all(endpoints.map((endpoint) => endpoint.process.stop()));
  client.disconnect();
  await redis.stop();
  const setup = withDedupe ? 'dedupe: 2 endpoints, Redis store, 2 copies' : 'baseline: 2 endpoints, no dedupe, 1 copy';
  return { setup, requests: all.length * copies, seconds, http };
};

const format = (values: readonly number[] | undefined, q: number): string =>
  values === undefined ? '' : `${quantile(values, q).toFixed(1)}`;

const all = deliveries(COUNT);
const script = await bundleDedupeEndpoint();
console.log(`${all.length} deliveries, ${IN_FLIGHT} in flight, Node ${process.version}`);
const rows = [await endpointRun(all, script, false), await endpointRun(all, script, true), await queueRun(all)];
console.log('| setup | deliveries/s | requests/s | HTTP p50 ms | HTTP p99 ms | sent→processed p50 ms | p99 ms |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const row of rows) {
  console.log(
    `| ${row.setup} | ${(all.length / row.seconds).toFixed(0)} | ${(row.requests / row.seconds).toFixed(0)} | ` +
      `${format(row.http, 0.5)} | ${format(row.http, 0.99)} | ${format(row.endToEnd, 0.5)} | ${format(row.endToEnd, 0.99)} |`,
  );
}
