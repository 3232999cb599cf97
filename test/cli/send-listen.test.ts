import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { webhookNames } from '../../src/index.js';
import { examples } from '../../src/testing/index.js';
import { fixturesDir } from '../helpers/fixtures.js';
import { assertBuilt, type Listener, runCli, startListen } from './run-cli.js';

beforeAll(assertBuilt);

const running: Listener[] = [];
const listen = async (args: string[] = []): Promise<Listener> => {
  const listener = await startListen(args);
  running.push(listener);
  return listener;
};
afterEach(async () => {
  for (const listener of running.splice(0)) {
    if (listener.child.exitCode === null && listener.child.signalCode === null) await listener.interrupt();
  }
});

describe('send against listen, end to end', () => {
  it('delivers every documented event: send exits 0, listen prints its summary line', async () => {
    const listener = await listen();
    for (const name of webhookNames) {
      const sent = await runCli(['send', `${listener.url}/blinger`, '--event', name]);
      expect(sent.status, sent.stderr).toBe(0);
      expect(sent.stdout).toContain('200 OK');
      expect(JSON.parse(sent.stdout.trim().split('\n').at(-1)!)).toEqual({ ok: true });
      await listener.waitFor(new RegExp(` 200 POST /blinger ${name} `));
    }
    const stopped = await listener.interrupt();
    expect(stopped.status).toBe(0);
    expect(stopped.signal).toBeNull();
    expect(stopped.stderr).toContain('Stopping');
  });

  it('an invalid payload: 400 with the issues, send exits 1, listen prints every problem', async () => {
    const listener = await listen();
    const file = join(fixturesDir, 'invalid', 'incoming_tags_and_page_url.json');
    const sent = await runCli(['send', `${listener.url}/`, '--file', file]);
    expect(sent.status).toBe(1);
    expect(sent.stdout).toContain('400 Bad Request');
    const answer = JSON.parse(sent.stdout.trim().split('\n').at(-1)!) as { error: string; issues: unknown[] };
    expect(answer.error).toBe('invalid_payload');
    expect(answer.issues).toHaveLength(2);
    await listener.waitFor('message.tags: expected Array<string>, got string');
    expect(listener.output()).toContain(' 400 POST / invalid on_message_incoming payload: 2 problems');
    expect(listener.output()).toContain('  from_user.page_url: expected string | null, got number');
  });

  it('invalid JSON from stdin: 400, and an unknown event: 200, ignored', async () => {
    const listener = await listen();
    const broken = await runCli(['send', listener.url, '--file', '-'], { input: '{"webhook": ' });
    expect(broken.status).toBe(1);
    expect(broken.stdout).toContain('"error":"invalid_json"');
    await listener.waitFor(' 400 POST / invalid JSON');
    const unknown = await runCli(['send', listener.url, '--file', join(fixturesDir, 'invalid', 'unknown_event.json')]);
    expect(unknown.status).toBe(0);
    expect(unknown.stdout).toContain('"ignored":"unknown_event"');
    await listener.waitFor(/ 200 POST \/ unknown event "on_invoice_paid"/);
  });

  it('--token: 401 without the token or with a wrong one, 200 with it; the secret is never printed', async () => {
    const listener = await listen(['--token', 'hunter2-secret']);
    const missing = await runCli(['send', listener.url]);
    expect(missing.status).toBe(1);
    expect(missing.stdout).toContain('401');
    const wrong = await runCli(['send', listener.url, '--token', 'hunter3-secret']);
    expect(wrong.status).toBe(1);
    const right = await runCli(['send', listener.url, '--token', 'hunter2-secret']);
    expect(right.status).toBe(0);
    expect(right.stdout).toContain('?token=***');
    await listener.waitFor(' 200 POST / on_message_incoming');
    expect(listener.output()).toContain(' 401 POST / unauthorized');
    for (const output of [listener.output(), missing.stdout, wrong.stdout, right.stdout]) {
      expect(output).not.toContain('hunter');
    }
  });

  it('--path: 404 elsewhere, 200 on the path', async () => {
    const listener = await listen(['--path', '/hooks/blinger']);
    expect(listener.output()).toContain(`${listener.url}/hooks/blinger`);
    const elsewhere = await runCli(['send', `${listener.url}/other`]);
    expect(elsewhere.status).toBe(1);
    expect(elsewhere.stdout).toContain('404');
    const there = await runCli(['send', `${listener.url}/hooks/blinger`, '--event', 'on_user_new']);
    expect(there.status).toBe(0);
    await listener.waitFor(' 200 POST /hooks/blinger on_user_new');
  });

  it('answers other methods with 405 and Allow: POST, and logs them', async () => {
    const listener = await listen();
    const response = await fetch(listener.url);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    await listener.waitFor(' 405 GET / method_not_allowed');
  });

  it('--verbose prints the decoded event after its summary line', async () => {
    const listener = await listen(['--verbose']);
    expect((await runCli(['send', listener.url, '--event', 'on_user_new'])).status).toBe(0);
    await listener.waitFor(/\n}\n/);
    const printed = listener.output().slice(listener.output().indexOf('{'));
    expect(JSON.parse(printed)).toEqual(examples.on_user_new);
  });

  it('Ctrl-C stops it with exit status 0 while a keep-alive connection is open', async () => {
    const listener = await listen();
    // fetch keeps its connection alive; close() alone would wait for it.
    expect((await fetch(listener.url, { method: 'POST', body: JSON.stringify(examples.on_user_new) })).status).toBe(200);
    const stopped = await listener.interrupt();
    expect(stopped.status).toBe(0);
  });
});

