#!/usr/bin/env node
/**
 * `npm run fuzz`: the property tests of test/property with many more cases than `npm test`.
 *
 *   FC_NUM_RUNS  run count of the main properties (default 100000; `npm test` uses 3000),
 *                the other properties scaled by the same factor.
 *   FC_SEED      seed to replay (default: a fresh random seed, printed first).
 *
 * A failure prints the seed and the counterexample; replay it with the printed command.
 */
import { spawnSync } from 'node:child_process';

const seed = process.env.FC_SEED ?? String(Math.floor(Math.random() * 2 ** 31));
const numRuns = process.env.FC_NUM_RUNS ?? '100000';

console.log(`fuzz: FC_SEED=${seed} FC_NUM_RUNS=${numRuns}`);
const started = Date.now();
const result = spawnSync(
  'npx',
  ['vitest', 'run', 'test/property', '--testTimeout=7200000', '--typecheck.enabled=false', ...process.argv.slice(2)],
  { stdio: 'inherit', env: { ...process.env, FC_SEED: seed, FC_NUM_RUNS: numRuns } },
);
const seconds = Math.round((Date.now() - started) / 1000);
console.log(`fuzz: ${result.status === 0 ? 'passed' : 'FAILED'} in ${seconds} s (FC_SEED=${seed} FC_NUM_RUNS=${numRuns})`);
process.exit(result.status ?? 1);
