// @ts-check
// The worker: takes jobs from the queue and processes each event with a function of its own
// (matchWebhook gives each function its event's type). Run as many as you like.
//
//   REDIS_URL=redis://127.0.0.1:6379 node examples/queue-bullmq/worker.mjs
import { matchWebhook } from 'blinger-webhooks';
import { startWorker } from './queue.mjs';

/**
 * The work for one event. BullMQ runs a job at least once: a worker that dies mid-job has the job
 * run again elsewhere. Make effects idempotent by `job.id` (the delivery key), e.g. a unique column.
 *
 * @param {import('blinger-webhooks').BlingerWebhook} event
 * @returns {Promise<string>} a summary for the log
 */
const processEvent = (event) =>
  matchWebhook(event, {
    on_message_incoming: async (e) => `message ${e.message_id} from user ${e.from_user_id} in conversation ${e.conversation_id}`,
    on_message_outgoing: async (e) => `reply ${e.message_id} to user ${e.to_user_id} in conversation ${e.conversation_id}`,
    on_conversation_closed: async (e) => `conversation ${e.conversation.id} closed with ${e.conversation.messages.length} message(s)`,
    on_user_new: async (e) => `new user ${e.user.blinger_user_id} on ${e.user.application}`,
    otherwise: async (e) => `${e.webhook} acknowledged`,
  });

const worker = startWorker(async (event, job) => {
  console.log(`processed ${job.id}: ${await processEvent(event)}`);
});
worker.on('failed', (job, error) => console.error(`job ${job?.id} failed (attempt ${job?.attemptsMade}):`, error.message));
await worker.waitUntilReady();
console.log('Worker ready');

process.once('SIGTERM', async () => {
  await worker.close();
  process.exit(0);
});
