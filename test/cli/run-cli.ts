import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The built CLI: these tests exercise exactly what `npx blinger-webhooks` runs. */
export const cliPath = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

export const assertBuilt = (): void => {
  if (!existsSync(cliPath)) throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does)');
};

export interface CliResult {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The environment without colour settings inherited from the terminal running the tests. */
export const plainEnv = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => {
  const env = { ...process.env };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  return { ...env, ...extra };
};

/** Runs `node dist/cli.js ...args` to completion. */
export const runCli = (
  args: readonly string[],
  options: { input?: string | Uint8Array; env?: NodeJS.ProcessEnv } = {},
): Promise<CliResult> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], { env: options.env ?? plainEnv() });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });

/** A running `listen`, its output so far, and a way to wait for more. */
export interface Listener {
  readonly child: ChildProcess;
  readonly port: number;
  readonly url: string;
  output(): string;
  /** Resolves once stdout contains `text` (the delivery lines arrive after the answer). */
  waitFor(text: string | RegExp): Promise<void>;
  /** Sends SIGINT and resolves to the exit status. */
  interrupt(): Promise<CliResult>;
}

/** Starts `listen --port 0 ...args` and parses the port it prints. */
export const startListen = (args: readonly string[] = [], env: NodeJS.ProcessEnv = plainEnv()): Promise<Listener> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, 'listen', '--port', '0', ...args], { env });
    let stdout = '';
    let stderr = '';
    let started = false;
    const waiters: Array<() => void> = [];
    const exited = new Promise<CliResult>((done) =>
      child.on('close', (status, signal) => {
        done({ status, signal, stdout, stderr });
        for (const waiter of waiters.splice(0)) waiter();
      }),
    );
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      for (const waiter of waiters.splice(0)) waiter();
      const match = /http:\/\/127\.0\.0\.1:(\d+)(\S*)/.exec(stdout);
      if (match !== null && !started) {
        started = true;
        const port = Number(match[1]);
        const contains = (text: string | RegExp) => (typeof text === 'string' ? stdout.includes(text) : text.test(stdout));
        resolve({
          child,
          port,
          url: `http://127.0.0.1:${port}`,
          output: () => stdout,
          waitFor: (text) =>
            new Promise<void>((ready, fail) => {
              const check = (): void => {
                if (contains(text)) ready();
                else if (child.exitCode !== null || child.signalCode !== null) fail(new Error(`listen exited; output:\n${stdout}${stderr}`));
                else waiters.push(check);
              };
              check();
            }),
          interrupt: () => {
            child.kill('SIGINT');
            return exited;
          },
        });
      }
    });
    void exited.then((result) => {
      if (!started) reject(new Error(`listen exited before listening (${result.status}): ${result.stderr}`));
    });
  });
