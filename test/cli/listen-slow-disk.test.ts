/**
 * `listen --save` with a slow disk, made by holding back the write of chosen bodies (recognised by
 * their content):
 * - it prints deliveries in the order they were answered: a refused delivery is answered before its
 *   body is saved, so the next delivery's line was once printed first (seen in CI);
 * - Ctrl-C answers and saves a delivery whose save is still running, instead of dropping its
 *   connection (it used to close every connection at once).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { examples } from '../../src/testing/index.js';
import { listenInProcess } from './in-process.js';

const held = vi.hoisted(() => {
  /** Bodies whose writes wait, each until its release. */
  const bodies = new Map<string, { released: Promise<void>; release: () => void; writes: number }>();
  return {
    bodies,
    hold: (body: string) => {
      let release = (): void => {};
      const released = new Promise<void>((resolve) => {
        release = resolve;
      });
      const entry = { released, release: () => release(), writes: 0 };
      bodies.set(body, entry);
      return entry;
    },
  };
});

vi.mock('node:fs/promises', async (importOriginal) => {
  const original = await importOriginal<typeof import('node:fs/promises')>();
  const writeFile: typeof original.writeFile = async (file, data, options) => {
    const entry = data instanceof Uint8Array ? held.bodies.get(Buffer.from(data).toString('utf8')) : undefined;
    if (entry !== undefined) {
      entry.writes += 1;
      await entry.released;
    }
    return original.writeFile(file, data, options);
  };
  return { ...original, writeFile, default: { ...original, writeFile } };
});

const scratch = mkdtempSync(join(tmpdir(), 'blinger-cli-slow-disk-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const post = async (url: string, body: string): Promise<number> =>
  (await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json' } })).status;

const until = async (condition: () => boolean): Promise<void> => {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
};

const metaFiles = (dir: string): Record<string, unknown>[] =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.meta.json'))
    .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as Record<string, unknown>);

describe('listen --save: lines in the order of the answers', () => {
  it('a later delivery whose save finishes first still prints after the slow one', async () => {
    const slow = held.hold('{"slow": "this body is not JSON');
    const listener = await listenInProcess(['--save', join(scratch, 'order')]);
    try {
      expect(await post(`${listener.url}/`, '{"slow": "this body is not JSON')).toBe(400);
      expect(await post(`${listener.url}/`, JSON.stringify(examples.on_user_new))).toBe(200);
      expect(slow.writes).toBe(1);
      // The second delivery is saved and answered; its line waits for the first one's.
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(listener.output()).not.toMatch(/ 200 POST /);
      slow.release();
      await listener.waitFor((stdout) => / 400 POST [\s\S]* 200 POST /.test(stdout));
      const statuses = [...listener.output().matchAll(/ (\d{3}) POST /g)].map((match) => match[1]);
      expect(statuses).toEqual(['400', '200']);
    } finally {
      slow.release();
      await listener.stop();
    }
  });
});

describe('listen --save: Ctrl-C while deliveries are in progress', () => {
  it('answers and saves a delivery still being saved, then closes its keep-alive connection', async () => {
    const body = JSON.stringify({ ...examples.on_user_new, user: { ...examples.on_user_new.user, name: 'Saved at Ctrl-C' } });
    const slow = held.hold(body);
    const dir = join(scratch, 'stop');
    const listener = await listenInProcess(['--save', dir]);
    try {
      const answered = post(`${listener.url}/`, body);
      await until(() => slow.writes === 1);
      const stopped = listener.stop();
      await until(() => listener.io.stderr().includes('Stopping'));
      expect(listener.io.stderr()).toContain('answering 1 delivery in progress first');
      await new Promise((resolve) => setTimeout(resolve, 100));
      // Still waiting for the save: not answered, not printed, not stopped.
      expect(listener.output()).not.toMatch(/ POST \//);
      const releasedAt = Date.now();
      slow.release();
      expect(await answered).toBe(200);
      const result = await stopped;
      // Well within the 5 s grace: the connection, kept alive by fetch, closed once answered.
      expect(Date.now() - releasedAt).toBeLessThan(2_500);
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(/ 200 POST \/ on_user_new/);
      expect(result.stdout).not.toContain('---');
      expect(metaFiles(dir)).toEqual([expect.objectContaining({ status: 200, event: 'on_user_new' })]);
    } finally {
      slow.release();
    }
  });

  it('cuts off a delivery still unanswered after 5 s (a sender that stopped mid-body)', async () => {
    const dir = join(scratch, 'cut-off');
    const listener = await listenInProcess(['--save', dir]);
    const socket = connect(listener.port, '127.0.0.1');
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.on('error', () => {});
    socket.write('POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"webhook":');
    await until(() => listener.io.stderr() === '' && listener.output().includes('Listening'));
    // The request has reached the handler once its body has started to be read.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const stoppedAt = Date.now();
    const result = await listener.stop();
    const waited = Date.now() - stoppedAt;
    await closed;
    expect(result.status).toBe(0);
    expect(waited).toBeGreaterThanOrEqual(4_900);
    expect(waited).toBeLessThan(9_000);
    expect(result.stderr).toContain('answering 1 delivery in progress first');
    expect(result.stderr).toContain('Cut off 1 unanswered delivery after 5 s');
    expect(result.stdout).toMatch(/--- POST \/ cut off: still unanswered 5 s after Ctrl-C/);
    expect(result.stdout).not.toContain('body_aborted');
  }, 20_000);

  it('closes at once a connection that has sent no delivery, or half a request line', async () => {
    const listener = await listenInProcess();
    const silent = connect(listener.port, '127.0.0.1');
    const halfway = connect(listener.port, '127.0.0.1');
    const closed = [silent, halfway].map((socket) => new Promise<void>((resolve) => socket.once('close', () => resolve())));
    for (const socket of [silent, halfway]) socket.on('error', () => {});
    halfway.write('POST / HTTP/1.1\r\nHost: x\r\n');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const stoppedAt = Date.now();
    const result = await listener.stop();
    await Promise.all(closed);
    expect(result.status).toBe(0);
    expect(Date.now() - stoppedAt).toBeLessThan(2_500);
    expect(result.stderr).not.toContain('Cut off');
  });

  it('answers in progress say Connection: close, so the sender does not reuse a closing connection', async () => {
    const body = JSON.stringify({ ...examples.on_user_new, user: { ...examples.on_user_new.user, name: 'Answered while stopping' } });
    const slow = held.hold(body);
    const listener = await listenInProcess(['--save', join(scratch, 'connection-close')]);
    try {
      const answered = fetch(`${listener.url}/`, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
      await until(() => slow.writes === 1);
      const stopped = listener.stop();
      await until(() => listener.io.stderr().includes('Stopping'));
      slow.release();
      const response = await answered;
      expect(response.status).toBe(200);
      expect(response.headers.get('connection')).toBe('close');
      expect((await stopped).status).toBe(0);
    } finally {
      slow.release();
    }
  });
});
