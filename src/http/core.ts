/**
 * The whole HTTP contract of a Blinger webhook endpoint, independent of any framework.
 * Adapters translate their framework's request into a {@link WebhookRequest}, call
 * {@link handleWebhookRequest}, and write the {@link WebhookResponse} back.
 *
 * | situation                                              | response                                        |
 * |--------------------------------------------------------|-------------------------------------------------|
 * | valid event, callback resolved                         | 200                                             |
 * | method other than POST                                 | 405, `Allow: POST`                              |
 * | `path` set and the request path (as sent) is another   | 404                                             |
 * | `secretToken` set, `?token=` missing or wrong          | 401 (constant-time comparison, every secret)    |
 * | body larger than `maxBodyBytes` (after decoding)       | 413; reading stops, connection closed if unread |
 * | body slower than `bodyTimeoutMs`                       | 408, connection closed                          |
 * | `Content-Encoding` or `charset` not supported          | 415                                             |
 * | body not JSON, or not a valid event                    | 400 `{ error, message, issues? }`               |
 * | ... and `onInvalidDelivery` set                        | 200 once it resolves, 500 if it fails           |
 * | body already consumed by something in front            | 500 `body_already_read`, `onError` called       |
 * | event unknown to this version                          | 200, `onUnknownEvent` called                    |
 * | callback throws or rejects                             | 500, `onError` called                           |
 * | `dedupe` set, delivery key already claimed             | 200 `{ ok, duplicate }`, callback not run       |
 * | `dedupe` set, the store fails                          | 503, callback not run, `onStoreError` called    |
 *
 * Response bodies are small JSON objects; they never carry stack traces or payload values.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { deliveryKey } from '../dedupe/delivery-key.js';
import type { BlingerWebhook } from '../codecs/events.js';
import type { InvalidJsonError, InvalidPayloadError } from '../errors.js';
import { parseWebhook } from '../parse.js';
import {
  ACCEPTED,
  INTERNAL_ERROR,
  bodyAlreadyRead,
  CALLBACK_FAILED,
  DEDUPE_STORE_FAILED,
  DUPLICATE,
  IGNORED,
  KEPT,
  NOT_KEPT,
  refusal,
  type WebhookResponse,
} from './answers.js';
import { type BodyReadResult, readBody, readDeclaredBody, type WebhookBody } from './body.js';
import { decodeCharset, isParsedAsBytes, undoContentEncoding } from './content.js';
import { claimDelivery } from './dedupe.js';
import { checkEnvelope } from './envelope.js';
import { report, runCallback, runListener, type WebhookContext, type WebhookListener } from './listener.js';
import { isPending, type MaybePromise } from './maybe-promise.js';
import type { AcknowledgePolicy, EndpointSettings } from './options.js';
import { ABORTED, invalidDelivery, TIMED_OUT, TOO_LARGE, type WebhookRejection } from './rejection.js';
import { withTimeout } from './timeout.js';

/** A request, as an adapter hands it to the core. */
export interface WebhookRequest<FrameworkRequest> {
  readonly method: string;
  /** The request target as sent (a path with its query string), or an absolute URL. */
  readonly url: string;
  /** The declared `Content-Length`, or `null`. */
  readonly contentLength: number | null;
  /** The `Content-Type` header, or `null`. */
  readonly contentType: string | null;
  /** The `Content-Encoding` header, or `null`. */
  readonly contentEncoding: string | null;
  readonly body: WebhookBody;
  /** The framework's own request object, passed to callbacks as `context.request`. */
  readonly original: FrameworkRequest;
}

/** A body still to be read. */
type UnreadBody = Extract<WebhookBody, { kind: 'declared' | 'stream' }>;

/** What receiving the body ended in. */
type BodyOutcome =
  /** The whole body: its bytes (`null` where a parser ran) and what `parseWebhook` gets. */
  | { readonly kind: 'received'; readonly raw: Uint8Array | null; readonly input: unknown }
  /** The whole body, in a charset whose rules its bytes break. */
  | { readonly kind: 'undecodable'; readonly raw: Uint8Array; readonly error: InvalidJsonError }
  /** Refused; `unreadRest` when the sender is still sending the rest of it. */
  | { readonly kind: 'refused'; readonly rejection: WebhookRejection; readonly unreadRest: boolean }
  /** Something in front of the endpoint consumed the body. */
  | { readonly kind: 'already_read'; readonly cause: string };

