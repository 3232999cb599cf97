/**
 * Comments under social-network posts (a VK wall post, for example) that Blinger routes to operators.
 *
 * @module
 */
import * as t from 'io-ts';
import * as safe from './safe-objects.js';
import { Channel, MessageType } from './enums.js';
import { nullable, SafeInteger, UnixSeconds } from './primitives.js';

/**
 * The comment of an `on_comment_incoming` or `on_comment_outgoing` event.
 *
 * @category Codecs
 * @since 0.1.0
 */
export const Comment = safe.type(
  {
    /** The comment's id (the same number as the event's `comment_id`). */
    id: SafeInteger,
    /** Blinger user id of the author. */
    from_user_id: SafeInteger,
    /** Blinger user id of the user answered. */
    to_user_id: SafeInteger,
    /** Id of the comment this one replies to; `null` for a comment made directly on the post. */
    reply_comment_id: nullable(SafeInteger),
    /** What the comment holds: `text`, or another {@link MessageType} for attachments. */
    type: MessageType,
    /** The post's id in the social network. */
    post_id: t.string,
    /** Link to the post in the social network. */
    post_url: t.string,
    /** The post's title or opening words, as the social network gives them. */
    post_title: t.string,
    /** The social network the post is on, such as `vk`. */
    application: Channel,
    /** When the comment was made, in Unix seconds. */
    date_created: UnixSeconds,
    /** The text of the comment. */
    message: t.string,
  },
  'Comment',
);
/**
 * The comment of a comment event.
 *
 * @category Codecs
 * @since 0.1.0
 */
export type Comment = t.TypeOf<typeof Comment>;
