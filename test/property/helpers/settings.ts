/**
 * Run settings shared by the property tests: one fixed seed (FC_SEED, or a constant) so that a
 * failure reproduces, and run counts that `npm run fuzz` raises through FC_NUM_RUNS.
 */
import fc from 'fast-check';

const DEFAULT_SEED = 20_240_611;

const readInteger = (name: string): number | undefined => {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = Number(raw);
  if (!Number.isSafeInteger(value)) throw new Error(`${name} must be an integer, got ${JSON.stringify(raw)}`);
  return value;
};

/** The seed every property of this run uses. */
export const seed = readInteger('FC_SEED') ?? DEFAULT_SEED;

// The run count of the main properties in `npm test`; the others run proportionally fewer.
const BASE_RUNS = 3000;

/**
 * How many cases a property runs: `defaultRuns` in `npm test`. FC_NUM_RUNS (`npm run fuzz`) sets
 * the run count of the main properties (default 3000) and scales every other property by the same
 * factor, so the expensive ones (every field of an event broken in every way) stay proportionate.
 */
export const runs = (defaultRuns: number): number => {
  const override = readInteger('FC_NUM_RUNS');
  return override === undefined ? defaultRuns : Math.max(1, Math.round((defaultRuns * override) / BASE_RUNS));
};

/**
 * fc.assert with the shared seed. fast-check's failure message already carries the seed and the
 * shrink path; this adds how to replay the whole run.
 */
export const check = <Ts extends [unknown, ...unknown[]]>(
  property: fc.IProperty<Ts>,
  numRuns: number,
): void => {
  try {
    fc.assert(property, { seed, numRuns });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const runsEnv = process.env.FC_NUM_RUNS ? ` FC_NUM_RUNS=${process.env.FC_NUM_RUNS}` : '';
    throw new Error(`${reason}\n\nSeed ${seed}, ${numRuns} runs. Replay: FC_SEED=${seed}${runsEnv} npx vitest run test/property`, {
      cause: error,
    });
  }
};
