/**
 * Child processes for the scale tests and the queue benchmark: endpoint instances and workers,
 * each a separate `node` process, read through what they print.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** The repository root: the nearest folder up with this package's package.json (also from a bundle in node_modules/.cache). */
export const root = ((): string => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) || !readFileSync(join(dir, 'package.json'), 'utf8').includes('"name": "blinger-webhooks"')) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('repository root not found');
    dir = parent;
  }
  return `${dir}/`;
})();

export interface RunningProcess {
  readonly child: ChildProcess;
  /** Everything printed so far. */
  output(): string;
  /** Resolves with the first match of `pattern` in the output; rejects if the process exits first. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
  /** Resolves with the exit code (or null when killed by a signal). */
  readonly exited: Promise<number | null>;
  /** SIGTERM, then SIGKILL after `graceMs`, and waits for the exit. */
  stop(graceMs?: number): Promise<void>;
}

/** Starts `node <script>` in the repository root with extra environment variables. */
export const startProcess = (script: string, env: Readonly<Record<string, string>>): RunningProcess => {
  const child = spawn(process.execPath, [script], { cwd: root, env: { ...process.env, NO_COLOR: '1', ...env } });
  let output = '';
  const waiters = new Set<() => void>();
  const wake = (): void => {
    for (const waiter of [...waiters]) waiter();
  };
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
    wake();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
    wake();
  });
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  void exited.then(wake);
  const killOnExit = (): void => void child.kill('SIGKILL');
  process.once('exit', killOnExit);
  void exited.then(() => process.off('exit', killOnExit));

  const waitFor = (pattern: RegExp, timeoutMs = 30_000): Promise<RegExpExecArray> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`${script}: no ${pattern} within ${timeoutMs} ms:\n${output}`));
      }, timeoutMs);
      const check = (): void => {
        const match = pattern.exec(output);
        if (match !== null) {
          waiters.delete(check);
          clearTimeout(timer);
          resolve(match);
        } else if (child.exitCode !== null || child.signalCode !== null) {
          waiters.delete(check);
          clearTimeout(timer);
          reject(new Error(`${script} exited before printing ${pattern}:\n${output}`));
        }
      };
      waiters.add(check);
      check();
    });

  const stop = async (graceMs = 5000): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  };
  return { child, output: () => output, waitFor, exited, stop };
};

/** Starts an endpoint process and resolves with it and the URL it printed. */
export const startEndpoint = async (
  script: string,
  env: Readonly<Record<string, string>>,
): Promise<{ process: RunningProcess; url: string }> => {
  const running = startProcess(script, { PORT: '0', HOST: '127.0.0.1', ...env });
  const [, url] = await running.waitFor(/Listening on (http:\/\/127\.0\.0\.1:\d+\/\S*)/);
  return { process: running, url: url! };
};

/** Runs `tasks` with at most `limit` in flight, keeping their order in the results. */
export const pool = async <T>(tasks: ReadonlyArray<() => Promise<T>>, limit: number): Promise<T[]> => {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, lane));
  return results;
};

/** The value at quantile `q` (0..1) of `values`. */
export const quantile = (values: readonly number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
};

/** Bundles test/scale/dedupe-endpoint.ts (the package from src, dependencies external) and returns the script's path. */
export const bundleDedupeEndpoint = async (): Promise<string> => {
  const outfile = join(root, 'node_modules/.cache/blinger-webhooks/dedupe-endpoint.mjs');
  await build({
    entryPoints: [join(root, 'test/scale/dedupe-endpoint.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile,
    logLevel: 'warning',
  });
  return outfile;
};
