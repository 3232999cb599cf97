/**
 * blinger-webhooks: validated, precisely typed Blinger webhooks.
 *
 * @packageDocumentation
 */
export {
  AssignedConversation,
  BlingerUser,
  BlingerWebhook,
  Channel,
  CloseGroup,
  ClosedConversation,
  Comment,
  CommentIncoming,
  CommentOutgoing,
  ConversationAssigned,
  ConversationClosed,
  ConversationMessage,
  ConversationStatus,
  ConversationTag,
  ConversationUnassigned,
  ConversationUser,
  isWebhookName,
  Message,
  MessageIncoming,
  MessageOperator,
  MessageOutgoing,
  MessageParticipant,
  MessageStatus,
  MessageType,
  NewUser,
  Operator,
  parseBlingerUserTags,
  SafeInteger,
  UnassignedConversation,
  UserNew,
  UserRole,
  UserStatus,
  webhookCodecs,
  webhookNames,
  wireQuirkRules,
  type WebhookEvent,
  type WebhookName,
  type WireQuirk,
  type WireQuirkRule,
} from './codecs/index.js';
export { deliveryKey } from './dedupe/delivery-key.js';
export {
  createMemoryDedupeStore,
  DEFAULT_MAX_DEDUPE_ENTRIES,
  type MemoryDedupeStoreOptions,
} from './dedupe/memory-store.js';
export { DEFAULT_DEDUPE_TTL_MS, type DedupeOptions, type DedupeStore } from './dedupe/store.js';
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
export { parseWebhook, parseWebhookOrThrow, type ParseWebhookOptions } from './parse.js';
export {
  DEFAULT_BODY_TIMEOUT_MS,
  DEFAULT_MAX_BODY_BYTES,
  type AcknowledgePolicy,
  type WebhookHandlerOptions,
} from './http/options.js';
export type { InvalidBodyRejection, WebhookRejection, WebhookRejectionOf } from './http/rejection.js';
export { toExpressHandler, type ExpressRequestLike } from './http/express.js';
export { toFetchHandler, type WaitUntilContext } from './http/fetch.js';
export type {
  WebhookCallback,
  WebhookCallbacks,
  WebhookContext,
  WebhookHandler,
  WebhookListener,
} from './http/listener.js';
export type { NodeRequestLike, NodeResponseLike, NodeSocketLike } from './http/node-io.js';
export { toNodeHandler } from './http/node.js';
