import { createServer, type IncomingMessage, type Server } from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { webhookNames } from '../../src/index.js';
import { examples } from '../../src/testing/index.js';
import { fixturesDir } from '../helpers/fixtures.js';
import { type InProcessListener, listenInProcess, runMain } from './in-process.js';
import { assertBuilt, runCli } from './run-cli.js';

const running: InProcessListener[] = [];
const listen = async (args: string[] = []): Promise<InProcessListener> => {
  const listener = await listenInProcess(args);
  running.push(listener);
  return listener;
};
afterEach(async () => {
  for (const listener of running.splice(0)) await listener.stop();
});

describe('send against listen, end to end', () => {
  it('delivers every documented event: send exits 0, listen prints its summary line', async () => {
    const listener = await listen();
    for (const name of webhookNames) {
      const sent = await runMain(['send', `${listener.url}/blinger`, '--event', name]);
      expect(sent.status, sent.stderr).toBe(0);
      expect(sent.stdout).toContain('200 OK');
      expect(JSON.parse(sent.stdout.trim().split('\n').at(-1)!)).toEqual({ ok: true });
      await listener.waitFor(new RegExp(` 200 POST /blinger ${name} `));
    }
    const stopped = await listener.stop();
    expect(stopped.status).toBe(0);
    expect(stopped.stderr).toContain('Stopping');
  });

  it('an invalid payload: 400 with the issues, send exits 1, listen prints every problem', async () => {
    const listener = await listen();
    const file = join(fixturesDir, 'invalid', 'incoming_tags_and_page_url.json');
    const sent = await runMain(['send', `${listener.url}/`, '--file', file]);
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
    const broken = await runMain(['send', listener.url, '--file', '-'], { input: '{"webhook": ' });
    expect(broken.status).toBe(1);
    expect(broken.stdout).toContain('"error":"invalid_json"');
    await listener.waitFor(' 400 POST / invalid JSON');
    const unknown = await runMain(['send', listener.url, '--file', join(fixturesDir, 'invalid', 'unknown_event.json')]);
    expect(unknown.status).toBe(0);
    expect(unknown.stdout).toContain('"ignored":"unknown_event"');
    await listener.waitFor(/ 200 POST \/ unknown event "on_invoice_paid"/);
  });

  it('--token: 401 without the token or with a wrong one, 200 with it; the secret is never printed', async () => {
    const listener = await listen(['--token', 'hunter2-secret']);
    const missing = await runMain(['send', listener.url]);
    expect(missing.status).toBe(1);
    expect(missing.stdout).toContain('401');
    const wrong = await runMain(['send', listener.url, '--token', 'hunter3-secret']);
    expect(wrong.status).toBe(1);
    const right = await runMain(['send', listener.url, '--token', 'hunter2-secret']);
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
    const elsewhere = await runMain(['send', `${listener.url}/other`]);
    expect(elsewhere.status).toBe(1);
    expect(elsewhere.stdout).toContain('404');
    const there = await runMain(['send', `${listener.url}/hooks/blinger`, '--event', 'on_user_new']);
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
    expect((await runMain(['send', listener.url, '--event', 'on_user_new'])).status).toBe(0);
    await listener.waitFor(/\n}\n/);
    const printed = listener.output().slice(listener.output().indexOf('{'));
    expect(JSON.parse(printed)).toEqual(examples.on_user_new);
  });

  it('Ctrl-C stops it with exit status 0 while a keep-alive connection is open', async () => {
    const listener = await listen();
    // fetch keeps its connection alive; close() alone would wait for it.
    expect((await fetch(listener.url, { method: 'POST', body: JSON.stringify(examples.on_user_new) })).status).toBe(200);
    const stopped = await listener.stop();
    expect(stopped.status).toBe(0);
  });

  it('an oversized body: send reports the 413, listen prints 413 (not ---)', async () => {
    const listener = await listen();
    const big = new Uint8Array(6 * 1024 * 1024).fill(0x20);
    const sent = await runMain(['send', listener.url, '--file', '-'], { input: big });
    expect(sent.status).toBe(1);
    expect(sent.stdout).toContain('413 Payload Too Large');
    expect(sent.stdout).toContain('"error":"payload_too_large"');
    await listener.waitFor(' 413 POST / payload_too_large');
    expect(listener.output()).not.toContain('---');
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
    const result = await runMain(['listen', ...args]);
    expect(result.status).toBe(2);
  });

  it('a port in use exits 1', async () => {
    const listener = await listen();
    const result = await runMain(['listen', '--port', String(listener.port)]);
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
    const result = await runMain(['send', `${base}/hook`]);
    expect(result.status).toBe(0);
    const request = received.at(-1)!;
    expect(request.method).toBe('POST');
    expect(request.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request.body.toString('utf8'))).toEqual(examples.on_message_incoming);
  });

  it('--file sends the bytes unchanged, and --token-param names the parameter', async () => {
    const file = join(fixturesDir, 'invalid', 'invalid_utf8.json');
    const result = await runMain(['send', `${base}/hook?x=1`, '--file', file, '--token', 's', '--token-param', 'key']);
    expect(result.status).toBe(0);
    const request = received.at(-1)!;
    expect(request.url).toBe('/hook?x=1&key=s');
    const { readFileSync } = await import('node:fs');
    expect(request.body.equals(readFileSync(file))).toBe(true);
  });

  it('a 5xx answer exits 1 and prints the body', async () => {
    const result = await runMain(['send', `${base}/broken`]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('500');
    expect(result.stdout).toContain('callback failed');
  });

  it('shows a redirect rather than following it (it would turn the POST into a GET)', async () => {
    const count = received.length;
    const result = await runMain(['send', `${base}/moved`]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('301');
    expect(result.stdout).toContain('Location: /elsewhere');
    expect(received.length).toBe(count + 1);
  });

  it.each(['127.0.0.1', 'localhost'])('no server listening on %s: exit 1, "connection refused (ECONNREFUSED)"', async (host) => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const result = await runMain(['send', `http://${host}:${port}/`]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('send failed: connection refused (ECONNREFUSED)');
    expect(result.stderr).not.toContain('fetch failed');
  });

  it('--timeout: a server that never answers is given up on', async () => {
    const silent = net.createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = silent.address() as AddressInfo;
      const result = await runMain(['send', `http://127.0.0.1:${port}/`, '--timeout', '200']);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('no answer within 200 ms');
    } finally {
      silent.close();
    }
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
    const result = await runMain(['send', ...args]);
    expect(result.status).toBe(2);
    expect(received.length).toBe(count);
  });
});

