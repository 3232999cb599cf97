/**
 * `blinger-webhooks/testing`: example payloads and a payload builder for your own tests.
 *
 * @packageDocumentation
 */
export { createWebhook, type WebhookOverrides } from './create-webhook.js';
export { examples, type WebhookExamples } from './examples.js';
export {
  arbitraryFromCodec,
  webhookArbitraries,
  type ArbitraryOptions,
  type EventArbitraries,
  type FastCheckModule,
  type WebhookArbitraries,
} from './arbitraries.js';
export {
  quirkyWireForm,
  type AppliedWireQuirk,
  type QuirkyWireForm,
  type QuirkyWireFormOptions,
} from './wire-quirks.js';