const EMPTY: BodyOutcome = { kind: 'received', raw: new Uint8Array(), input: '' };
const utf8 = new TextEncoder();

const refused = (rejection: WebhookRejection, unreadRest = false): BodyOutcome => ({ kind: 'refused', rejection, unreadRest });

const FORM_PARSED =
  'A form body parser (such as express.urlencoded()) parsed this delivery, sent as application/x-www-form-urlencoded, ' +
  'before the webhook handler: mount the handler before that parser, or limit the parser with its `type` option';

/**
 * A form parser's work: a body sent as a form that was parsed into an object without `webhook`
 * (a JSON parser given the same body would have kept its `webhook`).
 */
const parsedAsForm = (contentType: string | null, value: unknown): boolean =>
  contentType !== null &&
  contentType.trimStart().toLowerCase().startsWith('application/x-www-form-urlencoded') &&
  typeof value === 'object' &&
  value !== null &&
  !Object.hasOwn(value, 'webhook');

/** Bytes the endpoint holds in full, decoded from their charset. */
const fromBytes = (bytes: Uint8Array, contentType: string | null): BodyOutcome => {
  // The usual delivery, in UTF-8, is received as it is: no intermediate object (each object a
  // delivery allocates showed in bench:http).
  if (isParsedAsBytes(contentType)) return { kind: 'received', raw: bytes, input: bytes };
  const text = decodeCharset(bytes, contentType);
  if (text.kind === 'input') return { kind: 'received', raw: bytes, input: text.input };
  if (text.kind === 'invalid') return { kind: 'undecodable', raw: bytes, error: text.error };
  return refused(text.rejection);
};

/** What a read body ends in, once its `Content-Encoding` and charset are undone. */
const fromRead = (read: BodyReadResult, request: WebhookRequest<unknown>, maxBodyBytes: number): MaybePromise<BodyOutcome> => {
  if (read.kind === 'too_large') return refused(TOO_LARGE, true);
  if (read.kind === 'timeout') return refused(TIMED_OUT, true);
  if (read.kind === 'aborted') return refused(ABORTED);
  // Most deliveries are not compressed: no decoding step, not even a promise, for them.
  if (request.contentEncoding === null) return fromBytes(read.bytes, request.contentType);
  return undoContentEncoding(read.bytes, request.contentEncoding, maxBodyBytes).then((decoded) =>
    decoded.kind === 'decoded' ? fromBytes(decoded.bytes, request.contentType) : refused(decoded.rejection),
  );
};

/** Reads an unread body within the limits; `done` gets what the reading ended in. */
const readUnread = <FrameworkRequest>(
  body: UnreadBody,
  settings: EndpointSettings<FrameworkRequest>,
  done: (read: BodyReadResult) => void,
): void => {
  const { maxBodyBytes, bodyTimeoutMs } = settings;
  if (body.kind === 'declared') readDeclaredBody(body.read, maxBodyBytes, bodyTimeoutMs, done);
  else readBody(body, maxBodyBytes, bodyTimeoutMs, done);
};

/**
 * The body when the adapter found it already held (parsed, buffered, consumed), or refused on its
 * declared length; otherwise the unread body, to be read.
 */
