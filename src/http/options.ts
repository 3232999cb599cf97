/**
 * What an adapter can be told, and the check every adapter runs on it when it is made.
 *
 * @module
 */
import type { DedupeOptions } from '../dedupe/store.js';
import type { InvalidJsonError, InvalidPayloadError } from '../errors.js';
import type { ParseWebhookOptions } from '../parse.js';
import type { WebhookContext } from './listener.js';
import type { WebhookRejection } from './rejection.js';

/**
 * 5 MiB: a closed conversation carries its whole history, so bodies can be large.
 *
 * @category Adapters
 * @since 0.1.0
 */
export const DEFAULT_MAX_BODY_BYTES = 5 * 1024 * 1024;

/**
 * 30 s to receive the whole body.
 *
 * @category Adapters
 * @since 0.1.0
 */
export const DEFAULT_BODY_TIMEOUT_MS = 30_000;

/**
 * When the endpoint answers Blinger:
 * - `'after-callback'` (default): once the callback has finished; 500 if it failed, so Blinger may retry.
 * - `'immediately'`: 200 at once; the callback runs afterwards and its errors go to `onError`.
 * - `{ timeoutMs }`: when the callback finishes or after `timeoutMs`, whichever is first. On timeout the
 *   answer is 200 and the callback keeps running: a 5xx would make Blinger resend a delivery that is
 *   already being processed.
 *
 * The same policy applies to `onUnknownEvent` and `onInvalidDelivery`.
 *
 * @category Adapters
 * @since 0.1.0
 */
export type AcknowledgePolicy =
  | 'after-callback'
  | 'immediately'
  | {
      /** Longest wait for the callback before answering 200 anyway, in milliseconds (a positive finite number). */
      readonly timeoutMs: number;
    };

/**
 * Options shared by every adapter (`toNodeHandler`, `toExpressHandler`, `toFetchHandler`). Every
 * option may be `undefined`, so a value read from the environment can be passed as it is. Each is
 * checked when the adapter is made: a bad value throws a `TypeError` that names the option.
 *
 * @typeParam FrameworkRequest - the framework's own request type, passed to hooks as `context.request`.
 * @category Adapters
 * @since 0.1.0
 */
