/**
 * `npm run soak`: 100 000 valid deliveries (and one invalid delivery after every 10th) through the
 * express adapter on loopback, with bounded concurrency. Reports the server's resident memory
 * after warm-up and as the run goes on, and checks that every valid delivery's callback ran
 * exactly once (counted per unique message id) and no invalid one ran at all.
 *
 * The server runs in a child process (with --expose-gc, so each memory reading follows a full
 * collection), the client in this one, so the memory figures are the server's alone.
 * Options: --deliveries N (default 100000), --concurrency N (default 32), --margin PERCENT (how
 * much RSS may grow from warm-up to the end and still count as flat, default 10).
 * Exits 1 if memory is not flat, a callback ran other than once, or an answer was unexpected.
 */
import express from 'express';
import { fork } from 'node:child_process';
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { toExpressHandler } from '../src/index.js';
import { createWebhook } from '../src/testing/index.js';

interface ServerStats {
  readonly rss: number;
  readonly heapUsed: number;
  /** Memory of Buffers and other objects held outside the JavaScript heap (includes arrayBuffers). */
  readonly external: number;
  /** Valid deliveries whose callback ran at least once. */
  readonly unique: number;
  /** Message ids whose callback ran more than once. */
  readonly duplicated: number;
  /** Callback calls in all. */
  readonly calls: number;
}

type ChildMessage = { type: 'ready'; port: number } | ({ type: 'stats' } & ServerStats);

const MB = 1024 * 1024;

if (process.argv.includes('--serve')) serve(Number(process.argv[process.argv.indexOf('--serve') + 1]));
else await drive();

/** The child: an express app with the adapter; callback calls counted per message id in fixed memory. */
function serve(deliveries: number): void {
  // One counter per message id, allocated up front so that counting does not itself grow memory.
  const callsPerId = new Uint8Array(deliveries);
  let calls = 0;
  const app = express();
  app.post(
    '/blinger',
    toExpressHandler({
      on_message_incoming: (event) => {
        calls++;
        const id = event.message_id;
        if (id >= 0 && id < deliveries && callsPerId[id]! < 255) callsPerId[id]!++;
      },
    }),
  );
  const server = createServer(app);
  server.keepAliveTimeout = 30_000;
  server.listen(0, '127.0.0.1', () => {
    process.send?.({ type: 'ready', port: (server.address() as AddressInfo).port } satisfies ChildMessage);
  });
  process.on('message', (message: { type: string }) => {
    if (message.type === 'exit') process.exit(0);
    if (message.type !== 'stats') return;
    globalThis.gc?.();
    const { rss, heapUsed, external } = process.memoryUsage();
    let unique = 0;
    let duplicated = 0;
    for (const count of callsPerId) {
      if (count > 0) unique++;
      if (count > 1) duplicated++;
    }
    process.send?.({ type: 'stats', rss, heapUsed, external, unique, duplicated, calls } satisfies ChildMessage);
  });
}

