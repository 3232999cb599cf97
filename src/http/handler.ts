/**
 * The user's side of an endpoint: the callback, in one of two forms, and what it receives.
 *
 * @module
 */
import type { BlingerWebhook, WebhookEvent, WebhookName } from '../codecs/events.js';

/** What a callback receives besides the event. */
export interface WebhookContext<Request> {
  /** The body exactly as received, or `null` when a body parser had already parsed it. */
  readonly rawBody: Uint8Array | null;
  /** The framework's own request object (express `Request`, fetch `Request`, `IncomingMessage`). */
  readonly request: Request;
}

/** One callback for every event; narrow on `event.webhook`. */
export type WebhookCallback<Request> = (event: BlingerWebhook, context: WebhookContext<Request>) => void | Promise<void>;

/**
 * A callback per event name, each receiving its own event type. Events without a callback are
 * acknowledged and ignored; a misspelt name does not compile.
 */
export type WebhookCallbacks<Request> = {
  readonly [Name in WebhookName]?: (event: WebhookEvent<Name>, context: WebhookContext<Request>) => void | Promise<void>;
};

/** What an adapter wraps: a {@link WebhookCallback} or a {@link WebhookCallbacks} map. */
export type WebhookHandler<Request> = WebhookCallback<Request> | WebhookCallbacks<Request>;

/** Calls the callback that `handler` has for `event`, if any. */
export const dispatchTo = <Request>(
  handler: WebhookHandler<Request>,
  event: BlingerWebhook,
  context: WebhookContext<Request>,
): void | Promise<void> => {
  if (typeof handler === 'function') return handler(event, context);
  if (!Object.hasOwn(handler, event.webhook)) return undefined;
  const callback = handler[event.webhook] as WebhookCallback<Request> | undefined;
  return callback?.(event, context);
};

const reportToConsole = (error: unknown): void => {
  console.error('[blinger-webhooks] webhook callback failed:', error);
};

/**
 * Runs user code, sync or async, and reports a throw or rejection to `onError`.
 * Resolves `true` when it succeeded; never rejects.
 */
export const runCallback = async <Request>(
  callback: () => void | Promise<void>,
  options: { readonly onError?: (error: unknown, context: WebhookContext<Request>) => void },
  context: WebhookContext<Request>,
): Promise<boolean> => {
  try {
    await callback();
    return true;
  } catch (error) {
    try {
      (options.onError ?? reportToConsole)(error, context);
    } catch {
      // An error reporter that throws must not take the server down.
    }
    return false;
  }
};