describe('listen: usage and startup errors', () => {
  it.each([
    [['--port', 'abc']],
    [['--port', '70000']],
    [['--path', 'no-slash']],
    [['--token', '']],
    [['extra']],
  ])('%j exits 2', async (args) => {
    const result = await runCli(['listen', ...args]);
    expect(result.status).toBe(2);
  });

  it('a port in use exits 1', async () => {
    const listener = await listen();
    const result = await runCli(['listen', '--port', String(listener.port)]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('already in use');
  });
});

describe('send on its own', () => {
  interface Received {
    method: string;
    url: string;
    headers: IncomingMessage['headers'];
    body: Buffer;
  }
  let server: Server;
  let base = '';
  const received: Received[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
        if (req.url?.startsWith('/moved')) res.writeHead(301, { location: '/elsewhere' }).end();
        else if (req.url?.startsWith('/broken')) res.writeHead(500).end('callback failed');
        else res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('POSTs JSON the way Blinger does: the example of on_message_incoming by default', async () => {
    const result = await runCli(['send', `${base}/hook`]);
    expect(result.status).toBe(0);
    const request = received.at(-1)!;
    expect(request.method).toBe('POST');
    expect(request.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request.body.toString('utf8'))).toEqual(examples.on_message_incoming);
  });

  it('--file sends the bytes unchanged, and --token-param names the parameter', async () => {
    const file = join(fixturesDir, 'invalid', 'invalid_utf8.json');
    const result = await runCli(['send', `${base}/hook?x=1`, '--file', file, '--token', 's', '--token-param', 'key']);
    expect(result.status).toBe(0);
    const request = received.at(-1)!;
    expect(request.url).toBe('/hook?x=1&key=s');
    const { readFileSync } = await import('node:fs');
    expect(request.body.equals(readFileSync(file))).toBe(true);
  });

  it('a 5xx answer exits 1 and prints the body', async () => {
    const result = await runCli(['send', `${base}/broken`]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('500');
    expect(result.stdout).toContain('callback failed');
  });

  it('shows a redirect rather than following it (it would turn the POST into a GET)', async () => {
    const count = received.length;
    const result = await runCli(['send', `${base}/moved`]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('301');
    expect(result.stdout).toContain('Location: /elsewhere');
    expect(received.length).toBe(count + 1);
  });

  it('no server listening: exit 1 with the reason', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const result = await runCli(['send', `http://127.0.0.1:${port}/`]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('ECONNREFUSED');
  });

  it.each([
    [[]],
    [['not a url']],
    [['ftp://example.com/']],
    [['http://127.0.0.1:1/', '--event', 'on_invoice_paid']],
    [['http://127.0.0.1:1/', '--event', 'on_user_new', '--file', 'x.json']],
    [['http://127.0.0.1:1/', '--timeout', '-5']],
    [['http://127.0.0.1:1/', '--file', '/nonexistent/file.json']],
  ])('%j exits 2 without sending', async (args) => {
    const count = received.length;
    const result = await runCli(['send', ...args]);
    expect(result.status).toBe(2);
    expect(received.length).toBe(count);
  });
});
