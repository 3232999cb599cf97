/**
 * The people in a Blinger webhook: customers writing in from a messenger, the business's own
 * channel accounts, and the operators who answer.
 *
 * @module
 */
import * as t from 'io-ts';
import * as safe from './safe-objects.js';
import { Channel, UserRole, UserStatus } from './enums.js';
import { BooleanFlag, EmptyAsType, nullable, type NullableType, SafeInteger, type SafeIntegerType, UnixSeconds } from './primitives.js';

const userSummaryProps = {
  /** Blinger's id of this user (the same number as `blinger_user_id` elsewhere). */
  user_id: SafeInteger,
  /** Which side the user is on: `default` for a customer, `customer` for the business's own account. */
  role: UserRole,
  /** Display name; `null` when the messenger gave none. */
  title: nullable(t.string),
  /** Avatar URL; `null` when there is none. */
  avatar: nullable(t.string),
  /** Whether the user is active, such as `enabled`. */
  status: UserStatus,
  /** The user's id inside the messenger (a Telegram username, a VK id...); `null` when unknown. */
  service_user_id: nullable(t.string),
  /** When Blinger first saw the user, in Unix seconds. */
  date_created: UnixSeconds,
};

// Blinger sends these only for users who wrote in through the livechat widget.
const livechatProps = {
  /** Title of the web page the livechat visitor was on. Only for livechat users. */
  page_title: nullable(t.string),
  /** URL of the web page the livechat visitor was on. Only for livechat users. */
  page_url: nullable(t.string),
};

/**
 * The user a conversation is with (`conversation.from_user` in the conversation events).
 * `page_title` and `page_url` are present only for livechat visitors.
 *
 * @category Codecs
 * @since 0.1.0
 */
export const ConversationUser = safe.intersection([safe.type(userSummaryProps), safe.partial(livechatProps)], 'ConversationUser');
/**
 * The user a conversation is with.
 *
 * @category Codecs
 * @since 0.1.0
 */
export type ConversationUser = t.TypeOf<typeof ConversationUser>;

/**
 * Sender or recipient of a message or comment (`from_user` and `to_user` of the message and comment
 * events): a {@link ConversationUser} that also names its channel. One side is the customer, the
 * other the business's own channel account (role `customer`, usually without title or avatar).
 *
 * @category Codecs
 * @since 0.1.0
 */
export const MessageParticipant = safe.intersection(
  [
    safe.type({
      ...userSummaryProps,
      /** The messenger the user writes from. */
      application: Channel,
    }),
    safe.partial(livechatProps),
  ],
  'MessageParticipant',
);
/**
 * Sender or recipient of a message or comment.
 *
 * @category Codecs
 * @since 0.1.0
 */
export type MessageParticipant = t.TypeOf<typeof MessageParticipant>;

/**
 * The operator (helpdesk agent) a conversation is assigned to.
 *
 * @category Codecs
 * @since 0.1.0
 */
export const Operator = safe.type(
  {
    /** The operator's id in Blinger. */
    id: SafeInteger,
    /** The operator's display name. */
    name: t.string,
    /** The operator's e-mail address. */
    email: t.string,
  },
  'Operator',
);
/**
 * The operator a conversation is assigned to.
 *
 * @category Codecs
 * @since 0.1.0
 */
export type Operator = t.TypeOf<typeof Operator>;

const assignedOrNotOperator = safe.type(
  {
    /** The operator's id in Blinger; `null` while the conversation is unassigned. */
    id: nullable(SafeInteger),
    /** The operator's display name; `null` while the conversation is unassigned. */
    name: nullable(t.string),
    /** The operator's e-mail address; `null` while the conversation is unassigned. */
    email: nullable(t.string),
  },
  'MessageOperator',
);

/**
 * The operator of the conversation a message or comment belongs to. Blinger always sends the
 * object, but every field is `null` while the conversation is not assigned to an operator.
 *
 * A PHP sender's `[]` or `null` instead of the object decodes to that not-assigned operator
 * (wire-quirk rule `empty-operator`); `is()` stays strict and accepts the object only.
 *
 * @category Codecs
 * @since 0.1.0
 */
