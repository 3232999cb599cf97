/**
 * A real `redis-server` for the scale tests: started on a free port of 127.0.0.1, without
 * persistence, and stopped after. Debian's `redis-server` package provides it (`.ci/run` installs it).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';

/** The path of `redis-server`, or `undefined` when it is not installed. */
export const findRedisServer = (): string | undefined => {
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  const path = found.stdout.trim();
  return found.status === 0 && path !== '' ? path : undefined;
};

/** The message shown when the Redis tests are skipped. */
export const REDIS_MISSING =
  'redis-server is not installed: the Redis scale tests are SKIPPED (apt-get install -y redis-server; .ci/run does it)';

export interface RunningRedis {
  readonly port: number;
  /** `redis://127.0.0.1:<port>` */
  readonly url: string;
  stop(): Promise<void>;
}

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });

const launch = (binary: string, port: number): Promise<ChildProcess> =>
  new Promise((resolve, reject) => {
    const child = spawn(binary, [
      '--port', String(port),
      '--bind', '127.0.0.1',
      '--save', '',
      '--appendonly', 'no',
      '--protected-mode', 'yes',
      '--loglevel', 'notice',
      '--logfile', '',
    ]);
    let output = '';
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      if (output.includes('Ready to accept connections')) resolve(child);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`redis-server exited (${code}) on port ${port}:\n${output}`)));
  });

/**
 * Starts `redis-server` on a free port (or on `fixedPort`, to restart one); retries on another port
 * if the chosen one was taken meanwhile.
 */
export const startRedis = async (binary: string, fixedPort?: number): Promise<RunningRedis> => {
  let lastError: unknown;
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = fixedPort ?? (await freePort());
    try {
      const child = await launch(binary, port);
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      // A test that dies must not leave its Redis running.
      const killOnExit = (): void => void child.kill('SIGKILL');
      process.once('exit', killOnExit);
      return {
        port,
        url: `redis://127.0.0.1:${port}`,
        stop: async () => {
          process.off('exit', killOnExit);
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
          await exited;
        },
      };
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
};
