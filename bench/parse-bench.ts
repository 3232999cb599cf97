/**
 * `npm run bench`: parseWebhook against JSON.parse alone, plain io-ts decode, zod 4, valibot and
 * ajv, on every documented event and a 300-message closed conversation, valid and invalid, and on
 * the wire quirks of a PHP/MySQL sender (one row per rule, and the 300-message conversation with
 * every id a string).
 *
 * Method: rounds × cases × tasks. In every round each case runs all six tasks back to back in a
 * shuffled order, each for a short tinybench slice (5 ms), so the tasks share the machine's
 * state of the moment; a task's ratio to JSON.parse is taken within the round (from the median
 * sample of each slice), and the reported ratio is the median over many rounds. The machines
 * are shared and noisy: short slices and many rounds keep a burst of load from landing on one
 * task only. Each task call runs the operation a fixed number of times (sized so a call takes
 * about 20 µs) so timer overhead does not flatten the ratios.
 *
 * Options: --rounds N (default 40), --time MS per task slice (default 5), --only TEXT (cases
 * whose label contains TEXT), --readme (write the results into bench/README.md).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, type as osType, release } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Bench } from 'tinybench';
import * as v from 'valibot';
import { BlingerWebhook } from '../src/codecs/events.js';
import { parseWebhook } from '../src/parse.js';
import { type BenchCase, benchCases } from './cases.js';
import { ajvWebhook } from './schemas/ajv.js';
import { valibotWebhook } from './schemas/valibot.js';
import { zodWebhook } from './schemas/zod.js';

const { values: options } = parseArgs({
  options: {
    rounds: { type: 'string', default: '40' },
    time: { type: 'string', default: '5' },
    only: { type: 'string' },
    readme: { type: 'boolean', default: false },
  },
});
const rounds = Number(options.rounds);
const timeMs = Number(options.time);

let sink: unknown;

/**
 * What each task does with the delivery body, `times` times in a row. Each task has its own loop
 * so that its call site sees one function only (as in an application), rather than one shared
 * loop calling all six through a megamorphic call. Results go to a sink so nothing is optimised
 * away.
 */
const tasks = {
  'JSON.parse': (json: string, times: number) => {
    for (let i = 0; i < times; i++) sink = JSON.parse(json);
  },
  parseWebhook: (json: string, times: number) => {
    for (let i = 0; i < times; i++) sink = parseWebhook(json);
  },
  'io-ts decode': (json: string, times: number) => {
    for (let i = 0; i < times; i++) sink = BlingerWebhook.decode(JSON.parse(json));
  },
  zod: (json: string, times: number) => {
    for (let i = 0; i < times; i++) sink = zodWebhook.safeParse(JSON.parse(json));
  },
  valibot: (json: string, times: number) => {
    for (let i = 0; i < times; i++) sink = v.safeParse(valibotWebhook, JSON.parse(json));
  },
  ajv: (json: string, times: number) => {
    for (let i = 0; i < times; i++) sink = ajvWebhook(JSON.parse(json));
  },
} as const;
type TaskName = keyof typeof tasks;
const taskNames = Object.keys(tasks) as TaskName[];

/**
 * Sanity check before timing: every library must reach the expected verdict on every case. The
 * codecs decode wire quirks (parseWebhook and io-ts decode accept a quirky payload); the zod,
 * valibot and ajv schemas model the canonical form only and refuse it.
 */
const expectedVerdict = (benchCase: BenchCase, task: TaskName): boolean =>
  benchCase.kind === 'quirky' ? task === 'parseWebhook' || task === 'io-ts decode' : benchCase.valid;

const verdicts = (json: string): Record<TaskName, boolean | undefined> => ({
  'JSON.parse': undefined,
  parseWebhook: parseWebhook(json)._tag === 'Right',
  'io-ts decode': BlingerWebhook.decode(JSON.parse(json))._tag === 'Right',
  zod: zodWebhook.safeParse(JSON.parse(json)).success,
  valibot: v.safeParse(valibotWebhook, JSON.parse(json)).success,
  ajv: ajvWebhook(JSON.parse(json)),
});

/** How many operations one task call runs: enough for about 20 µs of JSON.parse. */
const batchSize = (json: string): number => {
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < 20) {
    sink = JSON.parse(json);
    n++;
  }
  const nsPerParse = (20 * 1e6) / n;
  return Math.max(1, Math.round(Number(process.env.BENCH_BATCH_NS ?? 20_000) / nsPerParse));
};

// A small deterministic PRNG (mulberry32) for the task order of each round.
const random = (() => {
  let state = 0x5eed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let x = Math.imul(state ^ (state >>> 15), 1 | state);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
})();
const shuffled = <A>(items: readonly A[]): A[] => {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
};

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

interface CaseSamples {
  readonly benchCase: BenchCase;
  readonly batch: number;
  /** ns per operation of each task, one entry per round. */
  readonly ns: Record<TaskName, number[]>;
}

