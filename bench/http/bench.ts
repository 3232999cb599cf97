/**
 * `npm run bench:http`: loads each adapter on loopback with autocannon, beside a bare route of the
 * same framework (read the body, JSON.parse, 200), in the same run, and prints requests per
 * second, latency p50/p99, errors, and the adapter/bare ratios.
 *
 * The servers run in a child process and autocannon in this one, so on a 2-core machine each has
 * a core. Options: --duration S (per target, default 5), --connections N (default 50),
 * --payload message|closed (the documented incoming message, or the 300-message closed conversation),
 * --order bare-first|hook-first (which route of each framework is loaded first, default bare-first:
 * the first route measured also pays for the process warming up, so swapping shows that bias).
 */
import autocannon from 'autocannon';
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { callbackCalls, type Framework, frameworks, startTargets } from './targets.js';

type ChildMessage = { type: 'ready'; ports: Record<Framework, number> } | { type: 'calls'; count: number };

// The child: serve, report ports, answer "how many callbacks ran".
if (process.argv.includes('--serve')) {
  const ports = await startTargets();
  process.send?.({ type: 'ready', ports } satisfies ChildMessage);
  process.on('message', (message: { type: string }) => {
    if (message.type === 'calls') process.send?.({ type: 'calls', count: callbackCalls.count } satisfies ChildMessage);
    if (message.type === 'exit') process.exit(0);
  });
} else {
  await main();
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '5' },
      connections: { type: 'string', default: '50' },
      payload: { type: 'string', default: 'message' },
      order: { type: 'string', default: 'bare-first' },
    },
  });
  const duration = Number(values.duration);
  const connections = Number(values.connections);
  const payloadFile =
    values.payload === 'closed'
      ? 'fixtures/valid/conversation_closed_300_messages.json'
      : 'fixtures/documented/on_message_incoming.json';
  const body = readFileSync(payloadFile);

  const child = fork(process.argv[1]!, ['--serve'], { stdio: 'inherit' });
  const nextMessage = (): Promise<ChildMessage> => new Promise((resolve) => child.once('message', resolve));
  const ready = await nextMessage();
  if (ready.type !== 'ready') throw new Error('server child did not start');
  const callbacksSoFar = async (): Promise<number> => {
    child.send({ type: 'calls' });
    const reply = await nextMessage();
    return reply.type === 'calls' ? reply.count : Number.NaN;
  };

  const pause = () => new Promise((resolve) => setTimeout(resolve, 250));
  /** Waits until the callback count stops moving (requests autocannon left in flight have finished). */
  const settle = async (): Promise<void> => {
    let last = await callbacksSoFar();
    for (let i = 0; i < 40; i++) {
      await pause();
      const now = await callbacksSoFar();
      if (now === last) return;
      last = now;
    }
  };
  const load = (port: number, path: string, seconds: number) =>
    autocannon({
      url: `http://127.0.0.1:${port}${path}`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      connections,
      duration: seconds,
    });

  console.log(
    `bench:http: ${payloadFile} (${body.byteLength} bytes), ${connections} connections, ${duration} s per target ` +
      `after 1 s of warm-up; node ${process.version}, ${availableParallelism()} × ${cpus()[0]?.model.trim() ?? 'cpu'}, ` +
      `load average ${loadavg()[0]!.toFixed(1)} at start; ${values.order === 'hook-first' ? 'adapter' : 'bare route'} first`,
  );
  const rows: string[][] = [];
  const header = ['target', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'non-2xx', 'adapter/bare req/s', 'adapter/bare p99'];
  let problems = 0;
  for (const framework of frameworks) {
    const port = ready.ports[framework];
    const measured: Record<'bare' | 'hook', Awaited<ReturnType<typeof autocannon>>> = {} as never;
    const routes = values.order === 'hook-first' ? (['hook', 'bare'] as const) : (['bare', 'hook'] as const);
    for (const route of routes) {
      await load(port, `/${route}`, 1);
      // autocannon returns without waiting for the requests in flight: let them finish before counting.
      await settle();
      const before = await callbacksSoFar();
      const result = await load(port, `/${route}`, duration);
      await settle();
      const calls = (await callbacksSoFar()) - before;
      measured[route] = result;
      // Every 2xx of the adapter is one callback call (the bare route has none). Requests still in
      // flight when autocannon stops (at most one per connection) ran their callback unanswered.
      const answered = route === 'hook' ? result['2xx'] : 0;
      const inFlight = route === 'hook' ? connections : 0;
      if (calls < answered || calls > answered + inFlight) {
        problems++;
        console.error(`${framework} /${route}: ${calls} callback calls for ${result['2xx']} answers 2xx`);
      }
      problems += result.errors + result.non2xx;
    }
    const { bare, hook } = measured;
    const format = (result: typeof bare) => [
      Math.round(result.requests.average).toString(),
      result.latency.p50.toFixed(1),
      result.latency.p99.toFixed(1),
      String(result.errors + result.timeouts),
      String(result.non2xx),
    ];
    rows.push([`${framework} bare (JSON.parse)`, ...format(bare), '', '']);
    rows.push([
      `${framework} adapter`,
      ...format(hook),
      (hook.requests.average / bare.requests.average).toFixed(2),
      (hook.latency.p99 / Math.max(bare.latency.p99, 0.001)).toFixed(2),
    ]);
  }
  child.send({ type: 'exit' });

  const table = [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
  console.log(`\n${table}\n`);
  if (problems > 0) {
    console.error(`bench:http: ${problems} errors, non-2xx answers or callback mismatches`);
    process.exitCode = 1;
  }
}