const heldBody = <FrameworkRequest>(
  request: WebhookRequest<FrameworkRequest>,
  settings: EndpointSettings<FrameworkRequest>,
): BodyOutcome | { readonly kind: 'unread'; readonly body: UnreadBody } => {
  const { body, contentLength } = request;
  // A declared empty body is empty, even where a body parser turned it into `{}`.
  if (contentLength === 0) return EMPTY;
  const tooLarge = contentLength !== null && contentLength > settings.maxBodyBytes;
  switch (body.kind) {
    case 'already_read':
      return body;
    case 'parsed':
      if (tooLarge) return refused(TOO_LARGE);
      return parsedAsForm(request.contentType, body.value)
        ? { kind: 'already_read', cause: FORM_PARSED }
        : { kind: 'received', raw: null, input: body.value };
    case 'buffered': {
      // A parser's text is encoded once, for both the limit and `context.rawBody`.
      const bytes = typeof body.data === 'string' ? utf8.encode(body.data) : body.data;
      if (bytes.byteLength > settings.maxBodyBytes) return refused(TOO_LARGE);
      return typeof body.data === 'string' ? { kind: 'received', raw: bytes, input: body.data } : fromBytes(bytes, request.contentType);
    }
    default:
      // Refused on its declared length before a byte is read.
      return tooLarge ? refused(TOO_LARGE, true) : { kind: 'unread', body };
  }
};

/**
 * Picks the answer for user code (the callback or a hook) that has been started, as the
 * acknowledgement policy says: `succeeded` or `failed` once it has settled, `succeeded` if it is
 * still running. Code that returned no promise has settled already: its answer is given at once,
 * with no timer.
 */
const acknowledge = (
  running: MaybePromise<boolean>,
  policy: AcknowledgePolicy,
  succeeded: WebhookResponse,
  failed: WebhookResponse,
): MaybePromise<WebhookResponse> => {
  if (policy === 'immediately') return isPending(running) ? { ...succeeded, pending: running.then(() => undefined) } : succeeded;
  if (!isPending(running)) return running ? succeeded : failed;
  if (policy === 'after-callback') return running.then((ok) => (ok ? succeeded : failed));
  return withTimeout(running, policy.timeoutMs).then((outcome) => {
    if (outcome.settled) return outcome.value ? succeeded : failed;
    return { ...succeeded, pending: running.then(() => undefined) };
  });
};

/** Tells `onRejected` (a logging hook, which must not change the answer) and builds the refusal. */
const refuse = <FrameworkRequest>(
  settings: EndpointSettings<FrameworkRequest>,
  request: WebhookRequest<FrameworkRequest>,
  rejection: WebhookRejection,
  unreadRest: boolean,
): WebhookResponse => {
  try {
    settings.hooks.onRejected?.(rejection, request.original);
  } catch {
    // Ignored on purpose.
  }
  return refusal(rejection, unreadRest);
};

/** A body that is not JSON or not a valid event: kept by `onInvalidDelivery` if there is one, refused otherwise. */
const keepOrRefuse = <FrameworkRequest>(
  error: InvalidJsonError | InvalidPayloadError,
  context: WebhookContext<FrameworkRequest>,
  request: WebhookRequest<FrameworkRequest>,
  settings: EndpointSettings<FrameworkRequest>,
): MaybePromise<WebhookResponse> => {
  const { onInvalidDelivery, onError } = settings.hooks;
  if (onInvalidDelivery === undefined) return refuse(settings, request, invalidDelivery(error), false);
  return acknowledge(runCallback(() => onInvalidDelivery(error, context), onError, context), settings.acknowledge, KEPT, NOT_KEPT);
};

/** Runs the listener on a valid event, once per delivery key where `dedupe` is set. */
const deliver = <FrameworkRequest>(
  event: BlingerWebhook,
  context: WebhookContext<FrameworkRequest>,
  listener: WebhookListener<FrameworkRequest>,
  settings: EndpointSettings<FrameworkRequest>,
): MaybePromise<WebhookResponse> => {
  const { onError } = settings.hooks;
  if (settings.dedupe === null) {
    return acknowledge(runListener(listener, event, context, onError), settings.acknowledge, ACCEPTED, CALLBACK_FAILED);
  }
  const run = () => runListener(listener, event, context, onError);
  return claimDelivery(settings.dedupe, deliveryKey(event), run).then((once) => {
    if (once.kind === 'claimed') return acknowledge(once.run(), settings.acknowledge, ACCEPTED, CALLBACK_FAILED);
    return once.kind === 'duplicate' ? DUPLICATE : DEDUPE_STORE_FAILED;
  });
};

