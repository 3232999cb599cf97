/**
 * `blinger-webhooks/testing`: example payloads and a payload builder for your own tests.
 *
 * @packageDocumentation
 */
export { createWebhook, type WebhookOverrides } from './create-webhook.js';
export { examples, type WebhookExamples } from './examples.js';
