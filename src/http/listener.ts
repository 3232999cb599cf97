/**
 * The user's side of an endpoint: the listener (one callback, or a callback per event) and what
 * it receives. The adapters' `toXHandler` functions turn a listener into a framework's handler.
 *
 * @module
 */
import type { BlingerWebhook, WebhookEvent, WebhookName } from '../codecs/events.js';
import { isThenable, type MaybePromise } from './maybe-promise.js';

/**
 * What a callback (and every hook) receives besides the event.
 *
 * @typeParam FrameworkRequest - the framework's own request type.
 * @category Adapters
 * @since 0.1.0
 */
export interface WebhookContext<FrameworkRequest> {
  /**
   * The body bytes as the sender sent them, with any `Content-Encoding` (gzip, deflate, br)
   * undone and in the charset the sender used; `null` when a body parser had already parsed it
   * (`express.json()`). After `express.text()` it is the UTF-8 encoding of the parser's text, so
   * a byte order mark the parser dropped is gone; mount the handler before any parser, or use
   * `express.raw()`, for the exact bytes.
   */
  readonly rawBody: Uint8Array | null;
  /** The framework's own request object (express `Request`, fetch `Request`, `IncomingMessage`). */
  readonly request: FrameworkRequest;
}

/**
 * One callback for every event; narrow on `event.webhook`.
 *
 * @category Adapters
 * @since 0.1.0
 */
export type WebhookCallback<FrameworkRequest> = (
  event: BlingerWebhook,
  context: WebhookContext<FrameworkRequest>,
) => void | Promise<void>;

/**
 * A callback per event name, each receiving its own event type. Events without a callback are
 * acknowledged and ignored; a misspelt name does not compile.
 *
 * @category Adapters
 * @since 0.1.0
 */
export type WebhookCallbacks<FrameworkRequest> = {
  readonly [Name in WebhookName]?:
    | ((event: WebhookEvent<Name>, context: WebhookContext<FrameworkRequest>) => void | Promise<void>)
    | undefined;
};

/**
 * What the user gives an adapter: a {@link WebhookCallback} or a {@link WebhookCallbacks} map.
 * (The adapter's result, `toNodeHandler(...)` and the like, is the framework's handler.)
 *
 * @category Adapters
 * @since 0.2.0
 */
export type WebhookListener<FrameworkRequest> = WebhookCallback<FrameworkRequest> | WebhookCallbacks<FrameworkRequest>;

/**
 * The former name of {@link WebhookListener}.
 *
 * @deprecated Use {@link WebhookListener}; "handler" now means only what `toXHandler` returns.
 * @category Adapters
 * @since 0.1.0
 */
export type WebhookHandler<FrameworkRequest> = WebhookListener<FrameworkRequest>;

/**
 * Checks, when an adapter is made, that `listener` is a function or an object of callbacks.
 *
 * @throws TypeError when it is neither.
 */
export const checkListener = (listener: unknown): void => {
  if (typeof listener === 'function') return;
  if (typeof listener !== 'object' || listener === null) {
    throw new TypeError('blinger-webhooks: the listener must be a callback or an object of callbacks per event');
  }
  for (const [name, callback] of Object.entries(listener)) {
    if (callback !== undefined && typeof callback !== 'function') {
      throw new TypeError(`blinger-webhooks: the listener's \`${name}\` must be a function`);
    }
  }
};

/** Calls the callback that `listener` has for `event`, if any. */
export const dispatchTo = <FrameworkRequest>(
  listener: WebhookListener<FrameworkRequest>,
  event: BlingerWebhook,
  context: WebhookContext<FrameworkRequest>,
): void | Promise<void> => {
  if (typeof listener === 'function') return listener(event, context);
  if (!Object.hasOwn(listener, event.webhook)) return undefined;
  const callback = listener[event.webhook] as WebhookCallback<FrameworkRequest> | undefined;
  return callback?.(event, context);
};

const reportToConsole = (error: unknown): void => {
  console.error('[blinger-webhooks] webhook callback failed:', error);
};

/** Hands `error` to `onError` (default `console.error`); a reporter that throws must not take the server down. */
export const report = <FrameworkRequest>(
  onError: ((error: unknown, context: WebhookContext<FrameworkRequest>) => void) | undefined,
  error: unknown,
  context: WebhookContext<FrameworkRequest>,
): void => {
  try {
    (onError ?? reportToConsole)(error, context);
  } catch {
    // Nothing left to tell.
  }
};

const succeeded = (): true => true;

const failed = <FrameworkRequest>(
  onError: ((error: unknown, context: WebhookContext<FrameworkRequest>) => void) | undefined,
  error: unknown,
  context: WebhookContext<FrameworkRequest>,
): false => {
  report(onError, error, context);
  return false;
};

/** What user code's result says: `true` at once for a value, otherwise a promise that never rejects. */
const outcomeOf = <FrameworkRequest>(
  result: unknown,
  onError: ((error: unknown, context: WebhookContext<FrameworkRequest>) => void) | undefined,
  context: WebhookContext<FrameworkRequest>,
): MaybePromise<boolean> =>
  isThenable(result) ? Promise.resolve(result).then(succeeded, (error: unknown) => failed(onError, error, context)) : true;

/**
 * Runs user code, sync or async, and reports a throw or rejection to `onError`. Gives `true` when
 * it succeeded: at once for code that returned no promise, otherwise a promise that never rejects.
 */
export const runCallback = <FrameworkRequest>(
  callback: () => unknown,
  onError: ((error: unknown, context: WebhookContext<FrameworkRequest>) => void) | undefined,
  context: WebhookContext<FrameworkRequest>,
): MaybePromise<boolean> => {
  try {
    return outcomeOf(callback(), onError, context);
  } catch (error) {
    return failed(onError, error, context);
  }
};

/**
 * {@link runCallback} for the listener's callback for `event`, which runs for every delivery:
 * called directly rather than through a closure, which cost CPU time per delivery (bench:http).
 */
export const runListener = <FrameworkRequest>(
  listener: WebhookListener<FrameworkRequest>,
  event: BlingerWebhook,
  context: WebhookContext<FrameworkRequest>,
  onError: ((error: unknown, context: WebhookContext<FrameworkRequest>) => void) | undefined,
): MaybePromise<boolean> => {
  try {
    return outcomeOf(dispatchTo(listener, event, context), onError, context);
  } catch (error) {
    return failed(onError, error, context);
  }
};
