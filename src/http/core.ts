/**
 * The whole HTTP contract of a Blinger webhook endpoint, independent of any framework.
 * Adapters translate their framework's request into a {@link WebhookRequest}, call
 * {@link handleWebhookRequest}, and write the {@link WebhookResponse} back.
 *
 * | situation                                        | response                                   |
 * |--------------------------------------------------|--------------------------------------------|
 * | valid event, callback resolved                   | 200                                        |
 * | method other than POST                           | 405, `Allow: POST`                         |
 * | `path` set and the request is for another path   | 404                                        |
 * | `secretToken` set, `?token=` missing or wrong    | 401 (constant-time comparison)             |
 * | body larger than `maxBodyBytes`                  | 413, reading stops, connection closed      |
 * | body slower than `bodyTimeoutMs`                 | 408, connection closed                     |
 * | body not JSON, or not a valid event              | 400 `{ error, message, issues? }`          |
 * | event unknown to this version                    | 200, `onUnknownEvent` called               |
 * | callback throws or rejects                       | 500, `onError` called                      |
 * | `dedupe` set, delivery key already claimed       | 200 `{ ok, duplicate }`, callback not run  |
 * | `dedupe` set, the store fails                    | 503, callback not run, `onStoreError`      |
 *
 * Response bodies are small JSON objects; they never carry stack traces or payload values.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import type { BlingerWebhook } from '../codecs/events.js';
import { deliveryKey } from '../dedupe/delivery-key.js';
import type { DedupeOptions } from '../dedupe/store.js';
import type { InvalidJsonError, InvalidPayloadError } from '../errors.js';
import { parseWebhook } from '../parse.js';
import { bufferedBytes, bufferedSize, readBody, readDeclaredBody, type WebhookBody } from './body.js';
import { claimDelivery } from './dedupe.js';
import { dispatchTo, runCallback, type WebhookContext, type WebhookHandler } from './handler.js';
import { tokensEqual } from './token.js';

/** 5 MiB: a closed conversation carries its whole history, so bodies can be large. */
export const DEFAULT_MAX_BODY_BYTES = 5 * 1024 * 1024;
/** 30 s to receive the whole body. */
export const DEFAULT_BODY_TIMEOUT_MS = 30_000;

/**
 * When the endpoint answers Blinger:
 * - `'after-callback'` (default): once the callback has finished; 500 if it failed, so Blinger may retry.
 * - `'immediately'`: 200 at once; the callback runs afterwards and its errors go to `onError`.
 * - `{ timeoutMs }`: when the callback finishes or after `timeoutMs`, whichever is first. On timeout the
 *   answer is 200 and the callback keeps running: a 5xx would make Blinger resend a delivery that is
 *   already being processed.
 */
export type AcknowledgePolicy =
  | 'after-callback'
  | 'immediately'
  | {
      /** Longest wait for the callback before answering 200 anyway, in milliseconds. */
      readonly timeoutMs: number;
    };

/** Why a request was refused, as passed to {@link WebhookHandlerOptions.onRejected}. */
export interface WebhookRejection {
  /** The HTTP status sent. */
  readonly status: 400 | 401 | 404 | 405 | 408 | 413;
  /** Machine-readable code, the `error` field of the response body. */
  readonly error: string;
  /** One line for humans, the `message` field of the response body. */
  readonly message: string;
  /** For `invalid_json` and `invalid_payload`: the structured parse error. */
  readonly parseError?: InvalidJsonError | InvalidPayloadError;
}

/** Options shared by every adapter. */
export interface WebhookHandlerOptions<Request> {
  /** Largest accepted body, in bytes. Default 5 MiB ({@link DEFAULT_MAX_BODY_BYTES}). */
  readonly maxBodyBytes?: number;
  /** Time allowed to receive the whole body, in milliseconds. Default 30 s. */
  readonly bodyTimeoutMs?: number;
  /**
   * A secret that must arrive as the `?token=` query parameter (see `tokenParam`). Blinger does not
   * sign deliveries, so put it in the webhook URL you give Blinger: `https://example.com/blinger?token=...`.
   */
  readonly secretToken?: string | undefined;
  /** Name of the query parameter that carries `secretToken`. Default `token`. */
  readonly tokenParam?: string;
  /** Answer 404 unless the request is for this path (for handlers that receive every request). */
  readonly path?: string;
  /** When to answer Blinger: see {@link AcknowledgePolicy}. Default `'after-callback'`. */
  readonly acknowledge?: AcknowledgePolicy;
  /** Run each delivery's callback once across instances sharing a store: see {@link DedupeOptions}. */
  readonly dedupe?: DedupeOptions;
  /** Called when the callback throws or rejects. Default: `console.error`. */
  readonly onError?: (error: unknown, context: WebhookContext<Request>) => void;
  /** Called with the payload of an event this version does not know; the delivery is still answered 200. */
  readonly onUnknownEvent?: (payload: Readonly<Record<string, unknown>>, context: WebhookContext<Request>) => void | Promise<void>;
  /** Called for every refused request (4xx), with the reason: for logging and debugging. */
  readonly onRejected?: (rejection: WebhookRejection, request: Request) => void;
}

