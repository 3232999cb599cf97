// The CLI's `send` under Bun, and against Bun's server: Bun.serve closes the connection as soon as
// it has answered 413, with the rest of the body unread, and a client that is still sending loses
// the answer (test/runtimes/bun.test.ts). `send` asks first for bodies over 1 MiB
// (Expect: 100-continue), so the 413 comes before any of the body is sent.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, cliPath, type CliResult } from './run-cli.js';

const root = join(import.meta.dirname, '../..');
const bun = join(root, 'node_modules/.bin/bun');
const env = { ...process.env, NO_COLOR: '1', DO_NOT_TRACK: '1', BUN_RUNTIME_TRANSPILER_CACHE_PATH: '0' };

/** Runs the built CLI with `runtime` (node or bun), feeding `input` to stdin. */
const runWith = (runtime: string, args: readonly string[], input: Uint8Array = new Uint8Array()): Promise<CliResult> =>
  new Promise((resolve, reject) => {
    const child = spawn(runtime, [cliPath, ...args], { env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr }));
    child.stdin.end(input);
  });

let scratch = '';
let server: ChildProcess | undefined;
let url = '';

beforeAll(async () => {
  assertBuilt();
  scratch = mkdtempSync(join(tmpdir(), 'blinger-cli-bun-'));
  const script = join(scratch, 'server.mjs');
  writeFileSync(
    script,
    `import { toFetchHandler } from ${JSON.stringify(join(root, 'dist/index.js'))};
const handler = toFetchHandler(() => {});
const server = Bun.serve({ port: 0, hostname: '127.0.0.1', fetch: (request) => handler(request) });
console.log(server.port);
`,
  );
  const started = spawn(bun, ['--no-install', script], { env });
  server = started;
  const port = await new Promise<string>((resolve, reject) => {
    started.stdout.setEncoding('utf8').once('data', (line: string) => resolve(line.trim()));
    started.once('exit', (status) => reject(new Error(`Bun.serve exited with ${status}`)));
  });
  url = `http://127.0.0.1:${port}/`;
}, 60_000);
afterAll(() => {
  server?.kill();
  rmSync(scratch, { recursive: true, force: true });
});

const sixMiB = new Uint8Array(6 * 1024 * 1024).fill(0x61);

describe.each([
  ['node', process.execPath],
  ['bun', bun],
])('send run by %s', (_name, runtime) => {
  it('a 6 MiB body to Bun.serve: the 413 it answered, every time', async () => {
    for (let attempt = 0; attempt < 4; attempt += 1) {
      const result = await runWith(runtime, ['send', url, '--file', '-'], sixMiB);
      expect(result.stderr).toBe('');
      expect(result.stdout).toContain('413 Payload Too Large');
      expect(result.stdout).toContain('"error":"payload_too_large"');
      expect(result.status).toBe(1);
    }
  });

  it('a refused connection says ECONNREFUSED', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const result = await runWith(runtime, ['send', `http://127.0.0.1:${port}/`]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('connection refused (ECONNREFUSED)');
  });

  it('a documented event to Bun.serve: 200', async () => {
    const result = await runWith(runtime, ['send', url, '--event', 'on_conversation_closed']);
    expect(result.stdout).toContain('200 OK');
    expect(result.status).toBe(0);
  });
});
