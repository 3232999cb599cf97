import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { toNodeHandler } from '../../src/index.js';
import { examples } from '../../src/testing/index.js';
import { fixturesDir } from '../helpers/fixtures.js';
import { type InProcessListener, listenInProcess, runMain } from './in-process.js';

let scratch = '';
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'blinger-cli-save-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const running: InProcessListener[] = [];
const listen = async (args: string[]): Promise<InProcessListener> => {
  const listener = await listenInProcess(args);
  running.push(listener);
  return listener;
};
afterEach(async () => {
  for (const listener of running.splice(0)) await listener.stop();
});

let dirCount = 0;
const freshDir = (): string => join(scratch, `run-${(dirCount += 1)}`);

const bodyFiles = (dir: string): string[] => readdirSync(dir).filter((name) => !name.endsWith('.meta.json')).sort();
const metaOf = (dir: string, name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(dir, name.replace(/\.json$/, '.meta.json')), 'utf8')) as Record<string, unknown>;

const post = async (url: string, body: Uint8Array | string, contentType = 'application/json'): Promise<number> =>
  (await fetch(url, { method: 'POST', body: typeof body === 'string' ? body : new Uint8Array(body), headers: { 'content-type': contentType } })).status;

/** Until listen has printed `count` lines of saved deliveries (`... > NAME.json`). */
const saved = (count: number) => (stdout: string) => (stdout.match(/ > \S+\.json$/gm) ?? []).length >= count;

/** A plain node:http server that records every request exactly as it arrives. */
interface Recorder {
  readonly url: string;
  readonly received: Array<{ url: string; headers: IncomingHttpHeaders; body: Buffer }>;
  readonly close: () => Promise<void>;
}
const startRecorder = async (answer: (body: Buffer) => number = () => 200): Promise<Recorder> => {
  const received: Recorder['received'] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      received.push({ url: req.url ?? '', headers: req.headers, body });
      const status = answer(body);
      if (status === 200) res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      else res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};

// What listen receives, in this order: valid or not, every one must come back byte for byte.
const deliveries: Array<[string, Buffer, string]> = [
  ['a documented event', readFileSync(join(fixturesDir, 'documented', 'on_message_incoming.json')), 'application/json'],
  ['invalid JSON', Buffer.from('{"webhook": '), 'application/json'],
  ['invalid UTF-8', readFileSync(join(fixturesDir, 'invalid', 'invalid_utf8.json')), 'application/json'],
  ['an invalid payload', readFileSync(join(fixturesDir, 'invalid', 'incoming_tags_and_page_url.json')), 'application/json'],
  ['an unknown event', readFileSync(join(fixturesDir, 'invalid', 'unknown_event.json')), 'application/json'],
  ['a BOM and CRLF line ends', Buffer.from(`\ufeff${JSON.stringify(examples.on_user_new, null, 2).replaceAll('\n', '\r\n')}`), 'application/json'],
  ['a charset label', Buffer.from(JSON.stringify(examples.on_conversation_closed)), 'application/json; charset=utf-8'],
  ['an empty body', Buffer.alloc(0), 'application/json'],
];

