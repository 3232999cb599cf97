// A worker process for the queue test: the example's worker wiring (queue, validation, retries)
// with a recording job. Each completed job adds 1 to its key in the Redis hash `processed`, so a
// delivery processed twice shows as 2. With HANG_AT_JOB=n, the n-th job this process starts prints
// `mid-job <key>` and never finishes: the test kills the process there, and BullMQ must re-deliver it.
import { deliveryKey } from 'blinger-webhooks';
import { Redis } from 'ioredis';
import { startWorker } from '../../examples/queue-bullmq/queue.mjs';

const record = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
const hangAt = Number(process.env.HANG_AT_JOB ?? 0);
const workMs = Number(process.env.WORK_MS ?? 0);
let started = 0;

const worker = startWorker(
  async (event, job) => {
    started += 1;
    if (started === hangAt) {
      console.log(`mid-job ${job.id}`);
      await new Promise(() => {});
    }
    if (workMs > 0) await new Promise((resolve) => setTimeout(resolve, workMs));
    if (job.id !== deliveryKey(event)) throw new Error(`job ${job.id} is not keyed by its delivery`);
    await record.multi().hincrby('processed', job.id, 1).hset('processed-at', job.id, Date.now()).exec();
  },
  // Short locks, so that a killed worker's jobs are re-delivered in seconds rather than 30 s.
  { lockDuration: 2000, stalledInterval: 1000, concurrency: Number(process.env.CONCURRENCY ?? 8) },
);
worker.on('failed', (job, error) => console.error(`failed ${job?.id}: ${error.message}`));
await worker.waitUntilReady();
console.log('Worker ready');

process.once('SIGTERM', async () => {
  await worker.close();
  await record.quit();
  process.exit(0);
});
