/**
 * The eight webhook events Blinger documents, and their union.
 *
 * @module
 */
import * as t from 'io-ts';
import * as safe from './safe-objects.js';
import { Comment } from './comments.js';
import { AssignedConversation, ClosedConversation, UnassignedConversation } from './conversations.js';
import { Message } from './messages.js';
import { SafeInteger } from './primitives.js';
import { MessageOperator, MessageParticipant, NewUser } from './users.js';

/** Sent when a conversation's status changes to unassigned (it waits for an operator). */
export const ConversationUnassigned = safe.type(
  {
    /** The event name. */
    webhook: t.literal('on_conversation_unassigned'),
    /** The conversation that now waits for an operator. */
    conversation: UnassignedConversation,
  },
  'ConversationUnassigned',
);
/** Sent when a conversation's status changes to unassigned: see {@link ConversationUnassigned}. */
export type ConversationUnassigned = t.TypeOf<typeof ConversationUnassigned>;

/** Sent when a conversation is assigned to an operator. */
export const ConversationAssigned = safe.type(
  {
    /** The event name. */
    webhook: t.literal('on_conversation_assigned'),
    /** The conversation, with the operator it is now assigned to. */
    conversation: AssignedConversation,
  },
  'ConversationAssigned',
);
/** Sent when a conversation is assigned to an operator: see {@link ConversationAssigned}. */
export type ConversationAssigned = t.TypeOf<typeof ConversationAssigned>;

/** Sent when a conversation is closed; carries its whole message history. */
export const ConversationClosed = safe.type(
  {
    /** The event name. */
    webhook: t.literal('on_conversation_closed'),
    /** The closed conversation, with its whole history. */
    conversation: ClosedConversation,
  },
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
  /** Id of the conversation the message or comment belongs to. */
  conversation_id: SafeInteger,
  /** Opaque token of the conversation. */
  conversation_token: t.string,
  /** The conversation's operator; every field is `null` while it is unassigned. */
  operator: MessageOperator,
  /** The sender: the customer for incoming events, the business's channel account for outgoing ones. */
  from_user: MessageParticipant,
  /** The recipient: the business's channel account for incoming events, the customer for outgoing ones. */
  to_user: MessageParticipant,
};

const messageEventProps = {
  ...exchangeProps,
  /** The message's id (the same number as `message.id`). */
  message_id: SafeInteger,
  /** Blinger's internal id of the message. */
  message_blinger_id: SafeInteger,
  /** The message itself. */
  message: Message,
};

const commentEventProps = {
  ...exchangeProps,
  /** The comment's id (the same number as `comment.id`). */
  comment_id: SafeInteger,
  /** Blinger's internal id of the comment. */
  comment_blinger_id: SafeInteger,
  /** The comment itself. */
  comment: Comment,
};

/** Sent when a customer's message arrives from a messenger. */
export const MessageIncoming = safe.type(
  {
    /** The event name. */
    webhook: t.literal('on_message_incoming'),
    ...messageEventProps,
  },
  'MessageIncoming',
);
/** Sent when a customer's message arrives: see {@link MessageIncoming}. */
export type MessageIncoming = t.TypeOf<typeof MessageIncoming>;

/** Sent when an operator's (or bot's) message goes out to a customer. */
export const MessageOutgoing = safe.type(
  {
    /** The event name. */
    webhook: t.literal('on_message_outgoing'),
    ...messageEventProps,
  },
  'MessageOutgoing',
);
/** Sent when a message goes out to a customer: see {@link MessageOutgoing}. */
export type MessageOutgoing = t.TypeOf<typeof MessageOutgoing>;

/** Sent when a new comment arrives under a social-network post (a VK wall post, for example). */
export const CommentIncoming = safe.type(
  {
    /** The event name. */
    webhook: t.literal('on_comment_incoming'),
    ...commentEventProps,
  },
  'CommentIncoming',
);
/** Sent when a new comment arrives under a post: see {@link CommentIncoming}. */
export type CommentIncoming = t.TypeOf<typeof CommentIncoming>;

/** Sent when an operator's reply comment is posted under a social-network post. */
export const CommentOutgoing = safe.type(
  {
    /** The event name. */
    webhook: t.literal('on_comment_outgoing'),
    ...commentEventProps,
  },
  'CommentOutgoing',
);
/** Sent when a reply comment is posted: see {@link CommentOutgoing}. */
export type CommentOutgoing = t.TypeOf<typeof CommentOutgoing>;

/** Sent when Blinger creates a new user (a customer writes in for the first time). */
export const UserNew = safe.type(
  {
    /** The event name. */
    webhook: t.literal('on_user_new'),
    /** The user Blinger has just created. */
    user: NewUser,
  },
  'UserNew',
);
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
export type WebhookEvent<Name extends WebhookName> = Extract<
  BlingerWebhook,
  {
    /** The event name. */
    webhook: Name;
  }
>;

/** The codec of each event, keyed by its `webhook` name. */
export const webhookCodecs = {
  /** See {@link ConversationUnassigned}. */
  on_conversation_unassigned: ConversationUnassigned,
  /** See {@link ConversationAssigned}. */
  on_conversation_assigned: ConversationAssigned,
  /** See {@link ConversationClosed}. */
  on_conversation_closed: ConversationClosed,
  /** See {@link MessageIncoming}. */
  on_message_incoming: MessageIncoming,
  /** See {@link MessageOutgoing}. */
  on_message_outgoing: MessageOutgoing,
  /** See {@link CommentIncoming}. */
  on_comment_incoming: CommentIncoming,
  /** See {@link CommentOutgoing}. */
  on_comment_outgoing: CommentOutgoing,
  /** See {@link UserNew}. */
  on_user_new: UserNew,
} as const satisfies { [Name in WebhookName]: t.Type<WebhookEvent<Name>, unknown, unknown> };

/** Every documented event name, in the order of Blinger's documentation. */
export const webhookNames = Object.keys(webhookCodecs) as readonly WebhookName[];

/** Whether `name` is an event this version of the package knows. Safe for any string, `__proto__` included. */
export const isWebhookName = (name: string): name is WebhookName => Object.hasOwn(webhookCodecs, name);