export const MessageOperator: EmptyAsType<
  t.TypeC<{
    /** The operator's id in Blinger; `null` while the conversation is unassigned. */
    id: NullableType<SafeIntegerType>;
    /** The operator's display name; `null` while the conversation is unassigned. */
    name: NullableType<t.StringC>;
    /** The operator's e-mail address; `null` while the conversation is unassigned. */
    email: NullableType<t.StringC>;
  }>
> = new EmptyAsType(
  assignedOrNotOperator,
  'empty-operator',
  true,
  () => ({ id: null, name: null, email: null }),
);
/**
 * The operator of the conversation a message or comment belongs to.
 *
 * @category Codecs
 * @since 0.1.0
 */
export type MessageOperator = t.TypeOf<typeof MessageOperator>;

/**
 * A user's full Blinger record, as attached to each message of a closed conversation
 * (`fromBlingerUser`, `toBlingerUser`).
 *
 * `tags` arrives JSON-encoded as a string (`"[]"`, `"[\"vip\"]"`) or as `null`; both decode and the
 * string is passed through unparsed (see {@link parseBlingerUserTags}).
 *
 * @category Codecs
 * @since 0.1.0
 */
export const BlingerUser = safe.type(
  {
    /** This channel-user record's own id. */
    id: SafeInteger,
    /** Id of the connected channel (bot, page, widget) the user came through. */
    service_blinger_id: SafeInteger,
    /** Blinger's id of the user, the `user_id` of {@link ConversationUser}. */
    blinger_user_id: SafeInteger,
    /** Whether the record is active. */
    is_active: BooleanFlag,
    /** When the record last changed, in Unix seconds. */
    date_updated: UnixSeconds,
    /** When the record was created, in Unix seconds. */
    date_created: UnixSeconds,
    /** JSON-encoded array of tag names, or `null`. */
    tags: nullable(t.string),
    /** Display name; `null` when there is none (as for the business's own account). */
    name: nullable(t.string),
    /** Which side the user is on: `default` for a customer, `customer` for the business's own account. */
    role: UserRole,
    /** Avatar URL; `null` when there is none. */
    avatar: nullable(t.string),
    /** The messenger of this channel-user record. */
    application: Channel,
    /** The user's id inside the messenger; `null` when unknown. */
    service_user_id: nullable(t.string),
    /** Whether the user is active, such as `enabled`. */
    status: UserStatus,
  },
  'BlingerUser',
);
/**
 * A user's full Blinger record.
 *
 * @category Codecs
 * @since 0.1.0
 */
export type BlingerUser = t.TypeOf<typeof BlingerUser>;

/**
 * The user Blinger has just created, in {@link UserNew}.
 *
 * @category Codecs
 * @since 0.1.0
 */
export const NewUser = safe.type(
  {
    /** The new channel-user record's id. */
    id: SafeInteger,
    /** Blinger's id of the user (the `user_id` of later events). */
    blinger_user_id: SafeInteger,
    /** Display name; `null` when the messenger gave none. */
    name: nullable(t.string),
    /** Avatar URL; `null` when there is none. */
    avatar: nullable(t.string),
    /** The messenger the user wrote in from. */
    application: Channel,
    /** The user's id inside the messenger (a Telegram username, a VK id...); `null` when unknown. */
    service_user_id: nullable(t.string),
    /** When the user was created, in Unix seconds. */
    date_created: UnixSeconds,
  },
  'NewUser',
);
/**
 * The user Blinger has just created.
 *
 * @category Codecs
 * @since 0.1.0
 */
export type NewUser = t.TypeOf<typeof NewUser>;

/**
 * Reads the JSON-encoded `tags` of a {@link BlingerUser} into an array of tag names.
 * Returns `[]` for `null`, for malformed JSON and for anything that is not an array; never throws.
 *
 * @example
 * parseBlingerUserTags('["vip","new"]'); // ['vip', 'new']
 *
 * @category Codecs
 * @since 0.1.0
 */
export const parseBlingerUserTags = (tags: string | null): string[] => {
  if (tags === null) return [];
  try {
    const parsed: unknown = JSON.parse(tags);
    return Array.isArray(parsed) ? parsed.filter((tag): tag is string => typeof tag === 'string') : [];
  } catch {
    return [];
  }
};
