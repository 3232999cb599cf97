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

/**
 * Sent when a conversation's status changes to unassigned (it waits for an operator).
 *
 * @category Events
 * @since 0.1.0
 */
export const ConversationUnassigned = safe.type(
  {
    /** The event name. */
    webhook: t.literal('on_conversation_unassigned'),
    /** The conversation that now waits for an operator. */
    conversation: UnassignedConversation,
  },
  'ConversationUnassigned',
);
/**
 * Sent when a conversation's status changes to unassigned.
 *
 * @category Events
 * @since 0.1.0
 */
export type ConversationUnassigned = t.TypeOf<typeof ConversationUnassigned>;

/**
 * Sent when a conversation is assigned to an operator.
 *
 * @category Events
 * @since 0.1.0
 */
export const ConversationAssigned = safe.type(
  {
    /** The event name. */
    webhook: t.literal('on_conversation_assigned'),
    /** The conversation, with the operator it is now assigned to. */
    conversation: AssignedConversation,
  },
  'ConversationAssigned',
);
/**
 * Sent when a conversation is assigned to an operator.
 *
 * @category Events
 * @since 0.1.0
 */
export type ConversationAssigned = t.TypeOf<typeof ConversationAssigned>;

/**
 * Sent when a conversation is closed; carries its whole message history.
 *
 * @category Events
 * @since 0.1.0
 */
export const ConversationClosed = safe.type(
  {
    /** The event name. */
    webhook: t.literal('on_conversation_closed'),
    /** The closed conversation, with its whole history. */
    conversation: ClosedConversation,
  },
  'ConversationClosed',
);
/**
 * Sent when a conversation is closed.
 *
 * @category Events
 * @since 0.1.0
 */
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

/**
 * Sent when a customer's message arrives from a messenger.
 *
 * @category Events
 * @since 0.1.0
 */
export const MessageIncoming = safe.type(
  {
    /** The event name. */
    webhook: t.literal('on_message_incoming'),
    ...messageEventProps,
  },
  'MessageIncoming',
);
/**
 * Sent when a customer's message arrives.
 *
 * @category Events
 * @since 0.1.0
 */
export type MessageIncoming = t.TypeOf<typeof MessageIncoming>;

/**
 * Sent when an operator's (or bot's) message goes out to a customer.
 *
 * @category Events
 * @since 0.1.0
 */
export const MessageOutgoing = safe.type(
  {
    /** The event name. */
    webhook: t.literal('on_message_outgoing'),
    ...messageEventProps,
  },
  'MessageOutgoing',
);
/**
 * Sent when a message goes out to a customer.
 *
 * @category Events
 * @since 0.1.0
 */
export type MessageOutgoing = t.TypeOf<typeof MessageOutgoing>;

/**
 * Sent when a new comment arrives under a social-network post (a VK wall post, for example).
 *
 * @category Events
 * @since 0.1.0
 */
export const CommentIncoming = safe.type(
  {
    /** The event name. */
    webhook: t.literal('on_comment_incoming'),
    ...commentEventProps,
  },
  'CommentIncoming',
);
/**
 * Sent when a new comment arrives under a post.
 *
 * @category Events
 * @since 0.1.0
 */
export type CommentIncoming = t.TypeOf<typeof CommentIncoming>;

/**
 * Sent when an operator's reply comment is posted under a social-network post.
 *
 * @category Events
 * @since 0.1.0
 */
export const CommentOutgoing = safe.type(
  {
    /** The event name. */
    webhook: t.literal('on_comment_outgoing'),
    ...commentEventProps,
  },
  'CommentOutgoing',
);
/**
 * Sent when a reply comment is posted.
 *
 * @category Events
 * @since 0.1.0
 */
export type CommentOutgoing = t.TypeOf<typeof CommentOutgoing>;

/**
 * Sent when Blinger creates a new user (a customer writes in for the first time).
 *
 * @category Events
 * @since 0.1.0
 */
export const UserNew = safe.type(
  {
    /** The event name. */
    webhook: t.literal('on_user_new'),
    /** The user Blinger has just created. */
    user: NewUser,
  },
  'UserNew',
);
/**
 * Sent when Blinger creates a new user.
 *
 * @category Events
 * @since 0.1.0
 */
export type UserNew = t.TypeOf<typeof UserNew>;

/**
 * Every event Blinger documents, discriminated by `webhook`. Narrow with `event.webhook`,
 * a `switch`, or {@link matchWebhook}.
 *
 * @example
 * if (event.webhook === 'on_message_incoming') console.log(event.message.message);
 *
 * @category Events
 * @since 0.1.0
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
/**
 * Every event Blinger documents.
 *
 * @category Events
 * @since 0.1.0
 */
export type BlingerWebhook = t.TypeOf<typeof BlingerWebhook>;

/**
 * The name of a documented event, the value of its `webhook` field, such as `'on_message_incoming'`.
 *
 * @category Events
 * @since 0.1.0
 */
export type WebhookName = BlingerWebhook['webhook'];

/**
 * The event type of one webhook name: `WebhookEvent<'on_user_new'>` is {@link UserNew}.
 *
 * @category Events
 * @since 0.1.0
 */
export type WebhookEvent<Name extends WebhookName> = Extract<
  BlingerWebhook,
  {
    /** The event name. */
    webhook: Name;
  }
>;

/**
 * The codec of each event, keyed by its `webhook` name.
 *
 * @category Events
 * @since 0.1.0
 */
export const webhookCodecs = {
  /** A conversation now waits for an operator. */
  on_conversation_unassigned: ConversationUnassigned,
  /** A conversation was assigned to an operator. */
  on_conversation_assigned: ConversationAssigned,
  /** A conversation was closed, with its whole history. */
  on_conversation_closed: ConversationClosed,
  /** A customer's message arrived. */
  on_message_incoming: MessageIncoming,
  /** A message went out to a customer. */
  on_message_outgoing: MessageOutgoing,
  /** A comment arrived under a post. */
  on_comment_incoming: CommentIncoming,
  /** A reply comment was posted. */
  on_comment_outgoing: CommentOutgoing,
  /** Blinger created a user. */
  on_user_new: UserNew,
} as const satisfies { [Name in WebhookName]: t.Type<WebhookEvent<Name>, unknown, unknown> };

/**
 * Every documented event name, in the order of Blinger's documentation.
 *
 * @category Events
 * @since 0.1.0
 */
export const webhookNames = Object.keys(webhookCodecs) as readonly WebhookName[];

/**
 * Whether `name` is an event this version of the package knows. Safe for any string, `__proto__` included.
 *
 * @category Events
 * @since 0.1.0
 */
export const isWebhookName = (name: string): name is WebhookName => Object.hasOwn(webhookCodecs, name);