/** A request, as an adapter hands it to the core. */
export interface WebhookRequest<Request> {
  readonly method: string;
  /** The request URL: absolute, or a path with its query string. */
  readonly url: string;
  /** The declared `Content-Length`, or `null`. */
  readonly contentLength: number | null;
  readonly body: WebhookBody;
  /** The framework's own request object, passed to callbacks as `context.request`. */
  readonly original: Request;
}

/** What the adapter must send back. */
export interface WebhookResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** A small JSON document; `headers` carries its `content-length`. */
  readonly body: string;
  /** The body was not read to its end: close the connection rather than read the rest. */
  readonly closeConnection: boolean;
  /** Callback work still running after the answer (acknowledge `'immediately'` or on timeout). */
  readonly pending?: Promise<void>;
}

const utf8 = new TextEncoder();

// Content-Length is computed here, once for the constant answers, rather than per request by each adapter.
const json = (status: number, body: object, extra: Partial<WebhookResponse> = {}): WebhookResponse => {
  const text = JSON.stringify(body);
  return {
    closeConnection: false,
    ...extra,
    status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(utf8.encode(text).byteLength),
      ...extra.headers,
    },
    body: text,
  };
};

const ACCEPTED = json(200, { ok: true });
const CALLBACK_FAILED = json(500, { error: 'callback_failed', message: 'The webhook callback failed' });
const DUPLICATE = json(200, { ok: true, duplicate: true });
const DEDUPE_STORE_FAILED = json(503, { error: 'dedupe_store_failed', message: 'The deduplication store is unavailable' });
const IGNORED = json(200, { ok: true, ignored: 'unknown_event' });
/** The answer when an adapter itself fails, which the core never does. */
export const INTERNAL_ERROR = json(500, { error: 'internal_error', message: 'The webhook endpoint failed' });

const reject = <Request>(
  options: WebhookHandlerOptions<Request>,
  request: WebhookRequest<Request>,
  rejection: WebhookRejection,
  extra: Partial<WebhookResponse> = {},
): WebhookResponse => {
  try {
    options.onRejected?.(rejection, request.original);
  } catch {
    // A logging hook must not change the answer.
  }
  const issues = rejection.parseError?.kind === 'invalid_payload' ? { issues: rejection.parseError.issues } : {};
  return json(rejection.status, { error: rejection.error, message: rejection.message, ...issues }, extra);
};

const parseUrl = (url: string): URL | null => {
  try {
    return new URL(url, 'http://localhost');
  } catch {
    return null;
  }
};

/** Checks that need no body: method, path and token, cheapest first. */
const checkEnvelope = <Request>(
  request: WebhookRequest<Request>,
  options: WebhookHandlerOptions<Request>,
): WebhookRejection | undefined => {
  if (request.method !== 'POST') {
    return { status: 405, error: 'method_not_allowed', message: 'Blinger delivers webhooks with POST' };
  }
  if (options.path === undefined && options.secretToken === undefined) return undefined;
  const url = parseUrl(request.url);
  if (options.path !== undefined && url?.pathname !== options.path) {
    return { status: 404, error: 'not_found', message: 'No webhook endpoint at this path' };
  }
  if (options.secretToken !== undefined) {
    const token = url?.searchParams.get(options.tokenParam ?? 'token') ?? '';
    if (!tokensEqual(token, options.secretToken)) {
      return { status: 401, error: 'unauthorized', message: 'Missing or wrong webhook token' };
    }
  }
  return undefined;
};

type Body = { readonly raw: Uint8Array | null; readonly input: unknown };

const TOO_LARGE: WebhookRejection = { status: 413, error: 'payload_too_large', message: 'Webhook body is too large' };

