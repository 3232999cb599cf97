/**
 * `createWebhook`: valid payloads for your own tests, with only the fields you care about changed.
 *
 * @module
 */
import type { WebhookEvent, WebhookName } from '../codecs/events.js';
import { examples } from './examples.js';

/**
 * Changes to apply to an event: any subset of its fields, at any depth. Objects are merged field
 * by field; arrays and other values replace what was there.
 *
 * @category Testing
 * @since 0.1.0
 */
export type WebhookOverrides<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { [K in keyof T]?: WebhookOverrides<T[K]> }
    : T;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const merge = (base: unknown, override: unknown): unknown => {
  if (override === undefined) return structuredClone(base);
  if (!isPlainObject(base) || !isPlainObject(override)) return structuredClone(override);
  const merged: Record<string, unknown> = structuredClone(base);
  for (const key of Object.keys(override)) {
    // defineProperty, not assignment: a "__proto__" key stays a plain field, never a prototype.
    Object.defineProperty(merged, key, {
      value: merge(Object.hasOwn(merged, key) ? merged[key] : undefined, override[key]),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return merged;
};

/**
 * Returns a fresh, valid payload of event `name`, Blinger's documented example with `overrides`
 * merged in. The `webhook` field always stays `name`.
 *
 * @example
 * import { createWebhook } from 'blinger-webhooks/testing';
 * const unassigned = createWebhook('on_message_incoming', {
 *   operator: { id: null, name: null, email: null },
 *   message: { message: 'Hello!' },
 * });
 *
 * @category Testing
 * @since 0.1.0
 */
export const createWebhook = <Name extends WebhookName>(
  name: Name,
  overrides?: WebhookOverrides<WebhookEvent<Name>>,
): WebhookEvent<Name> => {
  const event = merge(examples[name], overrides) as Record<string, unknown>;
  event.webhook = name;
  return event as WebhookEvent<Name>;
};
