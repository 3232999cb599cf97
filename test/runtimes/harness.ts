/**
 * Starts the apps in test/runtimes/apps on their real runtime and sends them deliveries.
 * Every runtime runs offline: the apps load the built package through a link in their own
 * node_modules, and each runtime's update checks and telemetry are turned off by the caller.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readlinkSync, rmSync, symlinkSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const appsDir = join(root, 'test/runtimes/apps');
export const bin = (name: string): string => join(root, 'node_modules/.bin', name);

/** What every runtime's child process gets: no telemetry, no update checks, no installs. */
export const offlineEnv = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({
  ...process.env,
  NO_COLOR: '1',
  FORCE_COLOR: '0',
  DO_NOT_TRACK: '1',
  // An `npm install` started by a tool (Next.js installs missing type packages) fails instead of downloading.
  npm_config_offline: 'true',
  ...extra,
});

/**
 * Links `<app>/node_modules/blinger-webhooks` to the repository, so the app imports the package by
 * its name and gets the built `dist/` through `exports`, as an installed copy would.
 */
export const linkPackage = (app: string): string => {
  const appDir = join(appsDir, app);
  if (!existsSync(join(root, 'dist/index.js'))) throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
  const modules = join(appDir, 'node_modules');
  mkdirSync(modules, { recursive: true });
  const link = join(modules, 'blinger-webhooks');
  const target = relative(modules, root);
  let current: string | undefined;
  try {
    current = readlinkSync(link);
  } catch {
    current = undefined;
  }
  if (current !== target) {
    rmSync(link, { recursive: true, force: true });
    symlinkSync(target, link, 'dir');
  }
  return appDir;
};

/** A port that was free a moment ago, for runtimes that cannot report the one they bound. */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });

export interface RunningProcess {
  readonly child: ChildProcess;
  output(): string;
  /** Resolves with the exit code; `null` when ended by a signal. */
  readonly exited: Promise<number | null>;
  /** Ends the process and every process it started (its process group). */
  stop(): Promise<void>;
}

/** Runs a command in its own process group, collecting stdout and stderr. */
export const run = (command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): RunningProcess => {
  const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk: Buffer): void => {
    output += chunk.toString('utf8');
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | null>((resolve) => {
    child.once('error', (error) => {
      output += `\n${String(error)}`;
      resolve(-1);
    });
    child.once('close', (code) => resolve(code));
  });
  const signalGroup = (signal: NodeJS.Signals): void => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, signal);
    } catch {
      // The group is gone already.
    }
  };
  const stop = async (): Promise<void> => {
    signalGroup('SIGTERM');
    const timer = setTimeout(() => signalGroup('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
    // Children that outlive the leader (Next.js's server, workerd) are in the same group.
    signalGroup('SIGKILL');
  };
  return { child, output: () => output, exited, stop };
};

/** Runs a command to its end; rejects with its output when it fails. */
export const runToEnd = async (command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<string> => {
  const process = run(command, args, cwd, env);
  const code = await process.exited;
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited ${code}:\n${process.output()}`);
  return process.output();
};

/**
 * Waits until `GET <url>/events` answers 200, failing at once if the process exits and after
 * `timeoutMs` otherwise: a runtime that cannot start fails its test.
 */
export const waitUntilServing = async (server: RunningProcess, url: string, timeoutMs: number): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  void server.exited.then((code) => {
    exitCode = code;
  });
  for (;;) {
    if (exitCode !== undefined) throw new Error(`the runtime exited (${exitCode}) before serving:\n${server.output()}`);
    try {
      const response = await fetch(`${url}/events`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`the runtime did not serve ${url}/events within ${timeoutMs} ms:\n${server.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
};

/**
 * Starts a server on free ports (`start(ports)`) and waits until it serves `GET /events` on the
 * first. Ports are free when picked but not reserved, so another process may take one first: only
 * then (the runtime says the address is in use) is it started once more, on new ports.
 */
export const serve = async (
  portCount: number,
  start: (ports: readonly number[]) => RunningProcess,
  timeoutMs: number,
): Promise<{ readonly url: string; readonly server: RunningProcess }> => {
  for (let attempt = 1; ; attempt += 1) {
    const ports: number[] = [];
    for (let index = 0; index < portCount; index += 1) ports.push(await freePort());
    const server = start(ports);
    const url = `http://127.0.0.1:${ports[0]}`;
    try {
      await waitUntilServing(server, url, timeoutMs);
      return { url, server };
    } catch (error) {
      await server.stop();
      if (attempt === 1 && /EADDRINUSE|address already in use/i.test(server.output())) continue;
      throw error;
    }
  }
};

export interface Answer {
  readonly status: number;
  readonly body: string;
}

/**
 * How a body is sent: with its Content-Length (`declared`), the same after waiting for the
 * server's `100 Continue` (`expect-continue`, as curl does for large bodies), or without a length
 * in 64 KiB chunks (`chunked`), stopping once answered.
 */
export type Framing = 'declared' | 'expect-continue' | 'chunked';

/**
 * Sends one request with node:http and reads the answer, even when the server answers before it
 * has read the whole body and then closes (a 413): the write error that follows is expected.
 */
export const send = (url: string, method: string, body?: Uint8Array, framing: Framing = 'declared'): Promise<Answer> =>
  new Promise((resolve, reject) => {
    let answered = false;
    const chunked = framing === 'chunked';
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (body !== undefined) {
      if (chunked) headers['transfer-encoding'] = 'chunked';
      else headers['content-length'] = String(body.byteLength);
      if (framing === 'expect-continue') headers.expect = '100-continue';
    }
    const request = httpRequest(url, { method, headers, agent: false, timeout: 20_000 }, (response) => {
      answered = true;
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        text += chunk;
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
      response.on('error', reject);
    });
    request.on('timeout', () =>
      request.destroy(Object.assign(new Error(`no answer from ${method} ${url} (${framing}) within 20 s`), { code: 'TIMEOUT' })),
    );
    request.on('error', (error) => {
      if (!answered) reject(error);
    });
    if (body === undefined) {
      request.end();
      return;
    }
    if (framing === 'expect-continue') {
      request.once('continue', () => request.end(body));
      return;
    }
    if (!chunked) {
      request.end(body);
      return;
    }
    const chunkSize = 64 * 1024;
    let offset = 0;
    const writeMore = (): void => {
      while (!answered && !request.destroyed && offset < body.byteLength) {
        const chunk = body.subarray(offset, offset + chunkSize);
        offset += chunk.byteLength;
        if (!request.write(chunk)) {
          request.once('drain', writeMore);
          return;
        }
      }
      if (!request.destroyed && !request.writableEnded) request.end();
    };
    writeMore();
  });

/** What the app's callbacks have recorded so far (`GET /events`). */
export const recorded = async (url: string): Promise<string[]> => {
  const answer = await send(`${url}/events`, 'GET');
  if (answer.status !== 200) throw new Error(`GET /events answered ${answer.status}: ${answer.body}`);
  return JSON.parse(answer.body) as string[];
};

/** Polls `GET /events` until `done` holds, for work that finishes after the answer. */
export const recordedWhen = async (url: string, done: (events: string[]) => boolean, timeoutMs = 15_000): Promise<string[]> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const events = await recorded(url);
    if (done(events) || Date.now() > deadline) return events;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};
