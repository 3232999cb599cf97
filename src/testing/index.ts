/**
 * `blinger-webhooks/testing`: example payloads, a payload builder and the wire quirks of Blinger's
 * sender, for your own tests. It needs
 * no extra package; the fast-check arbitraries are in `blinger-webhooks/testing/arbitraries`.
 *
 * @packageDocumentation
 */
export { createWebhook, type WebhookOverrides } from './create-webhook.js';
export { examples, type WebhookExamples } from './examples.js';
export {
  quirkyWireForm,
  type AppliedWireQuirk,
  type QuirkyWireForm,
  type QuirkyWireFormOptions,
} from './wire-quirks.js';
