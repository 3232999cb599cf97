/**
 * The options of `npm run bench:http`, checked before anything starts: a value it cannot use is an
 * error naming the option, not a table of NaN, and `--only` that names no framework is one too.
 */
import { parseArgs } from 'node:util';

export interface BenchOptions<Framework extends string> {
  /** Seconds of load per route per round. */
  readonly duration: number;
  /** Alternating rounds per framework. */
  readonly rounds: number;
  /** Seconds of load per route before the rounds. */
  readonly warmup: number;
  /** autocannon's connections. */
  readonly connections: number;
  /** The fixture sent: the documented incoming message or the 300-message closed conversation. */
  readonly payloadFile: string;
  /** The frameworks to measure, in the order given. */
  readonly frameworks: readonly Framework[];
  /**
   * Both routes at once, in two server processes, instead of one server and alternating rounds:
   * what else the machine does weighs on both routes alike (`--at-once`).
   */
  readonly atOnce: boolean;
}

export const BENCH_USAGE =
  'usage: npm run bench:http -- [--duration S] [--rounds N] [--warmup S] [--connections N] [--payload message|closed] [--only TEXT] [--at-once]';

const PAYLOADS: Readonly<Record<string, string>> = {
  message: 'fixtures/documented/on_message_incoming.json',
  closed: 'fixtures/valid/conversation_closed_300_messages.json',
};

const numberOption = (name: string, text: string, check: (value: number) => boolean, what: string): number => {
  const value = Number(text);
  if (text.trim() === '' || !check(value)) throw new Error(`--${name} must be ${what}, not ${JSON.stringify(text)}`);
  return value;
};

const wholeAtLeast = (least: number) => (value: number) => Number.isSafeInteger(value) && value >= least;

/** Reads the command line; throws an `Error` whose message says which option is wrong and why. */
export const parseBenchOptions = <Framework extends string>(
  args: readonly string[],
  known: readonly Framework[],
): BenchOptions<Framework> => {
  const { values } = parseArgs({
    args: [...args],
    options: {
      duration: { type: 'string', default: '2' },
      rounds: { type: 'string', default: '12' },
      warmup: { type: 'string', default: '10' },
      connections: { type: 'string', default: '50' },
      payload: { type: 'string', default: 'message' },
      only: { type: 'string', default: '' },
      'at-once': { type: 'boolean', default: false },
    },
  });
  const payloadFile = Object.hasOwn(PAYLOADS, values.payload) ? PAYLOADS[values.payload]! : undefined;
  if (payloadFile === undefined) throw new Error(`--payload must be message or closed, not ${JSON.stringify(values.payload)}`);
  const frameworks = known.filter((name) => name.includes(values.only));
  if (frameworks.length === 0) throw new Error(`--only ${JSON.stringify(values.only)} names none of: ${known.join(', ')}`);
  const atOnce = values['at-once'];
  const rounds = numberOption('rounds', values.rounds, wholeAtLeast(1), 'a whole number from 1 (6 or more give a confidence interval; 12 or more with --at-once)');
  // --at-once takes its ratio over pairs of rounds, one in each process.
  if (atOnce && rounds % 2 !== 0) throw new Error(`--rounds must be even with --at-once (its ratios are taken over pairs of rounds), not ${rounds}`);
  return {
    duration: numberOption('duration', values.duration, (value) => Number.isFinite(value) && value > 0, 'a number of seconds above 0'),
    rounds,
    warmup: numberOption('warmup', values.warmup, (value) => Number.isFinite(value) && value >= 0, 'a number of seconds, 0 or more'),
    connections: numberOption('connections', values.connections, wholeAtLeast(1), 'a whole number from 1'),
    payloadFile,
    frameworks,
    atOnce,
  };
};
