/**
 * examples/queue-bullmq as a user runs it: its files type-check (`// @ts-check`, strict), and the
 * endpoint and worker, started as they are on a real redis-server, process every documented event.
 */
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliveryKey, webhookNames } from '../../src/index.js';
import { examples } from '../../src/testing/index.js';
import { findRedisServer, REDIS_MISSING, type RunningRedis, startRedis } from '../helpers/redis-server.js';
import { send } from '../scale/deliveries.js';
import { root, type RunningProcess, startEndpoint, startProcess } from '../scale/processes.js';

const files = ['queue.mjs', 'endpoint.mjs', 'worker.mjs'].map((file) => join(root, 'examples/queue-bullmq', file));

describe('examples/queue-bullmq type-checks', () => {
  it('with checkJs, strict: each event handled with its own type', () => {
    const program = ts.createProgram(files, {
      allowJs: true,
      checkJs: true,
      strict: true,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      types: ['node'],
      skipLibCheck: true,
      noEmit: true,
    });
    const diagnostics = ts
      .getPreEmitDiagnostics(program)
      .map((diagnostic) => `${diagnostic.file?.fileName}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`);
    expect(diagnostics).toEqual([]);
  }, 60_000);
});

const redisServer = findRedisServer();
if (redisServer === undefined) console.warn(`\n[blinger-webhooks] ${REDIS_MISSING}\n`);

describe.skipIf(redisServer === undefined)('examples/queue-bullmq runs', () => {
  const TOKEN = 'example-token';
  let redis: RunningRedis;
  let endpoint: { process: RunningProcess; url: string };
  let worker: RunningProcess;

  beforeAll(async () => {
    redis = await startRedis(redisServer!);
    const env = { REDIS_URL: redis.url, BLINGER_TOKEN: TOKEN };
    endpoint = await startEndpoint('examples/queue-bullmq/endpoint.mjs', env);
    worker = startProcess('examples/queue-bullmq/worker.mjs', env);
    await worker.waitFor(/Worker ready/);
  }, 60_000);

  afterAll(async () => {
    await endpoint?.process.stop();
    await worker?.stop();
    await redis?.stop();
  }, 30_000);

  it('queues every documented event once and the worker processes each with its own function', async () => {
    for (const name of webhookNames) {
      const body = JSON.stringify(examples[name]);
      expect(await send(`${endpoint.url}?token=${TOKEN}`, body)).toMatchObject({ status: 200, answer: '{"ok":true}' });
      expect((await send(`${endpoint.url}?token=${TOKEN}`, body)).status).toBe(200);
    }
    for (const name of webhookNames) await worker.waitFor(new RegExp(`processed ${deliveryKey(examples[name])}: `));
    await worker.waitFor(/processed on_message_incoming\/546\/4627: message 546 from user 481 in conversation 173/);
    await worker.waitFor(/processed on_conversation_closed\/181\/1513353917: conversation 181 closed with 1 message/);
    // Let a copy that slipped through show up before counting.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(worker.output().match(/^processed /gm)).toHaveLength(webhookNames.length);
  });

  it('refuses a delivery without the token', async () => {
    expect((await send(endpoint.url, JSON.stringify(examples.on_user_new))).status).toBe(401);
    await endpoint.process.waitFor(/rejected 401 unauthorized/);
  });

  it('both stop cleanly on SIGTERM', async () => {
    endpoint.process.child.kill('SIGTERM');
    worker.child.kill('SIGTERM');
    expect(await endpoint.process.exited).toBe(0);
    expect(await worker.exited).toBe(0);
  });
});