/** The body as `parseWebhook` input, or the rejection that reading it ended in. */
const receiveBody = async <Request>(
  request: WebhookRequest<Request>,
  options: WebhookHandlerOptions<Request>,
): Promise<Body | WebhookRejection> => {
  const maxBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  if (request.contentLength !== null && request.contentLength > maxBytes) return TOO_LARGE;
  // A declared empty body is empty, even where a body parser turned it into `{}`.
  if (request.contentLength === 0) return { raw: new Uint8Array(), input: '' };
  const { body } = request;
  if (body.kind === 'parsed') return { raw: null, input: body.value };
  if (body.kind === 'buffered') {
    return bufferedSize(body.data) > maxBytes ? TOO_LARGE : { raw: bufferedBytes(body.data), input: body.data };
  }
  const timeoutMs = options.bodyTimeoutMs ?? DEFAULT_BODY_TIMEOUT_MS;
  const read =
    body.kind === 'declared'
      ? await readDeclaredBody(body.read, maxBytes, timeoutMs)
      : await readBody(body.stream, maxBytes, timeoutMs);
  if (read.ok) return { raw: read.bytes, input: read.bytes };
  if (read.reason === 'too_large') return TOO_LARGE;
  if (read.reason === 'timeout') return { status: 408, error: 'body_timeout', message: 'Webhook body arrived too slowly' };
  return { status: 400, error: 'body_aborted', message: 'The client aborted the request body' };
};

const isRejection = (value: Body | WebhookRejection): value is WebhookRejection => 'status' in value;

/**
 * Runs user code (the callback, or the unknown-event hook) as the acknowledgement policy says, and
 * picks the answer: `succeeded` or `failed` once it has settled, `succeeded` if it is still running.
 */
const acknowledge = async (
  run: () => Promise<boolean>,
  policy: AcknowledgePolicy,
  succeeded: WebhookResponse,
  failed: WebhookResponse,
): Promise<WebhookResponse> => {
  if (policy === 'immediately') return { ...succeeded, pending: run().then(() => undefined) };
  if (policy === 'after-callback') return (await run()) ? succeeded : failed;
  const settled = run();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), policy.timeoutMs);
  });
  const outcome = await Promise.race([settled, timedOut]);
  clearTimeout(timer);
  if (outcome === 'timeout') return { ...succeeded, pending: settled.then(() => undefined) };
  return outcome ? succeeded : failed;
};

/**
 * Answers one webhook request: checks it, reads and validates the body, runs the callback
 * according to the acknowledgement policy. Never throws.
 */
export const handleWebhookRequest = async <Request>(
  request: WebhookRequest<Request>,
  handler: WebhookHandler<Request>,
  options: WebhookHandlerOptions<Request> = {},
): Promise<WebhookResponse> => {
  const refused = checkEnvelope(request, options);
  if (refused !== undefined) {
    return reject(options, request, refused, refused.status === 405 ? { headers: { allow: 'POST' } } : {});
  }
  const body = await receiveBody(request, options);
  if (isRejection(body)) {
    const unread = body.status === 413 || body.status === 408;
    return reject(options, request, body, unread ? { closeConnection: true, headers: { connection: 'close' } } : {});
  }
  const parsed = parseWebhook(body.input);
  const context: WebhookContext<Request> = { rawBody: body.raw, request: request.original };
  const policy = options.acknowledge ?? 'after-callback';
  if (E.isRight(parsed)) {
    const event: BlingerWebhook = parsed.right;
    const run = () => runCallback(() => dispatchTo(handler, event, context), options, context);
    if (options.dedupe === undefined) return acknowledge(run, policy, ACCEPTED, CALLBACK_FAILED);
    const once = await claimDelivery(options.dedupe, deliveryKey(event), run);
    if (once.kind === 'claimed') return acknowledge(once.run, policy, ACCEPTED, CALLBACK_FAILED);
    return once.kind === 'duplicate' ? DUPLICATE : DEDUPE_STORE_FAILED;
  }
  const error = parsed.left;
  if (error.kind === 'unknown_event') {
    // An event added by Blinger after this version: acknowledged whatever the hook does, so Blinger
    // does not retry it forever.
    const hook = options.onUnknownEvent;
    if (hook === undefined) return IGNORED;
    return acknowledge(() => runCallback(() => hook(error.payload, context), options, context), policy, IGNORED, IGNORED);
  }
  return reject(options, request, { status: 400, error: error.kind, message: error.message, parseError: error });
};
