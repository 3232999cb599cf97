/**
 * Messages: the one a message event is about, and the history a closed conversation carries.
 *
 * @module
 */
import * as t from 'io-ts';
import * as safe from './safe-objects.js';
import { Channel, MessageStatus, MessageType } from './enums.js';
import { BooleanFlag, list, nullable, SafeInteger, UnixSeconds } from './primitives.js';
import { BlingerUser } from './users.js';

/**
 * The message of an `on_message_incoming` or `on_message_outgoing` event.
 *
 * @category Codecs
 * @since 0.1.0
 */
export const Message = safe.type(
  {
    /** The message's id (the same number as the event's `message_id`). */
    id: SafeInteger,
    /** Blinger user id of the sender. */
    from_user_id: SafeInteger,
    /** Blinger user id of the recipient. */
    to_user_id: SafeInteger,
    /** What the message holds: `text`, or another {@link MessageType} for attachments. */
    type: MessageType,
    /** The messenger the message went through. */
    application: Channel,
    /** When the message was sent, in Unix seconds. */
    date_created: UnixSeconds,
    /** The text of the message. */
    message: t.string,
    /** Names of the tags set on the message. */
    tags: list(t.string),
  },
  'Message',
);
/**
 * The message of a message event.
 *
 * @category Codecs
 * @since 0.1.0
 */
export type Message = t.TypeOf<typeof Message>;

/**
 * One message in the history of a closed conversation (`conversation.messages`), with both sides'
 * full Blinger records.
 *
 * @category Codecs
 * @since 0.1.0
 */
export const ConversationMessage = safe.type(
  {
    /** The message's id. */
    id: SafeInteger,
    /** Blinger user id of the sender (`fromBlingerUser.blinger_user_id`). */
    from_blinger_user_id: SafeInteger,
    /** Blinger user id of the recipient (`toBlingerUser.blinger_user_id`). */
    to_blinger_user_id: SafeInteger,
    /** User id of the sender. */
    from_user_id: SafeInteger,
    /** User id of the recipient. */
    to_user_id: SafeInteger,
    /** What the message holds: `text`, or another {@link MessageType} for attachments. */
    type: MessageType,
    /** The messenger the message went through. */
    application: Channel,
    /** The text of the message. */
    message: t.string,
    /** Blinger's internal id of the message. */
    blinger_message_id: SafeInteger,
    /** When the message was sent, in Unix seconds. */
    date_created: UnixSeconds,
    /** Delivery state, such as `sent`. */
    status: MessageStatus,
    /** `true` for messages the business sent (operator or bot), `false` for the customer's. */
    is_outgoing: BooleanFlag,
    /** `true` for internal notes between operators that the customer never sees. */
    is_inner_message: BooleanFlag,
    /** Sender's display name; `null` when there is none (as for the business's own account). */
    from_user_name: nullable(t.string),
    /** Recipient's display name; `null` when there is none. */
    to_user_name: nullable(t.string),
    /** The sender's full Blinger record. */
    fromBlingerUser: BlingerUser,
    /** The recipient's full Blinger record. */
    toBlingerUser: BlingerUser,
  },
  'ConversationMessage',
);
/**
 * One message in the history of a closed conversation.
 *
 * @category Codecs
 * @since 0.1.0
 */
export type ConversationMessage = t.TypeOf<typeof ConversationMessage>;