export interface WebhookHandlerOptions<FrameworkRequest> {
  /**
   * Largest accepted body, in bytes, counted after any `Content-Encoding` is undone (a few KiB of
   * gzip that inflate past it are refused with 413, without inflating the rest).
   *
   * @defaultValue {@link DEFAULT_MAX_BODY_BYTES} (5 MiB)
   */
  readonly maxBodyBytes?: number | undefined;
  /**
   * Time allowed to receive the whole body, in milliseconds. A late body is answered 408 never
   * earlier, and later by up to two ticks of a clock that bodies share instead of a timer each (a
   * tick is a tenth of the limit, 5 ms to 1 s), plus a millisecond and whatever delays timers on
   * a busy event loop: with 300 ms, measured 358–398 ms.
   *
   * @defaultValue {@link DEFAULT_BODY_TIMEOUT_MS} (30 s)
   */
  readonly bodyTimeoutMs?: number | undefined;
  /**
   * The secret that must arrive as the `?token=` query parameter (see `tokenParam`), or several
   * secrets during a rotation (each accepted; every comparison is constant-time). Blinger does not
   * sign deliveries, so put it in the webhook URL you give Blinger: `https://example.com/blinger?token=...`.
   * The value is accepted as written in that URL or percent-encoded (a `+` need not be encoded).
   * `undefined` accepts deliveries without a token; an empty or blank secret throws a `TypeError`,
   * so an environment variable set to `""` cannot open the endpoint, and so does a secret with
   * white space around it or a control character in it (a newline kept from a file would make
   * every delivery a 401).
   *
   * @defaultValue `undefined` (no token required)
   */
  readonly secretToken?: string | readonly string[] | undefined;
  /**
   * Name of the query parameter that carries `secretToken`.
   *
   * @defaultValue `'token'`
   */
  readonly tokenParam?: string | undefined;
  /**
   * Answer 404 unless the request path, exactly as sent (before `?`), is this one. For handlers
   * that receive every request. Must start with `/`.
   *
   * @defaultValue `undefined` (every path)
   */
  readonly path?: string | undefined;
  /**
   * When to answer Blinger.
   *
   * @defaultValue `'after-callback'`
   */
  readonly acknowledge?: AcknowledgePolicy | undefined;
  /**
   * Run each delivery's callback once across instances sharing a store.
   *
   * @defaultValue `undefined` (no deduplication)
   */
  readonly dedupe?: DedupeOptions | undefined;
  /**
   * What to do with the wire quirks of a PHP/MySQL sender (ids as digit strings, `0`/`1` booleans,
   * `[]` for an empty object, lists as index-keyed objects): `'decode'` turns each into its
   * canonical value; `'reject'` refuses a delivery holding any (400 `invalid_payload`, an issue at
   * each quirk's path). The same option as {@link ParseWebhookOptions.wireQuirks}; see the type-model guide.
   *
   * @defaultValue `'decode'`
   */
  readonly wireQuirks?: 'decode' | 'reject' | undefined;
  /**
   * Called for each accepted delivery that held at least one wire quirk, with every decoded field's
   * path and rule (never a value) and the event: one line to monitor "Blinger started sending ids as
   * strings". The same hook as {@link ParseWebhookOptions.onWireQuirks}; what it throws is ignored.
   *
   * @defaultValue `undefined`
   */
  readonly onWireQuirks?: ParseWebhookOptions['onWireQuirks'] | undefined;
  /**
   * Called when the callback or a hook throws or rejects, and when the endpoint cannot read a body
   * that something else (a body parser, a middleware) already consumed (answer 500 `body_already_read`).
   *
   * @defaultValue `console.error`
   */
  readonly onError?: ((error: unknown, context: WebhookContext<FrameworkRequest>) => void) | undefined;
  /**
   * Called with the payload of an event this version does not know; the delivery is still answered 200.
   *
   * @defaultValue `undefined` (the event is acknowledged and dropped)
   */
  readonly onUnknownEvent?:
    | ((payload: Readonly<Record<string, unknown>>, context: WebhookContext<FrameworkRequest>) => void | Promise<void>)
    | undefined;
  /**
   * Called for every delivery received in full whose body is not JSON (`invalid_json`) or not a
   * valid event (`invalid_payload`), to keep it: `context.rawBody` holds its bytes (or is `null`
   * where a body parser ran; the parsed body is then on `context.request`). When it resolves the
   * answer is 200 (the delivery is kept); when it throws or rejects, 500 `invalid_delivery_not_kept`
   * (and `onError` is called) so a sender that retries will retry. Without it such deliveries are
   * refused with 400. It runs under the {@link AcknowledgePolicy} like the callback.
   *
   * @defaultValue `undefined` (answer 400)
   */
  readonly onInvalidDelivery?:
    | ((error: InvalidJsonError | InvalidPayloadError, context: WebhookContext<FrameworkRequest>) => void | Promise<void>)
    | undefined;
  /**
   * Called for every refused request (4xx), with the reason: for logging and debugging.
   *
   * @defaultValue `undefined` (refusals are not logged)
   */
  readonly onRejected?: ((rejection: WebhookRejection, request: FrameworkRequest) => void) | undefined;
}

/** The options after the check, with every default filled in: what the core reads. */
export interface EndpointSettings<FrameworkRequest> {
  readonly maxBodyBytes: number;
  readonly bodyTimeoutMs: number;
  /** `null` when no token is required. */
  readonly secrets: readonly string[] | null;
  readonly tokenParam: string;
  readonly path: string | null;
  readonly acknowledge: AcknowledgePolicy;
  /** `null` without deduplication. */
  readonly dedupe: DedupeOptions | null;
  /** What `parseWebhook` gets; `undefined` (its fast path) unless a wire-quirk option is set. */
  readonly parseOptions: ParseWebhookOptions | undefined;
  readonly hooks: Pick<
    WebhookHandlerOptions<FrameworkRequest>,
    'onError' | 'onUnknownEvent' | 'onInvalidDelivery' | 'onRejected'
  >;
}

const fail = (option: string, problem: string): never => {
  throw new TypeError(`blinger-webhooks: option \`${option}\` ${problem}`);
};

/** `fallback` `null`: the value is required. */
const positiveFinite = (option: string, value: unknown, fallback: number | null): number => {
  if (value === undefined && fallback !== null) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    return fail(option, `must be a positive finite number, got ${typeof value === 'number' ? value : typeof value}`);
  }
  return value;
};