describe('send: a large body asks first (Expect: 100-continue), and is still delivered whole', () => {
  it('a 2 MiB event to listen: 200, the whole body read by the adapter', async () => {
    const listener = await listenInProcess();
    try {
      const big = JSON.stringify({ ...examples.on_message_incoming, message: { ...examples.on_message_incoming.message, message: 'x'.repeat(2 * 1024 * 1024) } });
      const sent = await runMain(['send', listener.url, '--file', '-'], { input: big });
      expect(sent.status, sent.stderr).toBe(0);
      await listener.waitFor(' 200 POST / on_message_incoming');
    } finally {
      await listener.stop();
    }
  });

  it('a server that ignores Expect gets the body after a short wait', async () => {
    const body = new Uint8Array(3 * 1024 * 1024).fill(0x62);
    let received = 0;
    let expectHeader = '';
    // A bare HTTP/1.1 server that never sends 100 Continue: it reads Content-Length bytes, then answers.
    const server = net.createServer((socket) => {
      let head = '';
      let length = -1;
      socket.on('data', (chunk: Buffer) => {
        if (length < 0) {
          head += chunk.toString('latin1');
          const end = head.indexOf('\r\n\r\n');
          if (end < 0) return;
          length = Number(/content-length: (\d+)/i.exec(head)![1]);
          expectHeader = /expect: (\S+)/i.exec(head)?.[1] ?? '';
          received = Buffer.byteLength(head.slice(end + 4), 'latin1');
        } else received += chunk.byteLength;
        if (received >= length) socket.end('HTTP/1.1 204 No Content\r\nconnection: close\r\n\r\n');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const result = await runMain(['send', `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, '--file', '-'], { input: body });
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toContain('204 No Content');
      expect(expectHeader).toBe('100-continue');
      expect(received).toBe(body.byteLength);
    } finally {
      server.close();
    }
  });
});

describe('send: a 6 MiB body to a server that answers 413 and stops reading', () => {
  beforeAll(assertBuilt);
  const sixMiB = new Uint8Array(6 * 1024 * 1024).fill(0x61);
  const servers: Array<[string, () => Server | net.Server]> = [
    // node:http ends the connection after the answer without reading the rest of the body.
    ['node:http with Connection: close', () =>
      createServer((_req, res) => {
        res.writeHead(413, { connection: 'close', 'content-type': 'application/json' }).end('{"error":"payload_too_large"}');
      })],
    // A bare socket that answers after the first bytes and then resets the connection.
    ['a socket destroyed after the answer', () =>
      net.createServer((socket) => {
        socket.once('data', () => {
          const answer = 'HTTP/1.1 413 Payload Too Large\r\ncontent-length: 29\r\nconnection: close\r\n\r\n{"error":"payload_too_large"}';
          socket.write(answer, () => setTimeout(() => socket.destroy(), 10));
        });
      })],
  ];

  it.each(servers)('%s: send prints the 413 every time, never EPIPE', async (_name, make) => {
    const server = make();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      // The failure was a race between the answer and the upload, which shows only with the server
      // in another process: the built CLI, several times.
      for (let attempt = 0; attempt < 6; attempt += 1) {
        const result = await runCli(['send', `http://127.0.0.1:${port}/`, '--file', '-'], { input: sixMiB });
        expect(result.stderr).not.toMatch(/EPIPE|ECONNRESET/);
        expect(result.stdout).toContain('413 Payload Too Large');
        expect(result.stdout).toContain('{"error":"payload_too_large"}');
        expect(result.status).toBe(1);
      }
    } finally {
      server.close();
    }
  });
});
