/**
 * Comments under social-network posts (a VK wall post, for example) that Blinger routes to operators.
 *
 * @module
 */
import * as t from 'io-ts';
import { Channel, MessageType } from './enums.js';
import { nullable, SafeInteger, UnixSeconds } from './primitives.js';

/** The comment of an `on_comment_incoming` or `on_comment_outgoing` event. */
export const Comment = t.type(
  {
    id: SafeInteger,
    /** Blinger user id of the author. */
    from_user_id: SafeInteger,
    /** Blinger user id of the user answered. */
    to_user_id: SafeInteger,
    /** Id of the comment this one replies to; `null` for a comment made directly on the post. */
    reply_comment_id: nullable(SafeInteger),
    type: MessageType,
    /** The post's id in the social network. */
    post_id: t.string,
    post_url: t.string,
    post_title: t.string,
    application: Channel,
    date_created: UnixSeconds,
    /** The text of the comment. */
    message: t.string,
  },
  'Comment',
);
/** The comment of a comment event: see {@link Comment}. */
export type Comment = t.TypeOf<typeof Comment>;