const secretsOf = (value: unknown): readonly string[] | null => {
  if (value === undefined) return null;
  const list: readonly unknown[] = typeof value === 'string' ? [value] : Array.isArray(value) ? value : fail('secretToken', 'must be a string or an array of strings');
  if (list.length === 0) fail('secretToken', 'is an empty array: give at least one secret, or leave it undefined');
  for (const secret of list) {
    if (typeof secret !== 'string') fail('secretToken', 'must contain only strings');
    else if (secret.trim() === '') {
      fail('secretToken', 'is empty or blank (an environment variable set to ""?): an empty secret would accept every request');
    } else if (secret !== secret.trim() || /[\u0000-\u001f\u007f]/.test(secret)) {
      // A secret read from a file (a Docker secret, `$(cat token)`) often keeps its final newline:
      // no URL Blinger calls carries it, so every delivery would get 401 with nothing saying why.
      fail('secretToken', 'starts or ends with white space or holds a control character (a newline from a file?): trim it');
    }
  }
  return list as readonly string[];
};

const acknowledgeOf = (value: unknown): AcknowledgePolicy => {
  if (value === undefined) return 'after-callback';
  if (value === 'after-callback' || value === 'immediately') return value;
  if (typeof value === 'object' && value !== null && 'timeoutMs' in value) {
    return { timeoutMs: positiveFinite('acknowledge.timeoutMs', value.timeoutMs, null) };
  }
  return fail('acknowledge', "must be 'after-callback', 'immediately' or { timeoutMs }");
};

const dedupeOf = (value: unknown): DedupeOptions | null => {
  if (value === undefined) return null;
  if (typeof value !== 'object' || value === null) return fail('dedupe', 'must be { store, ttlMs?, onStoreError? }');
  const { store, ttlMs, onStoreError } = value as Partial<DedupeOptions>;
  if (typeof store !== 'object' || store === null || typeof store.claim !== 'function' || typeof store.release !== 'function') {
    fail('dedupe.store', 'must have claim(key, ttlMs) and release(key) methods');
  }
  if (ttlMs !== undefined && (!Number.isSafeInteger(ttlMs) || ttlMs < 1)) {
    fail('dedupe.ttlMs', `must be a positive integer of milliseconds, got ${typeof ttlMs === 'number' ? ttlMs : typeof ttlMs}`);
  }
  if (onStoreError !== undefined && typeof onStoreError !== 'function') fail('dedupe.onStoreError', 'must be a function');
  return value as DedupeOptions;
};

const HOOKS = ['onError', 'onUnknownEvent', 'onInvalidDelivery', 'onRejected'] as const;

/**
 * Checks every option and fills in the defaults. Adapters call it when they are made, so a
 * misconfiguration fails at startup rather than on the first delivery.
 *
 * @throws TypeError naming the option, for a value it cannot take.
 */
export const settingsFrom = <FrameworkRequest>(
  options: WebhookHandlerOptions<FrameworkRequest> | undefined,
): EndpointSettings<FrameworkRequest> => {
  const given = options ?? {};
  if (typeof given !== 'object' || given === null) fail('options', 'must be an object');
  const { tokenParam, path } = given;
  if (tokenParam !== undefined && (typeof tokenParam !== 'string' || tokenParam === '')) {
    fail('tokenParam', 'must be a non-empty string');
  }
  if (path !== undefined && (typeof path !== 'string' || !path.startsWith('/'))) fail('path', 'must be a string starting with "/"');
  for (const hook of HOOKS) {
    if (given[hook] !== undefined && typeof given[hook] !== 'function') fail(hook, 'must be a function');
  }
  const { wireQuirks, onWireQuirks } = given;
  if (wireQuirks !== undefined && wireQuirks !== 'decode' && wireQuirks !== 'reject') fail('wireQuirks', "must be 'decode' or 'reject'");
  if (onWireQuirks !== undefined && typeof onWireQuirks !== 'function') fail('onWireQuirks', 'must be a function');
  return {
    maxBodyBytes: positiveFinite('maxBodyBytes', given.maxBodyBytes, DEFAULT_MAX_BODY_BYTES),
    bodyTimeoutMs: positiveFinite('bodyTimeoutMs', given.bodyTimeoutMs, DEFAULT_BODY_TIMEOUT_MS),
    secrets: secretsOf(given.secretToken),
    tokenParam: tokenParam ?? 'token',
    path: path ?? null,
    acknowledge: acknowledgeOf(given.acknowledge),
    dedupe: dedupeOf(given.dedupe),
    parseOptions:
      wireQuirks === undefined && onWireQuirks === undefined
        ? undefined
        : { ...(wireQuirks === undefined ? {} : { wireQuirks }), ...(onWireQuirks === undefined ? {} : { onWireQuirks }) },
    hooks: {
      onError: given.onError,
      onUnknownEvent: given.onUnknownEvent,
      onInvalidDelivery: given.onInvalidDelivery,
      onRejected: given.onRejected,
    },
  };
};
