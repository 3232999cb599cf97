/**
 * Conversations, as the conversation events describe them.
 *
 * @module
 */
import * as t from 'io-ts';
import * as safe from './safe-objects.js';
import { Channel, ConversationStatus } from './enums.js';
import { ConversationMessage } from './messages.js';
import { list, LooseId, nullableObject, SafeInteger, UnixSeconds } from './primitives.js';
import { ConversationUser, Operator } from './users.js';

const conversationProps = {
  /** The conversation's id (the `conversation_id` of message and comment events). */
  id: SafeInteger,
  /** The messenger the conversation takes place in. */
  application: Channel,
  /** `unassigned`, `inbox` (assigned to an operator) or `closed`. */
  status: ConversationStatus,
  /** When the conversation started, in Unix seconds. */
  date_created: UnixSeconds,
  /** When the conversation last changed, in Unix seconds. */
  date_updated: UnixSeconds,
  /** The customer the conversation is with. */
  from_user: ConversationUser,
};

/**
 * A conversation waiting for an operator, in {@link ConversationUnassigned}.
 *
 * @category Codecs
 * @since 0.1.0
 */
export const UnassignedConversation = safe.type(conversationProps, 'UnassignedConversation');
/**
 * A conversation waiting for an operator.
 *
 * @category Codecs
 * @since 0.1.0
 */
export type UnassignedConversation = t.TypeOf<typeof UnassignedConversation>;

/**
 * A conversation with its operator, in {@link ConversationAssigned}. The operator is always present.
 *
 * @category Codecs
 * @since 0.1.0
 */
export const AssignedConversation = safe.type(
  {
    ...conversationProps,
    /** The operator the conversation is now assigned to. */
    operator: Operator,
  },
  'AssignedConversation',
);
/**
 * A conversation with its operator.
 *
 * @category Codecs
 * @since 0.1.0
 */
export type AssignedConversation = t.TypeOf<typeof AssignedConversation>;

/**
 * A tag set on a message of a closed conversation. Blinger sends `id` and `message_id` as strings
 * here (`"634"`) although ids are numbers elsewhere; numbers are accepted too, and the value is
 * passed through as sent.
 *
 * @category Codecs
 * @since 0.1.0
 */
export const ConversationTag = safe.type(
  {
    /** The tag's id, as a string or a number (Blinger's example sends the string `"id"`). */
    id: LooseId,
    /** The tag's name. */
    title: t.string,
    /** Id of the tagged message, as a string or a number. */
    message_id: LooseId,
  },
  'ConversationTag',
);
/**
 * A tag set on a message of a closed conversation.
 *
 * @category Codecs
 * @since 0.1.0
 */
export type ConversationTag = t.TypeOf<typeof ConversationTag>;

/**
 * The reason an operator chose when closing a conversation, such as `{ title: 'Duplicate' }`.
 *
 * @category Codecs
 * @since 0.1.0
 */
export const CloseGroup = safe.type(
  {
    /** The close reason's name, such as `Duplicate`. */
    title: t.string,
  },
  'CloseGroup',
);
/**
 * The reason chosen when closing a conversation.
 *
 * @category Codecs
 * @since 0.1.0
 */
export type CloseGroup = t.TypeOf<typeof CloseGroup>;

/**
 * A closed conversation with its whole history, in {@link ConversationClosed}.
 *
 * - `messages` holds every message of the conversation, so the payload can be large.
 * - `operator` is absent or `null` when the conversation was closed without ever being assigned.
 * - `close_group` is absent or `null` when no close reason was chosen. (Blinger's documentation
 *   prints it in PHP syntax; it arrives as the JSON object `{ "title": "..." }`.)
 * - A PHP sender's `[]` for `operator` or `close_group` decodes to `null`, and `messages` or `tags`
 *   written as an object with index keys decodes to the array (docs/type-model.md, wire quirks).
 *
 * @category Codecs
 * @since 0.1.0
 */
export const ClosedConversation = safe.intersection(
  [
    safe.type({
      ...conversationProps,
      /** Every message of the conversation, internal notes (`is_inner_message`) included. */
      messages: list(ConversationMessage),
      /** The tags set on messages of the conversation. */
      tags: list(ConversationTag),
    }),
    safe.partial({
      /** The operator who had the conversation; absent or `null` when it was never assigned. */
      operator: nullableObject(Operator),
      /** The reason chosen when closing; absent or `null` when none was chosen. */
      close_group: nullableObject(CloseGroup),
    }),
  ],
  'ClosedConversation',
);
/**
 * A closed conversation with its whole history.
 *
 * @category Codecs
 * @since 0.1.0
 */
export type ClosedConversation = t.TypeOf<typeof ClosedConversation>;
