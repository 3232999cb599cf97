/**
 * blinger-webhooks: validated, precisely typed Blinger webhooks.
 *
 * @packageDocumentation
 */
export * from './codecs/index.js';
export {
  InvalidWebhookError,
  MAX_LISTED_ISSUES,
  type InvalidJsonError,
  type InvalidPayloadError,
  type PayloadIssue,
  type ReceivedType,
  type UnknownEventError,
  type WebhookParseError,
} from './errors.js';
export { matchWebhook, type PartialWebhookCases, type WebhookCases } from './match.js';
export { parseWebhook, parseWebhookOrThrow } from './parse.js';
