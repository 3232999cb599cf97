/**
 * Codecs of what Blinger's REST API answers, read from the examples of its API documentation
 * (help.blinger.io, "API → Conversation" and "API → Operator").
 *
 * Built on the webhook codecs' primitives, they are tolerant readers in the same way: extra fields
 * are kept, fields the examples show as `null` are nullable, open value sets accept any string,
 * and the wire quirks of a PHP backend (digit-string integers, `0`/`1` booleans, `[]` for `null`,
 * numeric-key objects for lists) decode to canonical values, by the same rules.
 *
 * @module
 */
import * as t from 'io-ts';
import { Channel, ConversationStatus, UserRole, UserStatus } from '../codecs/enums.js';
import { BooleanFlag, list, nullable, nullableObject, openString, SafeInteger } from '../codecs/primitives.js';

/**
 * What kind of exchange a conversation is: `message` in Blinger's example; the `comment_post_*`
 * fields suggest `comment` for conversations under a social-network post (a guess). Any other
 * string decodes too.
 *
 * @category API codecs
 * @since 0.2.0
 */
export const ConversationType = openString('ConversationType', ['message', 'comment'] as const);
/**
 * What kind of exchange a conversation is.
 *
 * @category API codecs
 * @since 0.2.0
 */
export type ConversationType = t.TypeOf<typeof ConversationType>;

/**
 * A user's full record as the API attaches it to a conversation (`toBlingerUser`): the fields of
 * the webhook's `BlingerUser` and a few more.
 *
 * @category API codecs
 * @since 0.2.0
 */
export const ApiBlingerUser = t.type(
  {
    /** This channel-user record's own id. */
    id: SafeInteger,
    /** Id of the connected channel (bot, page, widget) the user came through. */
    service_blinger_id: SafeInteger,
    /** Blinger's id of the user. */
    blinger_user_id: SafeInteger,
    /** Whether the record is active. */
    is_active: BooleanFlag,
    /** When the record last changed, in Unix seconds. */
    date_updated: SafeInteger,
    /** When the record was created, in Unix seconds. */
    date_created: SafeInteger,
    /** JSON-encoded array of tag names (read it with `parseBlingerUserTags`), or `null`. */
    tags: nullable(t.string),
    /** Display name, or `null`. */
    name: nullable(t.string),
    /** Which side the user is on: `default` for a customer, `customer` for the business's own account. */
    role: UserRole,
    /** Avatar URL, or `null`. */
    avatar: nullable(t.string),
    /** The messenger of this channel-user record. */
    application: Channel,
    /** The user's id inside the messenger, or `null`. */
    service_user_id: nullable(t.string),
    /** Whether the user is active, such as `enabled`. */
    status: UserStatus,
    /** The operator group the user is routed to, or `null`. */
    group_id: nullable(SafeInteger),
    /** Whether the user writes comments rather than messages, or `null` (undocumented). */
    is_comments: nullable(BooleanFlag),
    /** URL of the web page a livechat visitor was on, or `null`. */
    page_url: nullable(t.string),
    /** Title of the web page a livechat visitor was on, or `null`. */
    page_title: nullable(t.string),
    /** Extra fields set on the user; `null` in Blinger's example, shape undocumented. */
    extra_fields: t.unknown,
    /** Key used to sign the user's extra fields (undocumented). */
    extra_field_secret_key: t.string,
    /** The name an operator gave the user, or `null`. */
    custom_name: nullable(t.string),
  },
  'ApiBlingerUser',
);
/**
 * A user's full record as the API returns it.
 *
 * @category API codecs
 * @since 0.2.0
 */
export type ApiBlingerUser = t.TypeOf<typeof ApiBlingerUser>;

/**
 * A conversation as the API returns it (`conversations.start` and `conversations.close`). Flat,
 * unlike the webhook's conversation objects: the people appear as ids and names, and the
 * business's channel account as `toBlingerUser`.
 *
 * Source: the "Start conversation" example of Blinger's Conversation API page. Fields that
 * example shows as `null` are nullable; `operator_user_id`, `group_id`, `last_message`,
 * `unassigned_date` and `last_message_date` are nullable too, because a conversation nobody has
 * taken, or with no message yet, has none (an inference, not shown).
 *
 * @category API codecs
 * @since 0.2.0
 */
