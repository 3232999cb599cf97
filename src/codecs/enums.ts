/**
 * Open value sets: the values Blinger documents give autocompletion, and any other string still
 * decodes, because Blinger adds channels, statuses and types without notice.
 *
 * @module
 */
import type * as t from 'io-ts';
import { openString } from './primitives.js';

/**
 * The messenger a conversation, message or user belongs to. Blinger documents `telegrambot`,
 * `vk` and `livechat` (its website chat widget); other channels such as `viber` or `whatsapp`
 * arrive as their own strings.
 *
 * @category Codecs
 * @since 0.1.0
 */
export const Channel = openString('Channel', ['telegrambot', 'vk', 'livechat', 'viber', 'whatsapp'] as const);
/**
 * The messenger a conversation, message or user belongs to.
 *
 * @category Codecs
 * @since 0.1.0
 */
export type Channel = t.TypeOf<typeof Channel>;

/**
 * A conversation's state: `unassigned` (waiting for an operator), `inbox` (assigned), `closed`.
 *
 * @category Codecs
 * @since 0.1.0
 */
export const ConversationStatus = openString('ConversationStatus', ['unassigned', 'inbox', 'closed'] as const);
/**
 * A conversation's state.
 *
 * @category Codecs
 * @since 0.1.0
 */
export type ConversationStatus = t.TypeOf<typeof ConversationStatus>;

/**
 * What a message or comment holds. Blinger documents `text`; attachments arrive as other strings.
 *
 * @category Codecs
 * @since 0.1.0
 */
export const MessageType = openString('MessageType', ['text'] as const);
/**
 * What a message or comment holds.
 *
 * @category Codecs
 * @since 0.1.0
 */
export type MessageType = t.TypeOf<typeof MessageType>;

/**
 * A message's delivery state, such as `sent`.
 *
 * @category Codecs
 * @since 0.1.0
 */
export const MessageStatus = openString('MessageStatus', ['sent'] as const);
/**
 * A message's delivery state.
 *
 * @category Codecs
 * @since 0.1.0
 */
export type MessageStatus = t.TypeOf<typeof MessageStatus>;

/**
 * Which side of the conversation a user is on. In Blinger's examples the person writing in from
 * a messenger has role `default` and the business's own account (the bot or page) has `customer`.
 *
 * @category Codecs
 * @since 0.1.0
 */
export const UserRole = openString('UserRole', ['default', 'customer'] as const);
/**
 * Which side of the conversation a user is on.
 *
 * @category Codecs
 * @since 0.1.0
 */
export type UserRole = t.TypeOf<typeof UserRole>;

/**
 * Whether a user is active in Blinger, such as `enabled`.
 *
 * @category Codecs
 * @since 0.1.0
 */
export const UserStatus = openString('UserStatus', ['enabled', 'disabled'] as const);
/**
 * Whether a user is active in Blinger.
 *
 * @category Codecs
 * @since 0.1.0
 */
export type UserStatus = t.TypeOf<typeof UserStatus>;
