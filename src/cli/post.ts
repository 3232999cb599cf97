/**
 * One POST of a webhook body, as `send` and `replay` make it.
 *
 * Written on `node:http` rather than `fetch`: an endpoint refusing a large body answers 413 and
 * stops reading, and `fetch` (Bun's in particular) then reports the failed upload (`EPIPE`,
 * `ECONNRESET`) instead of the answer. Here, as curl does, a large body first asks the server
 * whether it wants it (`Expect: 100-continue`), so a refusal comes before any of it is sent; the
 * body then goes in pieces, the answer is read as soon as it arrives, even mid-upload, and the
 * upload stops there.
 *
 * @module
 */
import { type IncomingMessage, request as httpRequest, type OutgoingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** The endpoint's answer, or why there was none. */
export type PostOutcome =
  | {
      readonly kind: 'answered';
      readonly status: number;
      /** The reason phrase (`OK`, `Payload Too Large`), empty when the server sent none. */
      readonly statusText: string;
      /** The `Location` header of a redirect, which is shown rather than followed. */
      readonly location: string | null;
      /** The start of the response body, decoded as UTF-8. */
      readonly body: string;
      /** The response body was longer than the part kept in `body`. */
      readonly truncated: boolean;
    }
  | { readonly kind: 'failed'; readonly reason: string };

/** What `send` and `replay` keep of a response body: enough for the adapters' JSON answers and a page of HTML. */
export const RESPONSE_BODY_LIMIT = 64 * 1024;

const reasons: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset by the server',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'connection timed out',
  EPIPE: 'the server closed the connection while the body was being sent',
};

/**
 * A network error in a few words, always with its code (`connection refused (ECONNREFUSED)`).
 * Node reports a host with several addresses (`localhost`: `::1` and `127.0.0.1`) as an
 * `AggregateError` of one error per address.
 */
export const describeNetworkError = (error: unknown): string => {
  const inner = error instanceof AggregateError ? (error.errors[0] as unknown) : error;
  const code = (inner as NodeJS.ErrnoException | undefined)?.code ?? (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code === 'string') return reasons[code] === undefined ? code : `${reasons[code]} (${code})`;
  return error instanceof Error ? error.message : String(error);
};

/** The body goes out in pieces of this size, with a look at the socket for an early answer between two. */
const UPLOAD_CHUNK_BYTES = 64 * 1024;
/** Above this size the body waits for the server's go-ahead (`Expect: 100-continue`), as curl does above 1 MiB. */
export const EXPECT_CONTINUE_ABOVE_BYTES = 1024 * 1024;
/** How long to wait for `100 Continue` from a server that ignores `Expect` before sending anyway (curl's default). */
const EXPECT_CONTINUE_WAIT_MS = 1000;

/** Reads at most {@link RESPONSE_BODY_LIMIT} bytes of a response, discarding the rest. */
const readAnswer = (response: IncomingMessage): Promise<PostOutcome> =>
  new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let kept = 0;
    let truncated = false;
    const done = (): void =>
      resolve({
        kind: 'answered',
        status: response.statusCode ?? 0,
        statusText: response.statusMessage ?? '',
        location: response.headers.location ?? null,
        body: Buffer.concat(chunks).toString('utf8'),
        truncated,
      });
    response.on('data', (chunk: Buffer) => {
      const room = RESPONSE_BODY_LIMIT - kept;
      if (chunk.byteLength > room) truncated = true;
      if (room > 0) {
        chunks.push(chunk.subarray(0, room));
        kept += Math.min(room, chunk.byteLength);
      }
    });
    // A server that closes after its answer, before the upload ends, still answered.
    response.once('end', done).once('close', done).once('error', done);
  });

/**
 * POSTs `body` to `url` with `headers` and resolves to the answer or the reason there was none;
 * never rejects. Redirects are not followed.
 */
export const post = (
  url: URL,
  body: Uint8Array,
  headers: Readonly<Record<string, string>>,
  timeoutMs: number,
): Promise<PostOutcome> =>
  new Promise((resolve) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const large = body.byteLength > EXPECT_CONTINUE_ABOVE_BYTES;
    const requestHeaders: OutgoingHttpHeaders = {
      ...headers,
      'content-length': String(body.byteLength),
      ...(large ? { expect: '100-continue' } : {}),
    };
    let settled = false;
    const finish = (outcome: PostOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      // Stops the rest of the upload the server no longer reads, and frees the socket.
      request.destroy();
      resolve(outcome);
    };
    const request = send(url, { method: 'POST', headers: requestHeaders, agent: false });
    const timer = setTimeout(() => finish({ kind: 'failed', reason: `no answer within ${timeoutMs} ms` }), timeoutMs);
    let answered = false;
    request.once('response', (response) => {
      answered = true;
      void readAnswer(response).then(finish);
    });
    request.on('error', (error) => {
      // After an answer, a write error is only the server refusing the rest of the body.
      if (!answered) finish({ kind: 'failed', reason: describeNetworkError(error) });
    });
    const stillSending = (): boolean => !answered && !settled;
    // A server that refuses the body from its headers (a 413 for its Content-Length) answers before
    // any of it is sent; otherwise `100 Continue` arrives, or nothing and the body goes after a wait.
    const goAhead = (): Promise<void> =>
      new Promise((go) => {
        if (!large) return go();
        const wait = setTimeout(go, EXPECT_CONTINUE_WAIT_MS);
        const stop = (): void => {
          clearTimeout(wait);
          go();
        };
        request.once('continue', stop).once('response', stop).once('close', stop);
        request.flushHeaders();
      });
    const upload = async (): Promise<void> => {
      await goAhead();
      // One turn of the event loop: an answer that came with `100 Continue` is read first.
      await new Promise((turn) => setImmediate(turn));
      for (let offset = 0; offset < body.byteLength && stillSending(); offset += UPLOAD_CHUNK_BYTES) {
        await new Promise<void>((written) => request.write(body.subarray(offset, offset + UPLOAD_CHUNK_BYTES), () => written()));
        // One turn of the event loop reads an answer that came early (a 413) before more is sent:
        // writing into a socket the server has already closed fails, and takes the unread answer with it.
        await new Promise((turn) => setImmediate(turn));
      }
      if (stillSending()) request.end();
    };
    void upload();
  });
