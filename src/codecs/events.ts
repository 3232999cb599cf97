/**
 * The eight webhook events Blinger documents, and their union.
 *
 * @module
 */
import * as t from 'io-ts';
import { Comment } from './comments.js';
import { AssignedConversation, ClosedConversation, UnassignedConversation } from './conversations.js';
import { Message } from './messages.js';
import { SafeInteger } from './primitives.js';
import { MessageOperator, MessageParticipant, NewUser } from './users.js';

/** Sent when a conversation's status changes to unassigned (it waits for an operator). */
export const ConversationUnassigned = t.type(
  { webhook: t.literal('on_conversation_unassigned'), conversation: UnassignedConversation },
  'ConversationUnassigned',
);
/** Sent when a conversation's status changes to unassigned: see {@link ConversationUnassigned}. */
export type ConversationUnassigned = t.TypeOf<typeof ConversationUnassigned>;

/** Sent when a conversation is assigned to an operator. */
export const ConversationAssigned = t.type(
  { webhook: t.literal('on_conversation_assigned'), conversation: AssignedConversation },
  'ConversationAssigned',
);
/** Sent when a conversation is assigned to an operator: see {@link ConversationAssigned}. */
export type ConversationAssigned = t.TypeOf<typeof ConversationAssigned>;

/** Sent when a conversation is closed; carries its whole message history. */
export const ConversationClosed = t.type(
  { webhook: t.literal('on_conversation_closed'), conversation: ClosedConversation },
  'ConversationClosed',
);
/** Sent when a conversation is closed: see {@link ConversationClosed}. */
export type ConversationClosed = t.TypeOf<typeof ConversationClosed>;

// Fields shared by the message and comment events, which differ only in what they carry.
const exchangeProps = {
  /** Blinger user id of the sender. */
  from_user_id: SafeInteger,
  /** Blinger user id of the recipient. */
  to_user_id: SafeInteger,
  conversation_id: SafeInteger,
  /** Opaque token of the conversation. */
  conversation_token: t.string,
  /** The conversation's operator; every field is `null` while it is unassigned. */
  operator: MessageOperator,
  from_user: MessageParticipant,
  to_user: MessageParticipant,
};

const messageEventProps = {
  ...exchangeProps,
  message_id: SafeInteger,
  message_blinger_id: SafeInteger,
  message: Message,
};

const commentEventProps = {
  ...exchangeProps,
  comment_id: SafeInteger,
  comment_blinger_id: SafeInteger,
  comment: Comment,
};

/** Sent when a customer's message arrives from a messenger. */
export const MessageIncoming = t.type(
  { webhook: t.literal('on_message_incoming'), ...messageEventProps },
  'MessageIncoming',
);
/** Sent when a customer's message arrives: see {@link MessageIncoming}. */
export type MessageIncoming = t.TypeOf<typeof MessageIncoming>;

/** Sent when an operator's (or bot's) message goes out to a customer. */
export const MessageOutgoing = t.type(
  { webhook: t.literal('on_message_outgoing'), ...messageEventProps },
  'MessageOutgoing',
);
/** Sent when a message goes out to a customer: see {@link MessageOutgoing}. */
export type MessageOutgoing = t.TypeOf<typeof MessageOutgoing>;

/** Sent when a new comment arrives under a social-network post (a VK wall post, for example). */
export const CommentIncoming = t.type(
  { webhook: t.literal('on_comment_incoming'), ...commentEventProps },
  'CommentIncoming',
);
/** Sent when a new comment arrives under a post: see {@link CommentIncoming}. */
export type CommentIncoming = t.TypeOf<typeof CommentIncoming>;

/** Sent when an operator's reply comment is posted under a social-network post. */
export const CommentOutgoing = t.type(
  { webhook: t.literal('on_comment_outgoing'), ...commentEventProps },
  'CommentOutgoing',
);
/** Sent when a reply comment is posted: see {@link CommentOutgoing}. */
export type CommentOutgoing = t.TypeOf<typeof CommentOutgoing>;

/** Sent when Blinger creates a new user (a customer writes in for the first time). */
export const UserNew = t.type({ webhook: t.literal('on_user_new'), user: NewUser }, 'UserNew');
/** Sent when Blinger creates a new user: see {@link UserNew}. */
export type UserNew = t.TypeOf<typeof UserNew>;

/**
 * Every event Blinger documents, discriminated by `webhook`. Narrow with `event.webhook`,
 * a `switch`, or {@link matchWebhook}.
 *
 * @example
 * if (event.webhook === 'on_message_incoming') console.log(event.message.message);
 */
export const BlingerWebhook = t.union(
  [
    ConversationUnassigned,
    ConversationAssigned,
    ConversationClosed,
    MessageIncoming,
    MessageOutgoing,
    CommentIncoming,
    CommentOutgoing,
    UserNew,
  ],
  'BlingerWebhook',
);
/** Every event Blinger documents: see {@link BlingerWebhook}. */
export type BlingerWebhook = t.TypeOf<typeof BlingerWebhook>;

/** The name of a documented event, the value of its `webhook` field, such as `'on_message_incoming'`. */
export type WebhookName = BlingerWebhook['webhook'];

/** The event type of one webhook name: `WebhookEvent<'on_user_new'>` is {@link UserNew}. */
export type WebhookEvent<Name extends WebhookName> = Extract<BlingerWebhook, { webhook: Name }>;

/** The codec of each event, keyed by its `webhook` name. */
export const webhookCodecs = {
  on_conversation_unassigned: ConversationUnassigned,
  on_conversation_assigned: ConversationAssigned,
  on_conversation_closed: ConversationClosed,
  on_message_incoming: MessageIncoming,
  on_message_outgoing: MessageOutgoing,
  on_comment_incoming: CommentIncoming,
  on_comment_outgoing: CommentOutgoing,
  on_user_new: UserNew,
} as const satisfies { [Name in WebhookName]: t.Type<WebhookEvent<Name>, unknown, unknown> };

/** Every documented event name, in the order of Blinger's documentation. */
export const webhookNames = Object.keys(webhookCodecs) as readonly WebhookName[];

/** Whether `name` is an event this version of the package knows. Safe for any string, `__proto__` included. */
export const isWebhookName = (name: string): name is WebhookName => Object.hasOwn(webhookCodecs, name);
