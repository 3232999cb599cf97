/**
 * Conversations, as the conversation events describe them.
 *
 * @module
 */
import * as t from 'io-ts';
import { Channel, ConversationStatus } from './enums.js';
import { ConversationMessage } from './messages.js';
import { LooseId, nullable, SafeInteger, UnixSeconds } from './primitives.js';
import { ConversationUser, Operator } from './users.js';

const conversationProps = {
  id: SafeInteger,
  application: Channel,
  status: ConversationStatus,
  date_created: UnixSeconds,
  date_updated: UnixSeconds,
  /** The customer the conversation is with. */
  from_user: ConversationUser,
};

/** A conversation waiting for an operator, in {@link ConversationUnassigned}. */
export const UnassignedConversation = t.type(conversationProps, 'UnassignedConversation');
/** A conversation waiting for an operator: see {@link UnassignedConversation}. */
export type UnassignedConversation = t.TypeOf<typeof UnassignedConversation>;

/** A conversation with its operator, in {@link ConversationAssigned}. The operator is always present. */
export const AssignedConversation = t.type({ ...conversationProps, operator: Operator }, 'AssignedConversation');
/** A conversation with its operator: see {@link AssignedConversation}. */
export type AssignedConversation = t.TypeOf<typeof AssignedConversation>;

/**
 * A tag set on a message of a closed conversation. Blinger sends `id` and `message_id` as strings
 * here (`"634"`) although ids are numbers elsewhere; numbers are accepted too, and the value is
 * passed through as sent.
 */
export const ConversationTag = t.type(
  {
    id: LooseId,
    title: t.string,
    /** Id of the tagged message, as a string or a number. */
    message_id: LooseId,
  },
  'ConversationTag',
);
/** A tag set on a message of a closed conversation: see {@link ConversationTag}. */
export type ConversationTag = t.TypeOf<typeof ConversationTag>;

/** The reason an operator chose when closing a conversation, such as `{ title: 'Duplicate' }`. */
export const CloseGroup = t.type({ title: t.string }, 'CloseGroup');
/** The reason chosen when closing a conversation: see {@link CloseGroup}. */
export type CloseGroup = t.TypeOf<typeof CloseGroup>;

/**
 * A closed conversation with its whole history, in {@link ConversationClosed}.
 *
 * - `messages` holds every message of the conversation, so the payload can be large.
 * - `operator` is absent or `null` when the conversation was closed without ever being assigned.
 * - `close_group` is absent or `null` when no close reason was chosen. (Blinger's documentation
 *   prints it in PHP syntax; it arrives as the JSON object `{ "title": "..." }`.)
 */
export const ClosedConversation = t.intersection(
  [
    t.type({
      ...conversationProps,
      messages: t.array(ConversationMessage),
      tags: t.array(ConversationTag),
    }),
    t.partial({
      operator: nullable(Operator),
      close_group: nullable(CloseGroup),
    }),
  ],
  'ClosedConversation',
);
/** A closed conversation with its whole history: see {@link ClosedConversation}. */
export type ClosedConversation = t.TypeOf<typeof ClosedConversation>;