/** The parent: sends the deliveries and reads the child's memory along the way. */
async function drive(): Promise<void> {
  const { values } = parseArgs({
    options: {
      deliveries: { type: 'string', default: '100000' },
      concurrency: { type: 'string', default: '32' },
      margin: { type: 'string', default: '10' },
    },
  });
  const deliveries = Number(values.deliveries);
  const concurrency = Number(values.concurrency);
  const marginPercent = Number(values.margin);
  const warmUp = Math.min(10_000, Math.floor(deliveries / 10));
  const checkpointEvery = Math.max(1, Math.floor(deliveries / 10));

  const child = fork(process.argv[1]!, ['--serve', String(deliveries)], { execArgv: ['--expose-gc'], stdio: 'inherit' });
  const nextMessage = (): Promise<ChildMessage> => new Promise((resolve) => child.once('message', resolve));
  const ready = await nextMessage();
  if (ready.type !== 'ready') throw new Error('soak: server did not start');
  const stats = async (): Promise<ServerStats> => {
    child.send({ type: 'stats' });
    const reply = await nextMessage();
    if (reply.type !== 'stats') throw new Error('soak: unexpected reply');
    return reply;
  };

  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  // The documented incoming message, with a placeholder id replaced per delivery (cheap to build).
  const template = JSON.stringify(createWebhook('on_message_incoming', { message_id: 123_456_789 }));
  const [head, tail] = template.split('123456789') as [string, string];
  const validBody = (id: number) => `${head}${id}${tail}`;
  const invalidBody = (id: number) => `${head}"${id}"${tail}`;

  const post = (body: string): Promise<number> =>
    new Promise((resolve) => {
      const req = request(
        {
          agent,
          host: '127.0.0.1',
          port: ready.port,
          path: '/blinger',
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', () => resolve(0));
      req.end(body);
    });

  const unexpected = new Map<string, number>();
  const note = (what: string) => unexpected.set(what, (unexpected.get(what) ?? 0) + 1);
  const checkpoints: Array<{ delivered: number; rss: number; heapUsed: number; external: number }> = [];
  let next = 0;
  let done = 0;
  let invalidSent = 0;
  let checkpointing: Promise<void> = Promise.resolve();
  const started = performance.now();

  const worker = async (): Promise<void> => {
    while (next < deliveries) {
      const id = next++;
      const status = await post(validBody(id));
      if (status !== 200) note(`valid delivery answered ${status}`);
      if (id % 10 === 9) {
        invalidSent++;
        const refused = await post(invalidBody(id));
        if (refused !== 400) note(`invalid delivery answered ${refused}`);
      }
      done++;
      if (done === warmUp || done % checkpointEvery === 0 || done === deliveries) {
        const delivered = done;
        checkpointing = checkpointing.then(async () => {
          const { rss, heapUsed, external } = await stats();
          checkpoints.push({ delivered, rss, heapUsed, external });
        });
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  await checkpointing;
  const seconds = (performance.now() - started) / 1000;
  const final = await stats();
  agent.destroy();
  child.send({ type: 'exit' });

  checkpoints.sort((a, b) => a.delivered - b.delivered);
  const afterWarmUp = checkpoints.find((point) => point.delivered >= warmUp)!;
  const end = checkpoints.at(-1)!;
  const growth = end.rss - afterWarmUp.rss;
  const allowed = (afterWarmUp.rss * marginPercent) / 100;
  const peak = Math.max(...checkpoints.map((point) => point.rss));

  console.log(
    `soak: ${deliveries} valid + ${invalidSent} invalid deliveries through toExpressHandler (express 5), ` +
      `${concurrency} concurrent, in ${seconds.toFixed(1)} s (${Math.round((deliveries + invalidSent) / seconds)} req/s); node ${process.version}`,
  );
  console.log('\n| deliveries | server RSS (MB) | heap used (MB) | external (MB) |\n| --- | --- | --- | --- |');
  for (const point of checkpoints) {
    const label = point === afterWarmUp ? `${point.delivered} (after warm-up)` : String(point.delivered);
    console.log(`| ${label} | ${(point.rss / MB).toFixed(1)} | ${(point.heapUsed / MB).toFixed(1)} | ${(point.external / MB).toFixed(1)} |`);
  }
  console.log(
    `\nRSS after warm-up ${(afterWarmUp.rss / MB).toFixed(1)} MB, at the end ${(end.rss / MB).toFixed(1)} MB ` +
      `(${growth >= 0 ? '+' : ''}${(growth / MB).toFixed(1)} MB, ${((growth / afterWarmUp.rss) * 100).toFixed(1)}%; ` +
      `allowed +${marginPercent}%), peak ${(peak / MB).toFixed(1)} MB`,
  );
  console.log(
    `callbacks: ${final.calls} calls, ${final.unique} unique message ids of ${deliveries}, ${final.duplicated} called more than once`,
  );

  const failures: string[] = [];
  if (growth > allowed) failures.push(`RSS grew by ${(growth / MB).toFixed(1)} MB after warm-up`);
  if (final.unique !== deliveries) failures.push(`${deliveries - final.unique} valid deliveries never reached the callback`);
  if (final.duplicated !== 0) failures.push(`${final.duplicated} deliveries reached the callback more than once`);
  if (final.calls !== deliveries) failures.push(`${final.calls} callback calls for ${deliveries} valid deliveries`);
  for (const [what, count] of unexpected) failures.push(`${count} × ${what}`);
  if (failures.length > 0) {
    console.error(`soak FAILED:\n- ${failures.join('\n- ')}`);
    process.exitCode = 1;
  } else {
    console.log('soak: memory flat, every valid delivery called back exactly once, every invalid one refused');
  }
}
