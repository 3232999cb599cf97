/**
 * `npm run bench:http`: loads each adapter on loopback with autocannon, beside a bare route of the
 * same framework (read the body, JSON.parse, 200), in the same run, and prints for each the
 * server's CPU time per request (the stable measure: it repeats within a few percent), requests
 * per second and latency (which swing with the machine's load), and the adapter/bare ratios.
 *
 * Each framework's server runs in a child process of its own (so that one framework's heap and
 * garbage collections do not weigh on the next), pinned to one core (`taskset -c 0`, where there
 * is taskset), and autocannon in this process, pinned to the other, so that the load generator
 * does not steal the server's CPU. Each framework is measured in alternating rounds (bare then adapter, adapter
 * then bare, ...) and the table shows medians, so warm-up and drifting load hit both routes alike.
 * The adapter/bare CPU ratio is the median of the per-round ratios: on these shared machines a
 * route's CPU per request drifts by up to 2x over minutes, and many short rounds, each comparing
 * the two routes within seconds of each other, are what gives a ratio that repeats. Beside it, the
 * order-statistic 95% confidence interval of that median (bench/http/stats.ts), and a verdict on
 * the ≤ 1.05× target that says when one run cannot settle it.
 *
 * Each route is first loaded for --warmup seconds (default 10): V8 keeps optimising and
 * deoptimising Node's own HTTP code for the first 10 to 20 seconds of load (`--trace-opt
 * --trace-deopt`: about 190 events in the second 10 s, none in the third, bare route or adapter),
 * and that compilation, on V8's background threads, is server CPU time too. The rounds measure
 * what a server that has been up for a minute spends.
 *
 * With --at-once, each framework runs in two server processes, both on core 0, and each round
 * loads the bare route of one and the adapter of the other at the same time (half the connections
 * each), the processes swapping routes every round: whatever else the shared machine does in a
 * round weighs on both routes alike. On 2026-12-08 a bare route against itself read 0.95 to 1.02
 * per round this way, against 0.66 to 1.35 for alternating rounds on the same machine
 * (bench/README.md).
 *
 * Options: --duration S (per load, default 2), --rounds N (default 12), --warmup S (per route,
 * default 10), --connections N (default 50), --payload message|closed (the documented incoming
 * message, or the 300-message closed conversation), --only TEXT (frameworks whose name contains it),
 * --at-once (the design above).
 */
import autocannon from 'autocannon';
import { execFileSync, spawn, type SpawnOptions } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { BENCH_USAGE, type BenchOptions, parseBenchOptions } from './args.js';
import { type MedianInterval, median, medianInterval, swappedPairs } from './stats.js';
import { callbackCalls, type Framework, frameworks, startTarget } from './targets.js';

type ChildMessage =
  | { type: 'ready'; port: number }
  | { type: 'calls'; count: number; cpuMicros: number };


/** Set in a server child's environment to the framework it serves. */
const SERVE_ENV = 'BLINGER_BENCH_HTTP_SERVE';

/** Issue 12's target: every adapter costs at most this many times its bare route in CPU per request. */
const TARGET = 1.05;

/** Whether a run shows the target met: by the confidence interval of the median where it settles it. */
const verdict = (ratio: number, interval: MedianInterval | null, roundsNeeded: number): string => {
  const reading = `median ${ratio.toFixed(3)}`;
  if (interval === null) return `${reading}, too few rounds to say (a 95% interval needs ${roundsNeeded} or more)`;
  if (interval.high <= TARGET) return `met (${reading}, and the whole interval is within the target)`;
  if (interval.low > TARGET) return `not met (${reading}, and the whole interval is over the target)`;
  return `${ratio <= TARGET ? 'met by the median' : 'not met by the median'} (${reading}), but the interval ${interval.low.toFixed(2)}–${interval.high.toFixed(2)} straddles ${TARGET.toFixed(2)}: more rounds would settle it`;
};

const canPin = availableParallelism() >= 2 && existsSync('/usr/bin/taskset');

