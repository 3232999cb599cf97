/**
 * `matchWebhook`: exhaustive handling of every event, checked by the compiler.
 *
 * @module
 */
import type { BlingerWebhook, WebhookEvent, WebhookName } from './codecs/events.js';

/**
 * One function per event, each receiving its own event type.
 *
 * @category Parsing
 * @since 0.1.0
 */
export type WebhookCases<R> = { readonly [Name in WebhookName]: (event: WebhookEvent<Name>) => R };

/**
 * Functions for some events, and `otherwise` for every event without one.
 *
 * @category Parsing
 * @since 0.1.0
 */
export type PartialWebhookCases<R> = Partial<WebhookCases<R>> & {
  /** Called for every event that has no function of its own. */
  readonly otherwise: (event: BlingerWebhook) => R;
};

/**
 * Calls the function for `event.webhook` and returns its result. Without `otherwise`, the cases
 * must cover every event, so an event added in a later version is a compile error here.
 *
 * @example
 * const summary = matchWebhook(event, {
 *   on_message_incoming: (e) => `message: ${e.message.message}`,
 *   on_comment_incoming: (e) => `comment: ${e.comment.message}`,
 *   otherwise: (e) => e.webhook,
 * });
 *
 * @category Parsing
 * @since 0.1.0
 */
export function matchWebhook<R>(event: BlingerWebhook, cases: WebhookCases<R> | PartialWebhookCases<R>): R {
  const own = Object.hasOwn(cases, event.webhook)
    ? (cases as Partial<WebhookCases<R>>)[event.webhook]
    : undefined;
  if (own !== undefined) return (own as (event: BlingerWebhook) => R)(event);
  // Reached only with PartialWebhookCases: WebhookCases has a function for every event.
  return (cases as PartialWebhookCases<R>).otherwise(event);
}
