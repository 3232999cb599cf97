/**
 * A deliberately misbehaving HTTP/1.1 client on raw `node:net` sockets, for the requests fetch
 * refuses to make: a false Content-Length, a body that trickles in, a client that vanishes
 * mid-body, bytes sent after the server has answered.
 */
import { connect, type Socket } from 'node:net';

/** What came back on the socket. */
export interface RawResponse {
  /** The status of the first response, or `null` if the connection closed without one. */
  readonly status: number | null;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** Bytes of request body the client managed to write before it stopped. */
  readonly bytesSent: number;
  /** The server closed (or reset) the connection. */
  readonly closedByServer: boolean;
}

export interface RawRequest {
  readonly port: number;
  readonly method?: string;
  readonly path?: string;
  /** Extra header lines, such as `Content-Length: 10` or `Transfer-Encoding: chunked`. */
  readonly headers?: readonly string[];
  /** Produces the body: write with `send`, which resolves false once the client must stop. */
  readonly body?: (send: (bytes: Buffer | string) => Promise<boolean>, socket: Socket) => Promise<void>;
  /** Give up waiting for an answer after this long (the test then fails on a `null` status). */
  readonly giveUpAfterMs?: number;
  /**
   * After a `Connection: close` answer, the client stops sending and either half-closes its side
   * as a well-behaved client does (`half-close`, default) or leaves the socket open, unfinished
   * body and all (`stay-open`), so only the server can free the connection.
   */
  readonly afterResponse?: 'half-close' | 'stay-open';
}

interface Parsed {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const HEADER_END = '\r\n\r\n';

/** Parses the first response out of the bytes received so far, once it is complete. */
const parseResponse = (data: Buffer, connectionClosed: boolean): Parsed | undefined => {
  const text = data.toString('latin1');
  const headerEnd = text.indexOf(HEADER_END);
  if (headerEnd < 0) return undefined;
  // Skip interim responses (100 Continue): the answer is the final one.
  if (/^HTTP\/1\.[01] 1\d\d/.test(text)) return parseResponse(data.subarray(headerEnd + HEADER_END.length), connectionClosed);
  const [statusLine, ...lines] = text.slice(0, headerEnd).split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine ?? '')?.[1]);
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const rest = data.subarray(Buffer.byteLength(text.slice(0, headerEnd + HEADER_END.length), 'latin1'));
  if (headers['content-length'] !== undefined) {
    const length = Number(headers['content-length']);
    if (rest.byteLength < length) return undefined;
    return { status, headers, body: rest.subarray(0, length).toString('utf8') };
  }
  if (headers['transfer-encoding'] === 'chunked') {
    const chunked = rest.toString('latin1');
    if (!chunked.includes('\r\n0\r\n\r\n') && !chunked.startsWith('0\r\n\r\n')) return undefined;
    let body = '';
    let at = 0;
    for (;;) {
      const lineEnd = chunked.indexOf('\r\n', at);
      const size = Number.parseInt(chunked.slice(at, lineEnd), 16);
      if (!size) break;
      body += chunked.slice(lineEnd + 2, lineEnd + 2 + size);
      at = lineEnd + 2 + size + 2;
    }
    return { status, headers, body: Buffer.from(body, 'latin1').toString('utf8') };
  }
  // No length: the body runs to the end of the connection (or there is none, as for HEAD).
  return connectionClosed || status === 204 || status === 304 ? { status, headers, body: rest.toString('utf8') } : undefined;
};

/**
 * Sends one request on a fresh socket and resolves with the first response. The client stops
 * sending as soon as a response arrives or the server closes; it never throws.
 */
export const rawRequest = (request: RawRequest): Promise<RawResponse> =>
  new Promise((resolve) => {
    const socket = connect(request.port, '127.0.0.1');
    let received = Buffer.alloc(0);
    let bytesSent = 0;
    let stopped = false;
    let closedByServer = false;
    let done = false;
    const giveUp = setTimeout(() => finish(), request.giveUpAfterMs ?? 15_000);

    function finish(parsed?: Parsed): void {
      if (done) return;
      done = true;
      stopped = true;
      clearTimeout(giveUp);
      socket.destroy();
      resolve({
        status: parsed?.status ?? null,
        headers: parsed?.headers ?? {},
        body: parsed?.body ?? '',
        bytesSent,
        closedByServer,
      });
    }

    // The first complete response; after one that announces `Connection: close`, wait (a while)
    // for the server to actually close, which is what frees the connection.
    let response: Parsed | undefined;
    socket.on('data', (chunk) => {
      received = Buffer.concat([received, chunk]);
      if (response) return;
      response = parseResponse(received, false);
      if (!response) return;
      stopped = true;
      if (response.headers.connection?.toLowerCase() !== 'close') return finish(response);
      if ((request.afterResponse ?? 'half-close') === 'half-close') socket.end();
      setTimeout(() => finish(response), 5000).unref();
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      closedByServer = !done;
      stopped = true;
      finish(response ?? parseResponse(received, true));
    });

    const send = (bytes: Buffer | string): Promise<boolean> =>
      new Promise((sent) => {
        if (stopped || socket.destroyed) return sent(false);
        const length = typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.byteLength;
        const flushed = socket.write(bytes, (error) => {
          if (!error) bytesSent += length;
        });
        if (flushed) sent(!stopped);
        else socket.once('drain', () => sent(!stopped)).once('close', () => sent(false));
      });

    socket.once('connect', () => {
      const head = [
        `${request.method ?? 'POST'} ${request.path ?? '/hook'} HTTP/1.1`,
        `Host: 127.0.0.1:${request.port}`,
        ...(request.headers ?? []),
        '',
        '',
      ].join('\r\n');
      socket.write(head);
      const writeBody = request.body ?? (async () => undefined);
      writeBody(send, socket).catch(() => undefined);
    });
  });

/** Waits `ms` milliseconds. */
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Writes `total` bytes of `filler` in chunks of `chunkSize`, stopping when the client must stop. */
export const sendFiller = async (
  send: (bytes: Buffer | string) => Promise<boolean>,
  total: number,
  chunkSize = 64 * 1024,
  frame: (chunk: Buffer) => Buffer | string = (chunk) => chunk,
): Promise<void> => {
  const chunk = Buffer.alloc(chunkSize, 0x20);
  for (let sent = 0; sent < total; sent += chunkSize) {
    if (!(await send(frame(chunk)))) return;
  }
};

/** One chunk of `Transfer-Encoding: chunked`. */
export const asChunk = (bytes: Buffer | string): string | Buffer =>
  Buffer.concat([Buffer.from(`${Buffer.byteLength(bytes).toString(16)}\r\n`), Buffer.from(bytes), Buffer.from('\r\n')]);