/** Runs one round of one case: the six tasks in a shuffled order; returns ns/op per task. */
const runRound = (samples: CaseSamples, warmup: boolean): void => {
  const bench = new Bench({ time: timeMs, iterations: 5, warmup, warmupTime: 50, warmupIterations: 20 });
  const { json } = samples.benchCase;
  const batch = samples.batch;
  for (const name of shuffled(taskNames)) {
    const task = tasks[name];
    bench.add(name, () => task(json, batch));
  }
  bench.runSync();
  for (const task of bench.tasks) {
    const result = task.result;
    if (result.state !== 'completed') throw new Error(`bench: task ${task.name} ${result.state}`);
    samples.ns[task.name as TaskName].push((result.latency.p50 * 1e6) / batch);
  }
};

const selected = benchCases(join(process.cwd(), 'fixtures')).filter(
  (benchCase) => options.only === undefined || benchCase.label.includes(options.only),
);

for (const benchCase of selected) {
  for (const [name, verdict] of Object.entries(verdicts(benchCase.json))) {
    if (verdict !== undefined && verdict !== expectedVerdict(benchCase, name as TaskName)) {
      throw new Error(`bench: ${name} says ${verdict ? 'valid' : 'invalid'} for "${benchCase.label}"`);
    }
  }
}

const allSamples: CaseSamples[] = selected.map((benchCase) => ({
  benchCase,
  batch: batchSize(benchCase.json),
  ns: Object.fromEntries(taskNames.map((name) => [name, []])) as unknown as Record<TaskName, number[]>,
}));

// One untimed pass warms every task on every case up, so that the functions have seen every event
// (as a server receiving all of them would) before anything is measured.
for (const samples of allSamples) runRound(samples, true);
for (const samples of allSamples) for (const name of taskNames) samples.ns[name].length = 0;

const started = Date.now();
for (let round = 1; round <= rounds; round++) {
  for (const samples of allSamples) runRound(samples, false);
  if (round % 10 === 0 || round === rounds) {
    process.stderr.write(`round ${round}/${rounds} (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
  }
}
void sink;

/** Median over rounds of the per-round ratio of two tasks. */
const ratio = (samples: CaseSamples, task: TaskName, base: TaskName): number =>
  median(samples.ns[task].map((ns, round) => ns / samples.ns[base][round]!));

const TARGET = { canonical: 1.1, quirky: 3, invalid: 3 };

const formatNs = (ns: number): string =>
  ns >= 100_000 ? `${(ns / 1000).toFixed(0)} µs` : ns >= 10_000 ? `${(ns / 1000).toFixed(1)} µs` : `${ns.toFixed(0)} ns`;

const row = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
const header = (first: string): string[] => [
  row([first, ...taskNames]),
  row([first.replace(/./g, '-').slice(0, 3), ...taskNames.map(() => '---:')]),
];

const caseLabel = (samples: CaseSamples): string =>
  `${samples.benchCase.kind}: ${samples.benchCase.label} (${samples.benchCase.json.length} B)`;

const tableNs = [
  ...header('case (JSON size)'),
  ...allSamples.map((samples) =>
    row([caseLabel(samples), ...taskNames.map((name) => formatNs(median(samples.ns[name])))]),
  ),
];
const tableRatio = (base: TaskName): string[] => [
  ...header('case'),
  ...allSamples.map((samples) =>
    row([caseLabel(samples), ...taskNames.map((name) => `${ratio(samples, name, base).toFixed(2)}×`)]),
  ),
];

const verdictRows = allSamples.map((samples) => {
  const value = ratio(samples, 'parseWebhook', 'JSON.parse');
  const target = TARGET[samples.benchCase.kind];
  return { label: caseLabel(samples), value, target, ok: value <= target };
});
const targetTable = [
  row(['case', 'parseWebhook ÷ JSON.parse', 'target', 'met']),
  row(['---', '---:', '---:', ':-:']),
  ...verdictRows.map((r) => row([r.label, `${r.value.toFixed(3)}×`, `≤ ${r.target.toFixed(2)}×`, r.ok ? 'yes' : '**no**'])),
];
const allMet = verdictRows.every((r) => r.ok);

const cpuList = cpus();
const machine = `${cpuList[0]?.model.trim() ?? 'unknown CPU'}, ${cpuList.length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, ${osType()} ${release()}`;
const report = [
  `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC · Node ${process.version} · ${machine}`,
  `${rounds} interleaved rounds, ${timeMs} ms per task slice; ratios are medians of per-round ratios.`,
  '',
  `### Targets: ${allMet ? 'all met' : 'NOT all met'}`,
  '',
  ...targetTable,
  '',
  '### Ratio to JSON.parse alone (median of per-round ratios)',
  '',
  ...tableRatio('JSON.parse'),
  '',
  '### Ratio to ajv',
  '',
  ...tableRatio('ajv'),
  '',
  '### ns per operation (median over rounds; noisy, compare ratios)',
  '',
  ...tableNs,
].join('\n');

console.log(report);

if (options.readme) {
  const path = join(process.cwd(), 'bench', 'README.md');
  const readme = readFileSync(path, 'utf8');
  const start = '<!-- results:start -->';
  const end = '<!-- results:end -->';
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) throw new Error('bench/README.md has no results markers');
  writeFileSync(path, `${readme.slice(0, from + start.length)}\n${report}\n${readme.slice(to)}`);
  console.error('wrote the results into bench/README.md');
}