/** Answers a request whose body has been received (or refused). */
const answerBody = <FrameworkRequest>(
  body: BodyOutcome,
  request: WebhookRequest<FrameworkRequest>,
  listener: WebhookListener<FrameworkRequest>,
  settings: EndpointSettings<FrameworkRequest>,
): MaybePromise<WebhookResponse> => {
  const { onError } = settings.hooks;
  if (body.kind === 'refused') return refuse(settings, request, body.rejection, body.unreadRest);
  if (body.kind === 'already_read') {
    const error = Object.assign(new Error(body.cause), { name: 'BodyAlreadyReadError' });
    report(onError, error, { rawBody: null, request: request.original });
    return bodyAlreadyRead(body.cause);
  }
  const context: WebhookContext<FrameworkRequest> = { rawBody: body.raw, request: request.original };
  if (body.kind === 'undecodable') return keepOrRefuse(body.error, context, request, settings);
  const parsed = parseWebhook(body.input, settings.parseOptions);
  if (E.isRight(parsed)) return deliver(parsed.right, context, listener, settings);
  const error = parsed.left;
  if (error.kind !== 'unknown_event') return keepOrRefuse(error, context, request, settings);
  // An event added by Blinger after this version: acknowledged whatever the hook does, so Blinger
  // does not retry it forever.
  const hook = settings.hooks.onUnknownEvent;
  if (hook === undefined) return IGNORED;
  return acknowledge(runCallback(() => hook(error.payload, context), onError, context), settings.acknowledge, IGNORED, IGNORED);
};

/**
 * Answers a request whose body the adapter found held. A throw, which nothing in the core is known
 * to cause, becomes a 500 rather than an exception inside a stream's event handler.
 */
const answerHeld = <FrameworkRequest>(
  body: BodyOutcome,
  request: WebhookRequest<FrameworkRequest>,
  listener: WebhookListener<FrameworkRequest>,
  settings: EndpointSettings<FrameworkRequest>,
): MaybePromise<WebhookResponse> => {
  try {
    return answerBody(body, request, listener, settings);
  } catch {
    return INTERNAL_ERROR;
  }
};

/** Answers a request once its body has been read; a throw becomes a 500, as in {@link answerHeld}. */
const answerRead = <FrameworkRequest>(
  read: BodyReadResult,
  request: WebhookRequest<FrameworkRequest>,
  listener: WebhookListener<FrameworkRequest>,
  settings: EndpointSettings<FrameworkRequest>,
): MaybePromise<WebhookResponse> => {
  try {
    const body = fromRead(read, request, settings.maxBodyBytes);
    if (!isPending(body)) return answerBody(body, request, listener, settings);
    return body.then((received) => answerBody(received, request, listener, settings));
  } catch {
    return INTERNAL_ERROR;
  }
};

/** Hands `respond` the answer, now or once it resolves (a rejection, never seen, becomes a 500). */
const settle = (response: MaybePromise<WebhookResponse>, respond: (response: WebhookResponse) => void): void => {
  if (isPending(response)) response.then(respond, () => respond(INTERNAL_ERROR));
  else respond(response);
};

/**
 * Answers one webhook request: checks it, reads and validates the body, runs the callback
 * according to the acknowledgement policy, and calls `respond` once with the answer. `respond` is
 * called in the same turn as the body's last byte when nothing else needs waiting for (a callback
 * that returned no promise, a body that is not compressed), as a bare route would answer; it must
 * not throw. Nothing here throws, unless the adapter's body stream fails to start (the adapters
 * answer 500 then).
 */
export const handleWebhookRequest = <FrameworkRequest>(
  request: WebhookRequest<FrameworkRequest>,
  listener: WebhookListener<FrameworkRequest>,
  settings: EndpointSettings<FrameworkRequest>,
  respond: (response: WebhookResponse) => void,
): void => {
  const envelope = checkEnvelope(request.method, request.url, settings as EndpointSettings<never>);
  if (envelope !== null) return respond(refuse(settings, request, envelope, false));
  const held = heldBody(request, settings);
  if (held.kind !== 'unread') return settle(answerHeld(held, request, listener, settings), respond);
  readUnread(held.body, settings, (read) => settle(answerRead(read, request, listener, settings), respond));
};
