/**
 * `blinger-webhooks/testing`: example payloads and a payload builder for your own tests. It needs
 * no extra package; the fast-check arbitraries are in `blinger-webhooks/testing/arbitraries`.
 *
 * @packageDocumentation
 */
export { createWebhook, type WebhookOverrides } from './create-webhook.js';
export { examples, type WebhookExamples } from './examples.js';