export const ApiConversation = t.type(
  {
    /** The conversation's id (the `conversation_id` of the webhook events and of every request). */
    id: SafeInteger,
    /** Id of the Blinger account the conversation belongs to. */
    user_id: SafeInteger,
    /** User id of the operator the conversation is assigned to, or `null` when unassigned. */
    operator_user_id: nullable(SafeInteger),
    /** Blinger user id of the customer. */
    from_blinger_user_id: SafeInteger,
    /** Blinger user id of the business's channel account. */
    to_blinger_user_id: SafeInteger,
    /** The customer's display name, or `null`. */
    from_user_name: nullable(t.string),
    /** The channel account's display name, or `null`. */
    to_user_name: nullable(t.string),
    /** The messenger the conversation takes place in. */
    application: Channel,
    /** Text of the last message, or `null`. */
    last_message: nullable(t.string),
    /** How many messages the operator has not read. */
    unread_count: SafeInteger,
    /** `unassigned`, `inbox` (assigned) or `closed`. */
    status: ConversationStatus,
    /** When the conversation started, in Unix seconds. */
    date_created: SafeInteger,
    /** When the conversation last changed, in Unix seconds. */
    date_updated: SafeInteger,
    /** The customer's avatar URL, or `null`. */
    from_user_avatar: nullable(t.string),
    /** Whether the business started the conversation. */
    is_outgoing: BooleanFlag,
    /** Opaque token of the conversation (the webhooks' `conversation_token`). */
    token: t.string,
    /** Whether the conversation is new. */
    is_new_conversation: BooleanFlag,
    /** Whether the customer waits for an operator's answer. */
    waiting_operator_response: BooleanFlag,
    /** The operator group the conversation is routed to, or `null`. */
    group_id: nullable(SafeInteger),
    /** Whether the last message is an internal note, or `null`. */
    is_inner_message: nullable(BooleanFlag),
    /** Whether an operator wrote the last message. */
    is_operator_last_message: BooleanFlag,
    /** Whether the conversation was closed for its group. */
    is_group_closed: BooleanFlag,
    /**
     * The reason chosen when closing, `{ title }` as in the webhooks' `CloseGroup`, or `null`
     * (`[]` also reads as `null`). Declared here rather than imported so that this entry does not
     * load the webhook codecs.
     */
    close_group: nullableObject(
      t.type(
        {
          /** The close reason's name, such as `Duplicate`. */
          title: t.string,
        },
        'CloseGroup',
      ),
    ),
    /** `message`, or another kind such as comments under a post. */
    type: ConversationType,
    /** Id of the post a comment conversation is under, or `null`. */
    comment_post_id: nullable(t.union([t.string, SafeInteger])),
    /** URL of that post, or `null`. */
    comment_post_url: nullable(t.string),
    /** Title of that post, or `null`. */
    comment_post_title: nullable(t.string),
    /** Image of that post, or `null`. */
    comment_post_img: nullable(t.string),
    /** When the conversation was last unassigned, in Unix seconds, or `null`. */
    unassigned_date: nullable(SafeInteger),
    /** When the last message was written, in Unix seconds, or `null`. */
    last_message_date: nullable(SafeInteger),
    /** The name an operator gave the customer, or `null`. */
    from_user_custom_name: nullable(t.string),
    /** The business's channel account in this conversation. */
    toBlingerUser: ApiBlingerUser,
  },
  'ApiConversation',
);
/**
 * A conversation as the API returns it.
 *
 * @category API codecs
 * @since 0.2.0
 */
export type ApiConversation = t.TypeOf<typeof ApiConversation>;

/**
 * An operator of the account, as `operators.all` lists it (source: the Operator API page).
 *
 * @category API codecs
 * @since 0.2.0
 */
