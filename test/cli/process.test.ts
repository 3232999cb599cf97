// What only the real process shows: the built executable, signals, a reader that goes away,
// colour settings from the environment. Everything else runs in-process (see in-process.ts).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { examples } from '../../src/testing/index.js';
import { fixturesDir } from '../helpers/fixtures.js';
import { assertBuilt, cliPath, plainEnv, runCli, startListen } from './run-cli.js';

const ESC = '\u001b';
const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
  bin?: Record<string, string>;
};

beforeAll(assertBuilt);

describe('the built executable', () => {
  it('is the package.json bin, starts with a shebang, and prints the version', async () => {
    expect(manifest.bin?.['blinger-webhooks']).toBe('./dist/cli.js');
    expect(readFileSync(cliPath, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    const result = await runCli(['--version']);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`${manifest.version}\n`);
  });

  it('a usage error exits 2 through the process exit code', async () => {
    const result = await runCli(['validate', '--no-such-option']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("Unknown option '--no-such-option'");
  });
});

describe('a reader that stops reading (| head -1): a quiet exit, as cat does', () => {
  const closed = join(fixturesDir, 'documented', 'on_conversation_closed.json');
  const pipelines: Array<[string, string]> = [
    ['examples on_conversation_closed', `examples on_conversation_closed`],
    ['validate --verbose', `validate --verbose '${closed}'`],
  ];
  const bash = (script: string) => spawnSync('bash', ['-c', script], { encoding: 'utf8', env: plainEnv() });

  it.each(pipelines)('%s | head -1: the first line, status 0 or 141, nothing on stderr', (_name, args) => {
    const result = bash(`'${process.execPath}' '${cliPath}' ${args} | head -1; echo "status=\${PIPESTATUS[0]}"`);
    const [first, status] = result.stdout.trim().split('\n');
    expect(first).toMatch(/^(\{|on_conversation_closed conversation=181 )/);
    expect(['status=0', 'status=141']).toContain(status);
    expect(result.stderr).toBe('');
  });

  // `true` exits without reading, before Node has started: every write meets a closed pipe.
  it.each(pipelines)('%s | true: EPIPE on the first write, status 141, no stack trace', (_name, args) => {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const result = bash(`'${process.execPath}' '${cliPath}' ${args} | true; echo "status=\${PIPESTATUS[0]}"`);
      expect(result.stdout.trim()).toBe('status=141');
      expect(result.stderr).toBe('');
    }
  });
});

describe('listen as a process', () => {
  it('Ctrl-C (SIGINT) stops it with exit status 0 while a keep-alive connection is open', async () => {
    const listener = await startListen();
    const answer = await fetch(listener.url, { method: 'POST', body: JSON.stringify(examples.on_user_new) });
    expect(answer.status).toBe(200);
    await listener.waitFor(' 200 POST / on_user_new');
    const stopped = await listener.interrupt();
    expect(stopped.status).toBe(0);
    expect(stopped.signal).toBeNull();
    expect(stopped.stderr).toContain('Stopping');
  });

  it('a second Ctrl-C quits at once, killed by SIGINT (a shell shows 130), without waiting for a delivery in progress', async () => {
    const listener = await startListen();
    // A delivery whose sender stopped mid-body: the first Ctrl-C would wait up to 5 s for it.
    const socket = connect(listener.port, '127.0.0.1');
    socket.on('error', () => {});
    socket.write('POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"webhook":');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const startedAt = Date.now();
    const stopped = listener.interrupt();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const quit = await listener.interrupt();
    expect(await stopped).toBe(quit);
    expect(Date.now() - startedAt).toBeLessThan(4_000);
    expect(quit.signal).toBe('SIGINT');
    expect(quit.stderr).toContain('answering 1 delivery in progress first');
    socket.destroy();
  });
});

describe('colour from the environment', () => {
  const file = join(fixturesDir, 'documented', 'on_user_new.json');

  it('none when stdout is not a terminal; FORCE_COLOR forces it; NO_COLOR wins', async () => {
    const plain = await runCli(['validate', file]);
    expect(plain.stdout).not.toContain(ESC);
    const forced = await runCli(['validate', file], { env: plainEnv({ FORCE_COLOR: '1' }) });
    expect(forced.stdout).toContain(`${ESC}[1m`);
    const both = await runCli(['validate', file], { env: plainEnv({ FORCE_COLOR: '1', NO_COLOR: '1' }) });
    expect(both.stdout).toBe(plain.stdout);
  });
});