describe('listen --save DIR', () => {
  let dir = '';
  let listener: InProcessListener;
  beforeEach(async () => {
    dir = freshDir();
    listener = await listen(['--save', dir, '--path', '/blinger', '--token', 'hunter2-secret']);
  });

  it('keeps every delivery it reads, valid or not, byte for byte, in names that sort by arrival', async () => {
    const url = `${listener.url}/blinger?token=hunter2-secret`;
    for (const [, body, contentType] of deliveries) await post(url, body, contentType);
    await listener.waitFor(saved(8));
    const names = bodyFiles(dir);
    expect(names).toHaveLength(deliveries.length);
    names.forEach((name, index) => {
      const [what, body, contentType] = deliveries[index]!;
      expect(readFileSync(join(dir, name)).equals(body), what).toBe(true);
      expect(metaOf(dir, name), what).toMatchObject({ method: 'POST', path: '/blinger', contentType, bytes: body.byteLength });
    });
    expect(names.every((name) => /^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{3}Z-\d{6}\.json$/.test(name))).toBe(true);
    expect(listener.output()).toContain(`> ${names[0]}`);
  });

  it('writes the status and the event or the error beside each body, never the token', async () => {
    const url = `${listener.url}/blinger?token=hunter2-secret`;
    expect(await post(url, JSON.stringify(examples.on_user_new))).toBe(200);
    expect(await post(url, '[1]')).toBe(400);
    expect(await post(url, JSON.stringify({ ...examples.on_user_new, user: null }))).toBe(400);
    expect(await post(url, readFileSync(join(fixturesDir, 'invalid', 'unknown_event.json')))).toBe(200);
    await listener.waitFor(saved(4));
    const metas = bodyFiles(dir).map((name) => metaOf(dir, name));
    expect(metas.map(({ status, event, error }) => ({ status, event, error }))).toEqual([
      { status: 200, event: 'on_user_new', error: null },
      { status: 400, event: null, error: 'invalid_payload' },
      { status: 400, event: 'on_user_new', error: 'invalid_payload' },
      { status: 200, event: 'on_invoice_paid', error: null },
    ]);
    expect(Date.parse(String(metas[0]!.receivedAt))).not.toBeNaN();
    for (const name of readdirSync(dir)) expect(readFileSync(join(dir, name), 'utf8')).not.toContain('hunter2');
  });

  it('keeps nothing it refused before reading: 401, 404, 405, 413', async () => {
    expect(await post(`${listener.url}/blinger`, JSON.stringify(examples.on_user_new))).toBe(401);
    expect(await post(`${listener.url}/elsewhere?token=hunter2-secret`, JSON.stringify(examples.on_user_new))).toBe(404);
    expect((await fetch(`${listener.url}/blinger?token=hunter2-secret`)).status).toBe(405);
    expect(await post(`${listener.url}/blinger?token=hunter2-secret`, new Uint8Array(6 * 1024 * 1024))).toBe(413);
    await listener.waitFor(' 413 POST /blinger');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('answers 500 when a valid delivery cannot be saved, so a sender that retries does', async () => {
    rmSync(dir, { recursive: true });
    expect(await post(`${listener.url}/blinger?token=hunter2-secret`, JSON.stringify(examples.on_user_new))).toBe(500);
    await listener.waitFor(' 500 POST /blinger on_user_new');
    expect(listener.io.stderr()).toContain('Could not save the delivery');
  });
});

describe('listen --save: usage', () => {
  it('a directory that cannot be created exits 2 before listening', async () => {
    const file = join(scratch, 'a-file');
    writeFileSync(file, '');
    const result = await runMain(['listen', '--port', '0', '--save', join(file, 'sub')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Cannot save deliveries in');
    expect(result.stdout).not.toContain('Listening');
  });

  it('an empty --save exits 2', async () => {
    expect((await runMain(['listen', '--save', ''])).status).toBe(2);
  });
});

describe('listen --save, then replay: the round trip', () => {
  it('replays every saved delivery in order, byte for byte, with the headers it came with', async () => {
    const dir = freshDir();
    const listener = await listen(['--save', dir]);
    for (const [, body, contentType] of deliveries) await post(`${listener.url}/`, body, contentType);
    await listener.waitFor(saved(8));
    const recorder = await startRecorder();
    try {
      const result = await runMain(['replay', dir, '--to', `${recorder.url}/hook`, '--token', 's3cret']);
      expect(result.status, result.stderr).toBe(0);
      expect(recorder.received.map((request) => request.body)).toEqual(deliveries.map(([, body]) => body));
      expect(recorder.received.map((request) => request.headers['content-type'])).toEqual(deliveries.map(([, , type]) => type));
      for (const request of recorder.received) expect(request.url).toBe('/hook?token=s3cret');
      expect(result.stdout).toContain('?token=***');
      expect(result.stdout).not.toContain('s3cret');
    } finally {
      await recorder.close();
    }
  });

  it('against a real endpoint (listen): 200 with the event, 400 with the reason, exit 1', async () => {
    const dir = freshDir();
    const saving = await listen(['--save', dir]);
    for (const [, body, contentType] of deliveries) await post(`${saving.url}/`, body, contentType);
    await saving.waitFor(saved(8));
    const endpoint = await listen(['--path', '/blinger', '--token', 'tok']);
    const result = await runMain(['replay', dir, '--to', `${endpoint.url}/blinger`, '--token', 'tok']);
    expect(result.status).toBe(1);
    const lines = result.stdout.trim().split('\n').slice(1);
    const names = bodyFiles(dir);
    expect(lines).toEqual([
      `200 ${join(dir, names[0]!)} on_message_incoming`,
      `400 ${join(dir, names[1]!)} invalid_json: Webhook body is not valid JSON`,
      expect.stringMatching(new RegExp(`^400 ${join(dir, names[2]!)} invalid_json: `)),
      expect.stringMatching(new RegExp(`^400 ${join(dir, names[3]!)} invalid_payload: `)),
      `200 ${join(dir, names[4]!)} on_invoice_paid (ignored: "unknown_event")`,
      `200 ${join(dir, names[5]!)} on_user_new`,
      `200 ${join(dir, names[6]!)} on_conversation_closed`,
      `400 ${join(dir, names[7]!)} invalid_json: Webhook body is empty`,
    ]);
    expect(result.stderr).toContain('4 of 8 not accepted');
    // What the endpoint printed is what the first listen printed, delivery for delivery.
    await endpoint.waitFor((stdout) => (stdout.match(/ POST \/blinger /g) ?? []).length >= 8);
    const statuses = (output: string) => [...output.matchAll(/ (\d{3}) POST /g)].map((match) => match[1]);
    expect(statuses(endpoint.output())).toEqual(statuses(saving.output()));
  });
});

describe('replay', () => {
  let recorder: Recorder;
  beforeEach(async () => {
    recorder = await startRecorder((body) => (body.toString() === 'refuse me' ? 422 : 200));
  });
  afterEach(() => recorder.close());

  const makeDir = (files: Record<string, string>): string => {
    const dir = freshDir();
    mkdirSync(dir);
    for (const [name, content] of Object.entries(files)) {
      if (name.endsWith('/')) mkdirSync(join(dir, name));
      else writeFileSync(join(dir, name), content);
    }
    return dir;
  };

  it('sends a directory in name order, skipping hidden files, subdirectories and .meta.json side files', async () => {
    const dir = makeDir({ 'b.json': 'B', 'a.json': 'A', '10.json': '10', '.hidden': 'H', 'a.meta.json': '{}', 'sub/': '' });
    const result = await runMain(['replay', dir, '--to', recorder.url]);
    expect(result.status).toBe(0);
    expect(recorder.received.map((request) => request.body.toString())).toEqual(['10', 'A', 'B']);
    expect(recorder.received[0]!.headers['content-type']).toBe('application/json');
    expect(result.stdout.split('\n')[0]).toBe(`Replaying 3 files to ${recorder.url}/`);
  });

  it('sends files in the order given, with --token-param naming the parameter', async () => {
    const dir = makeDir({ 'one.json': '1', 'two.json': '2' });
    const result = await runMain(['replay', join(dir, 'two.json'), join(dir, 'one.json'), '--to', `${recorder.url}/x?a=1`, '--token', 't', '--token-param', 'key']);
    expect(result.status).toBe(0);
    expect(recorder.received.map((request) => [request.url, request.body.toString()])).toEqual([
      ['/x?a=1&key=t', '2'],
      ['/x?a=1&key=t', '1'],
    ]);
  });

  it('sends the Content-Type and Content-Encoding a side file recorded', async () => {
    const dir = makeDir({
      'd.json': 'compressed bytes',
      'd.meta.json': JSON.stringify({ contentType: 'application/json; charset=windows-1251', contentEncoding: 'gzip' }),
    });
    expect((await runMain(['replay', dir, '--to', recorder.url])).status).toBe(0);
    expect(recorder.received[0]!.headers).toMatchObject({ 'content-type': 'application/json; charset=windows-1251', 'content-encoding': 'gzip' });
  });

  it('one non-2xx answer makes the exit status 1, and every file is still sent', async () => {
    const dir = makeDir({ '1.json': 'ok', '2.json': 'refuse me', '3.json': 'ok' });
    const result = await runMain(['replay', dir, '--to', recorder.url]);
    expect(result.status).toBe(1);
    expect(recorder.received).toHaveLength(3);
    expect(result.stdout).toContain(`422 ${join(dir, '2.json')} Unprocessable Entity`);
    expect(result.stderr).toContain('1 of 3 not accepted');
  });

  it('a delivery an onInvalidDelivery endpoint kept again is not processed: exit 1, saying so', async () => {
    const kept: string[] = [];
    const endpoint = createServer(
      toNodeHandler(() => undefined, {
        onInvalidDelivery: (error) => {
          kept.push(error.kind);
        },
      }),
    );
    await new Promise<void>((resolve) => endpoint.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = endpoint.address() as AddressInfo;
      const dir = makeDir({ '1.json': JSON.stringify(examples.on_user_new), '2.json': '{"webhook":' });
      const result = await runMain(['replay', dir, '--to', `http://127.0.0.1:${port}/`]);
      expect(result.status).toBe(1);
      expect(kept).toEqual(['invalid_json']);
      expect(result.stdout).toContain(`200 ${join(dir, '1.json')} on_user_new`);
      expect(result.stdout).toContain(`200 ${join(dir, '2.json')} kept again ("invalid_delivery"): the endpoint still cannot decode it`);
      expect(result.stderr).toContain('1 of 2 not accepted');
    } finally {
      await new Promise((resolve) => endpoint.close(resolve));
    }
  });

  it('no server: one line per file with the reason, exit 1', async () => {
    const dir = makeDir({ '1.json': 'x', '2.json': 'y' });
    await recorder.close();
    const result = await runMain(['replay', dir, '--to', recorder.url]);
    expect(result.status).toBe(1);
    expect(result.stdout.match(/^--- .* connection refused \(ECONNREFUSED\)$/gm)).toHaveLength(2);
    recorder = await startRecorder();
  });

  it('an empty directory sends nothing and exits 0', async () => {
    const result = await runMain(['replay', makeDir({}), '--to', recorder.url]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Replaying 0 files');
  });

  it.each([
    ['no --to', (dir: string) => ['replay', dir]],
    ['no PATH', () => ['replay', '--to', 'http://127.0.0.1:1/']],
    ['a URL that is not http', (dir: string) => ['replay', dir, '--to', 'ftp://127.0.0.1/']],
    ['a missing PATH among good ones', (dir: string) => ['replay', dir, join(dir, 'missing.json'), '--to', 'http://127.0.0.1:1/']],
    ['an empty --token-param', (dir: string) => ['replay', dir, '--to', 'http://127.0.0.1:1/', '--token', 't', '--token-param', '']],
  ])('%s: exit 2, nothing sent', async (_what, args) => {
    const dir = makeDir({ 'a.json': 'A' });
    const result = await runMain(args(dir));
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(recorder.received).toHaveLength(0);
  });
});