async function main(): Promise<void> {
  let options: BenchOptions<Framework>;
  try {
    options = parseBenchOptions(process.argv.slice(2), frameworks);
  } catch (error) {
    console.error(`bench:http: ${error instanceof Error ? error.message : String(error)}\n${BENCH_USAGE}`);
    process.exitCode = 2;
    return;
  }
  const { duration, rounds, warmup, connections, payloadFile, atOnce } = options;
  const body = readFileSync(payloadFile);

  // Each framework's server in a process of its own, on core 0; this process (autocannon) on core 1.
  if (canPin) execFileSync('/usr/bin/taskset', ['-pc', '1', String(process.pid)], { stdio: 'ignore' });
  const startServer = async (framework: Framework) => {
    const serverCommand = [...process.execArgv, process.argv[1]!];
    // The child learns its framework from the environment, so that no command-line flag of the
    // benchmark turns it into a server.
    const childOptions: SpawnOptions = { stdio: ['inherit', 'inherit', 'inherit', 'ipc'], env: { ...process.env, [SERVE_ENV]: framework } };
    const child = canPin
      ? spawn('/usr/bin/taskset', ['-c', '0', process.execPath, ...serverCommand], childOptions)
      : spawn(process.execPath, serverCommand, childOptions);
    // Whatever happens to this process, the server child goes with it.
    const kill = () => child.kill();
    process.once('exit', kill);
    const nextMessage = (): Promise<ChildMessage> => new Promise((resolve) => child.once('message', resolve));
    const ready = await nextMessage();
    if (ready.type !== 'ready') throw new Error('server child did not start');
    const sample = async (): Promise<{ count: number; cpuMicros: number }> => {
      child.send({ type: 'calls' });
      const reply = await nextMessage();
      return reply.type === 'calls' ? reply : { count: Number.NaN, cpuMicros: Number.NaN };
    };
    const stop = () => {
      process.off('exit', kill);
      child.send({ type: 'exit' });
    };
    return { port: ready.port, sample, stop };
  };

  const pause = () => new Promise((resolve) => setTimeout(resolve, 250));
  /** Waits until the callback count stops moving (requests autocannon left in flight have finished). */
  const settle = async (sample: () => Promise<{ count: number }>): Promise<void> => {
    let last = (await sample()).count;
    for (let i = 0; i < 40; i++) {
      await pause();
      const now = (await sample()).count;
      if (now === last) return;
      last = now;
    }
  };
  const load = (port: number, path: string, seconds: number, clients = connections) =>
    autocannon({
      url: `http://127.0.0.1:${port}${path}`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      connections: clients,
      duration: seconds,
    });

  const design = atOnce
    ? `${rounds} rounds of ${duration} s in which two server processes of each framework, both on core 0, serve the bare route and the adapter at the same time (${Math.ceil(connections / 2)} connections each; the processes swap routes every round), after ${warmup} s of warm-up per route`
    : `${rounds} alternating rounds of ${duration} s per route, ${connections} connections, after ${warmup} s of warm-up per route`;
  console.log(
    `bench:http: ${payloadFile} (${body.byteLength} bytes), ${design}; node ${process.version}, ${cpus().length} × ` +
      `${cpus()[0]?.model.trim() ?? 'cpu'}, load average ${loadavg()[0]!.toFixed(1)} at start; ` +
      (canPin ? 'servers pinned to core 0, load to core 1' : 'not pinned (no taskset or one core)'),
  );
  type Measure = { cpuPerRequest: number; requestsPerSecond: number; p99: number; errors: number; non2xx: number };
  type Route = 'bare' | 'hook';
  type RunningServer = Awaited<ReturnType<typeof startServer>>;
  const rows: string[][] = [];
  const header = ['target', 'server CPU µs/req', 'req/s', 'p99 ms', 'errors', 'non-2xx', 'adapter/bare CPU (median of rounds, or of pairs of rounds with --at-once)', '95% CI of that median', 'adapter/bare req/s'];
  const verdicts: string[] = [];
  let problems = 0;
  // A 95% interval of a median needs 6 samples; with --at-once a sample is a pair of rounds.
  const roundsNeeded = atOnce ? 12 : 6;

  /** Loads one route of one server and measures what the server spent per request. */
  const measureLoad = async (framework: Framework, server: RunningServer, route: Route, clients: number): Promise<Measure> => {
    const before = await server.sample();
    const result = await load(server.port, `/${route}`, duration, clients);
    // autocannon returns without waiting for the requests in flight: let them finish before counting.
    await settle(server.sample);
    const after = await server.sample();
    const calls = after.count - before.count;
    const requests = result['2xx'] + result.non2xx;
    // Every 2xx of the adapter is one callback call (the bare route has none). Requests still in
    // flight when autocannon stops (at most one per connection) ran their callback unanswered.
    const answered = route === 'hook' ? result['2xx'] : 0;
    const inFlight = route === 'hook' ? clients : 0;
    if (calls < answered || calls > answered + inFlight) {
      problems++;
      console.error(`${framework} /${route}: ${calls} callback calls for ${result['2xx']} answers 2xx`);
    }
    problems += result.errors + result.non2xx;
    return {
      cpuPerRequest: (after.cpuMicros - before.cpuMicros) / Math.max(requests, 1),
      requestsPerSecond: result.requests.average,
      p99: result.latency.p99,
      errors: result.errors + result.timeouts,
      non2xx: result.non2xx,
    };
  };

  /** One server, the two routes loaded in turn, in alternating order. */
  const alternating = async (framework: Framework, measured: Record<Route, Measure[]>): Promise<void> => {
    const server = await startServer(framework);
    for (const route of ['bare', 'hook'] as const) {
      await load(server.port, `/${route}`, warmup);
      await settle(server.sample);
    }
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? (['bare', 'hook'] as const) : (['hook', 'bare'] as const);
      for (const route of order) measured[route].push(await measureLoad(framework, server, route, connections));
    }
    server.stop();
  };

  /**
   * Two servers, both routes loaded at once: whatever else the machine does in a round weighs on
   * both alike. The servers swap routes every round, so a difference between the two processes
   * (heap, code layout) cancels out.
   */
  const simultaneous = async (framework: Framework, measured: Record<Route, Measure[]>): Promise<void> => {
    const servers = [await startServer(framework), await startServer(framework)] as const;
    const half = Math.max(1, Math.ceil(connections / 2));
    for (const [first, second] of [['bare', 'hook'], ['hook', 'bare']] as const) {
      await Promise.all([load(servers[0].port, `/${first}`, warmup, half), load(servers[1].port, `/${second}`, warmup, half)]);
    }
    await Promise.all(servers.map((server) => settle(server.sample)));
    for (let round = 0; round < rounds; round++) {
      const [hookServer, bareServer] = round % 2 === 0 ? servers : [servers[1], servers[0]];
      const [hook, bare] = await Promise.all([
        measureLoad(framework, hookServer, 'hook', half),
        measureLoad(framework, bareServer, 'bare', half),
      ]);
      measured.hook.push(hook);
      measured.bare.push(bare);
    }
    for (const server of servers) server.stop();
  };

  for (const framework of options.frameworks) {
    const measured: Record<Route, Measure[]> = { bare: [], hook: [] };
    await (atOnce ? simultaneous : alternating)(framework, measured);
    const summary = (list: Measure[]) => ({
      cpu: median(list.map((m) => m.cpuPerRequest)),
      rps: median(list.map((m) => m.requestsPerSecond)),
      p99: median(list.map((m) => m.p99)),
      errors: list.reduce((sum, m) => sum + m.errors, 0),
      non2xx: list.reduce((sum, m) => sum + m.non2xx, 0),
    });
    const bare = summary(measured.bare);
    const hook = summary(measured.hook);
    const cells = (s: typeof bare) => [s.cpu.toFixed(1), Math.round(s.rps).toString(), s.p99.toFixed(1), String(s.errors), String(s.non2xx)];
    rows.push([`${framework} bare (JSON.parse)`, ...cells(bare), '', '', '']);
    const perRound = measured.hook.map((m, i) => m.cpuPerRequest / measured.bare[i]!.cpuPerRequest);
    // With --at-once, each pair of rounds (the processes swapped) is one sample.
    const samples = atOnce ? swappedPairs(perRound) : perRound;
    const cpuRatio = median(samples);
    const interval = medianInterval(samples);
    const shownInterval = interval === null ? `too few rounds (${roundsNeeded} or more give one)` : `${interval.low.toFixed(2)}–${interval.high.toFixed(2)} (${(interval.confidence * 100).toFixed(1)}%)`;
    rows.push([`${framework} adapter`, ...cells(hook), cpuRatio.toFixed(2), shownInterval, (hook.rps / bare.rps).toFixed(2)]);
    verdicts.push(`${framework}: ${verdict(cpuRatio, interval, roundsNeeded)}`);
    console.log(`${framework}: adapter/bare CPU per round ${perRound.map((ratio) => ratio.toFixed(2)).join(', ')}`);
    if (atOnce) console.log(`${framework}: per pair of rounds (geometric mean) ${samples.map((ratio) => ratio.toFixed(3)).join(', ')}`);
  }

  const table = [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
  console.log(`\n${table}\n`);
  if (atOnce) {
    console.log(
      'With --at-once each CPU column is a median over rounds run by both server processes, which can differ ' +
        'by 10% or more: the ratio, taken within each pair of rounds, is the figure to compare.\n',
    );
  }
  console.log(`CPU per request, adapter ≤ ${TARGET.toFixed(2)}× bare (issue 12):\n${verdicts.map((line) => `- ${line}`).join('\n')}\n`);
  if (problems > 0) {
    console.error(`bench:http: ${problems} errors, non-2xx answers or callback mismatches`);
    process.exitCode = 1;
  }
}

// Last, once every declaration above exists. The child: serve one framework, report its port,
// answer "how many callbacks ran, how much CPU was used".
const serving = process.env[SERVE_ENV];
if (serving !== undefined && process.send !== undefined) {
  const port = await startTarget(serving as Framework);
  process.send?.({ type: 'ready', port } satisfies ChildMessage);
  process.on('message', (message: { type: string }) => {
    if (message.type === 'calls') {
      const cpu = process.cpuUsage();
      process.send?.({ type: 'calls', count: callbackCalls.count, cpuMicros: cpu.user + cpu.system } satisfies ChildMessage);
    }
    if (message.type === 'exit') process.exit(0);
  });
} else {
  await main();
}