export const ApiOperator = t.type(
  {
    /** The operator record's id: pass it as `operator_id` (a guess: the doc does not say which id). */
    id: SafeInteger,
    /** The operator's own Blinger user id. */
    user_id: SafeInteger,
    /** User id of the account owner. */
    owner_user_id: SafeInteger,
    /** The e-mail address the operator was invited with. */
    invite_email: t.string,
    /** Opaque token of the operator's conversation list. */
    conversations_token: t.string,
  },
  'ApiOperator',
);
/**
 * An operator of the account.
 *
 * @category API codecs
 * @since 0.2.0
 */
export type ApiOperator = t.TypeOf<typeof ApiOperator>;

/**
 * The operators of the account, in the order Blinger lists them.
 *
 * @category API codecs
 * @since 0.2.0
 */
export const ApiOperatorList = list(ApiOperator);
/**
 * The operators of the account.
 *
 * @category API codecs
 * @since 0.2.0
 */
export type ApiOperatorList = t.TypeOf<typeof ApiOperatorList>;

/**
 * A group of operators, as `operators.groups` lists it (source: the Operator API page).
 *
 * @category API codecs
 * @since 0.2.0
 */
export const OperatorGroup = t.type(
  {
    /** The group's id: pass it as `group_id` to `conversations.assignGroup`. */
    id: SafeInteger,
    /** Id of the account the group belongs to. */
    user_id: SafeInteger,
    /** The group's name, such as `Default`. */
    title: t.string,
    /** The group's priority (1 in Blinger's example; the doc does not say whether lower wins). */
    priority: SafeInteger,
    /** The group's colour in the inbox, as CSS hex (`#22539c`). */
    color: t.string,
    /** Whether new conversations go to this group. */
    is_default: BooleanFlag,
  },
  'OperatorGroup',
);
/**
 * A group of operators.
 *
 * @category API codecs
 * @since 0.2.0
 */
export type OperatorGroup = t.TypeOf<typeof OperatorGroup>;

/**
 * The operator groups of the account.
 *
 * @category API codecs
 * @since 0.2.0
 */
export const OperatorGroupList = list(OperatorGroup);
/**
 * The operator groups of the account.
 *
 * @category API codecs
 * @since 0.2.0
 */
export type OperatorGroupList = t.TypeOf<typeof OperatorGroupList>;

/**
 * The operator `operators.create` has just invited (source: the Operator API page).
 *
 * @category API codecs
 * @since 0.2.0
 */
export const CreatedOperator = t.type(
  {
    /** The new operator record's id. */
    id: SafeInteger,
    /** The new operator's Blinger user id. */
    user_id: SafeInteger,
    /** User id of the account owner. */
    owner_user_id: SafeInteger,
    /** The e-mail address the operator was invited with. */
    invite_email: t.string,
  },
  'CreatedOperator',
);
/**
 * The operator just invited.
 *
 * @category API codecs
 * @since 0.2.0
 */
export type CreatedOperator = t.TypeOf<typeof CreatedOperator>;

/**
 * What `operators.delete` answers: `{ success: true }` in Blinger's example.
 *
 * @category API codecs
 * @since 0.2.0
 */
export const DeleteOperatorResult = t.type(
  {
    /** Whether the operator was deleted. */
    success: BooleanFlag,
  },
  'DeleteOperatorResult',
);
/**
 * What `operators.delete` answers.
 *
 * @category API codecs
 * @since 0.2.0
 */
export type DeleteOperatorResult = t.TypeOf<typeof DeleteOperatorResult>;

/**
 * The field messages of a refused request, keyed by field: `{ invite_email: 'Email "…" has
 * already been taken.' }` in Blinger's example. A field may carry a list of messages.
 *
 * @category API codecs
 * @since 0.2.0
 */
export const FieldMessages = t.record(t.string, t.union([t.string, t.array(t.string)]), 'FieldMessages');
/**
 * The field messages of a refused request.
 *
 * @category API codecs
 * @since 0.2.0
 */
export type FieldMessages = t.TypeOf<typeof FieldMessages>;

/** Blinger's error envelope: `{ "error": "Operator not found", "status": 400 }` (the status repeated). */
export const ErrorEnvelope = t.type(
  {
    /** A message, or the field messages of a refused request. */
    error: t.union([t.string, FieldMessages]),
  },
  'ErrorEnvelope',
);
