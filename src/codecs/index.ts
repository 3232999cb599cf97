/**
 * The public codecs and their types, listed one by one: a helper added to a codec file stays
 * internal until it is added here. The building blocks in `primitives.ts` (`nullable`,
 * `openString`, `LooseId`, `UnixSeconds`, `BooleanFlag`, `list`... and their classes) are
 * internal: no guide needs them, and the codecs made of them are what users decode with.
 * `SafeInteger` is public: the type model guide decodes with it.
 *
 * @module
 */
export { Comment } from './comments.js';
export {
  AssignedConversation,
  CloseGroup,
  ClosedConversation,
  ConversationTag,
  UnassignedConversation,
} from './conversations.js';
export { Channel, ConversationStatus, MessageStatus, MessageType, UserRole, UserStatus } from './enums.js';
export {
  BlingerWebhook,
  CommentIncoming,
  CommentOutgoing,
  ConversationAssigned,
  ConversationClosed,
  ConversationUnassigned,
  isWebhookName,
  MessageIncoming,
  MessageOutgoing,
  UserNew,
  webhookCodecs,
  webhookNames,
  type WebhookEvent,
  type WebhookName,
} from './events.js';
export { ConversationMessage, Message } from './messages.js';
export { SafeInteger } from './primitives.js';
export {
  BlingerUser,
  ConversationUser,
  MessageOperator,
  MessageParticipant,
  NewUser,
  Operator,
  parseBlingerUserTags,
} from './users.js';
export { wireQuirkRules, type WireQuirk, type WireQuirkRule } from './wire.js';
