// @ts-check
// What the endpoint and the worker share: the queue, how to reach Redis, how jobs are kept.
import { Queue, UnrecoverableError, Worker } from 'bullmq';
import { deliveryKey, parseWebhook } from 'blinger-webhooks';
import { Redis } from 'ioredis';

export const QUEUE_NAME = 'blinger-webhooks';
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** @type {import('bullmq').DefaultJobOptions} */
const jobOptions = {
  // A job whose callback throws is retried, 1 s, 2 s, 4 s, 8 s later, then kept as failed (the dead letters).
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  // While a job is kept, a copy of its delivery (same jobId) is not added again: keep completed jobs
  // for as long as a copy may arrive. Failed jobs are kept a week to inspect and retry by hand.
  removeOnComplete: { age: 24 * 60 * 60 },
  removeOnFail: { age: 7 * 24 * 60 * 60 },
};

/**
 * The endpoint's queue. Its connection fails fast while Redis is down (no offline queue), so the
 * endpoint answers 500 and Blinger's retry comes back later, instead of a request hanging.
 */
export const openQueue = async () => {
  const connection = new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  const queue = new Queue(QUEUE_NAME, { connection, defaultJobOptions: jobOptions });
  await queue.waitUntilReady();
  return queue;
};

/**
 * Adds a validated event as a job whose id is its delivery key: copies of one delivery, arriving at
 * any endpoint instance, become one job.
 *
 * @param {Queue} queue
 * @param {import('blinger-webhooks').BlingerWebhook} event
 */
export const enqueue = (queue, event) => queue.add(event.webhook, event, { jobId: deliveryKey(event) });

/**
 * Starts a worker that checks each job's event again (a job may come from an older producer) and
 * hands it to `process`. A job without a valid event fails at once instead of being retried.
 *
 * @param {(event: import('blinger-webhooks').BlingerWebhook, job: import('bullmq').Job) => Promise<void>} process
 * @param {Partial<import('bullmq').WorkerOptions>} [options]
 */
export const startWorker = (process, options = {}) => {
  // A worker's connection waits for Redis rather than failing its blocking reads.
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  return new Worker(
    QUEUE_NAME,
    async (job) => {
      const parsed = parseWebhook(job.data);
      if (parsed._tag === 'Left') throw new UnrecoverableError(`job ${job.id} holds no valid event: ${parsed.left.message}`);
      await process(parsed.right, job);
    },
    { connection, concurrency: 10, ...options },
  );
};
