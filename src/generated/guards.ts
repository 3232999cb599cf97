// GENERATED FILE, DO NOT EDIT. Written by scripts/generate-guard.ts from the io-ts codecs in
// src/codecs/. Regenerate with `npm run generate:guards`; test/generated/ fails when it is stale.
/**
 * Fast type guards, one per webhook event, equivalent to the codecs' `is()` (proven by property
 * tests) but written out as plain code: no closures, no `every`, no run-time code generation.
 *
 * @module
 */
/* eslint-disable */
import type { BlingerWebhook, CommentIncoming, CommentOutgoing, ConversationAssigned, ConversationClosed, ConversationUnassigned, MessageIncoming, MessageOutgoing, UserNew, WebhookEvent, WebhookName } from '../codecs/events.js';

/** Accepts exactly what io-ts `ConversationUser.is` accepts. */
function isConversationUser(u: unknown): boolean {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return false;
  const o1 = u as Record<string, unknown>;
  const v2 = o1.user_id;
  if (!Number.isSafeInteger(v2)) return false;
  const v3 = o1.role;
  if (typeof v3 !== 'string') return false;
  const v4 = o1.title;
  if (v4 !== null && typeof v4 !== 'string') return false;
  const v5 = o1.avatar;
  if (v5 !== null && typeof v5 !== 'string') return false;
  const v6 = o1.status;
  if (typeof v6 !== 'string') return false;
  const v7 = o1.service_user_id;
  if (v7 !== null && typeof v7 !== 'string') return false;
  const v8 = o1.date_created;
  if (!Number.isSafeInteger(v8)) return false;
  const v9 = o1.page_title;
  if (v9 !== undefined && v9 !== null && typeof v9 !== 'string') return false;
  const v10 = o1.page_url;
  if (v10 !== undefined && v10 !== null && typeof v10 !== 'string') return false;
  return true;
}

/** Accepts exactly what io-ts `Operator.is` accepts. */
function isOperator(u: unknown): boolean {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return false;
  const o1 = u as Record<string, unknown>;
  const v2 = o1.id;
  if (!Number.isSafeInteger(v2)) return false;
  const v3 = o1.name;
  if (typeof v3 !== 'string') return false;
  const v4 = o1.email;
  if (typeof v4 !== 'string') return false;
  return true;
}

/** Accepts exactly what io-ts `BlingerUser.is` accepts. */
function isBlingerUser(u: unknown): boolean {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return false;
  const o1 = u as Record<string, unknown>;
  const v2 = o1.id;
  if (!Number.isSafeInteger(v2)) return false;
  const v3 = o1.service_blinger_id;
  if (!Number.isSafeInteger(v3)) return false;
  const v4 = o1.blinger_user_id;
  if (!Number.isSafeInteger(v4)) return false;
  const v5 = o1.is_active;
  if (typeof v5 !== 'boolean') return false;
  const v6 = o1.date_updated;
  if (!Number.isSafeInteger(v6)) return false;
  const v7 = o1.date_created;
  if (!Number.isSafeInteger(v7)) return false;
  const v8 = o1.tags;
  if (v8 !== null && typeof v8 !== 'string') return false;
  const v9 = o1.name;
  if (v9 !== null && typeof v9 !== 'string') return false;
  const v10 = o1.role;
  if (typeof v10 !== 'string') return false;
  const v11 = o1.avatar;
  if (v11 !== null && typeof v11 !== 'string') return false;
  const v12 = o1.application;
  if (typeof v12 !== 'string') return false;
  const v13 = o1.service_user_id;
  if (v13 !== null && typeof v13 !== 'string') return false;
  const v14 = o1.status;
  if (typeof v14 !== 'string') return false;
  return true;
}

/** Accepts exactly what io-ts `ConversationMessage.is` accepts. */
function isConversationMessage(u: unknown): boolean {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return false;
  const o1 = u as Record<string, unknown>;
  const v2 = o1.id;
  if (!Number.isSafeInteger(v2)) return false;
  const v3 = o1.from_blinger_user_id;
  if (!Number.isSafeInteger(v3)) return false;
  const v4 = o1.to_blinger_user_id;
  if (!Number.isSafeInteger(v4)) return false;
  const v5 = o1.from_user_id;
  if (!Number.isSafeInteger(v5)) return false;
  const v6 = o1.to_user_id;
  if (!Number.isSafeInteger(v6)) return false;
  const v7 = o1.type;
  if (typeof v7 !== 'string') return false;
  const v8 = o1.application;
  if (typeof v8 !== 'string') return false;
  const v9 = o1.message;
  if (typeof v9 !== 'string') return false;
  const v10 = o1.blinger_message_id;
  if (!Number.isSafeInteger(v10)) return false;
  const v11 = o1.date_created;
  if (!Number.isSafeInteger(v11)) return false;
  const v12 = o1.status;
  if (typeof v12 !== 'string') return false;
  const v13 = o1.is_outgoing;
  if (typeof v13 !== 'boolean') return false;
  const v14 = o1.is_inner_message;
  if (typeof v14 !== 'boolean') return false;
  const v15 = o1.from_user_name;
  if (v15 !== null && typeof v15 !== 'string') return false;
  const v16 = o1.to_user_name;
  if (v16 !== null && typeof v16 !== 'string') return false;
  const v17 = o1.fromBlingerUser;
  if (!isBlingerUser(v17)) return false;
  const v18 = o1.toBlingerUser;
  if (!isBlingerUser(v18)) return false;
  return true;
}

/** Accepts exactly what io-ts `ConversationTag.is` accepts. */
function isConversationTag(u: unknown): boolean {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return false;
  const o1 = u as Record<string, unknown>;
  const v2 = o1.id;
  if (typeof v2 !== 'string' && !Number.isSafeInteger(v2)) return false;
  const v3 = o1.title;
  if (typeof v3 !== 'string') return false;
  const v4 = o1.message_id;
  if (typeof v4 !== 'string' && !Number.isSafeInteger(v4)) return false;
  return true;
}

/** Accepts exactly what io-ts `MessageOperator.is` accepts. */
function isMessageOperator(u: unknown): boolean {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return false;
  const o1 = u as Record<string, unknown>;
  const v2 = o1.id;
  if (v2 !== null && !Number.isSafeInteger(v2)) return false;
  const v3 = o1.name;
  if (v3 !== null && typeof v3 !== 'string') return false;
  const v4 = o1.email;
  if (v4 !== null && typeof v4 !== 'string') return false;
  return true;
}

/** Accepts exactly what io-ts `MessageParticipant.is` accepts. */
function isMessageParticipant(u: unknown): boolean {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return false;
  const o1 = u as Record<string, unknown>;
  const v2 = o1.user_id;
  if (!Number.isSafeInteger(v2)) return false;
  const v3 = o1.role;
  if (typeof v3 !== 'string') return false;
  const v4 = o1.title;
  if (v4 !== null && typeof v4 !== 'string') return false;
  const v5 = o1.avatar;
  if (v5 !== null && typeof v5 !== 'string') return false;
  const v6 = o1.status;
  if (typeof v6 !== 'string') return false;
  const v7 = o1.service_user_id;
  if (v7 !== null && typeof v7 !== 'string') return false;
  const v8 = o1.date_created;
  if (!Number.isSafeInteger(v8)) return false;
  const v9 = o1.application;
  if (typeof v9 !== 'string') return false;
  const v10 = o1.page_title;
  if (v10 !== undefined && v10 !== null && typeof v10 !== 'string') return false;
  const v11 = o1.page_url;
  if (v11 !== undefined && v11 !== null && typeof v11 !== 'string') return false;
  return true;
}

/** Accepts exactly what io-ts `Message.is` accepts. */
function isMessage(u: unknown): boolean {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return false;
  const o1 = u as Record<string, unknown>;
  const v2 = o1.id;
  if (!Number.isSafeInteger(v2)) return false;
  const v3 = o1.from_user_id;
  if (!Number.isSafeInteger(v3)) return false;
  const v4 = o1.to_user_id;
  if (!Number.isSafeInteger(v4)) return false;
  const v5 = o1.type;
  if (typeof v5 !== 'string') return false;
  const v6 = o1.application;
  if (typeof v6 !== 'string') return false;
  const v7 = o1.date_created;
  if (!Number.isSafeInteger(v7)) return false;
  const v8 = o1.message;
  if (typeof v8 !== 'string') return false;
  const v9 = o1.tags;
  if (!Array.isArray(v9)) return false;
  for (let i10 = 0, n11 = v9.length; i10 < n11; i10++) {
    const x12: unknown = v9[i10];
    if (typeof x12 !== 'string' && (x12 !== undefined || i10 in v9)) return false;
  }
  return true;
}

/** Accepts exactly what io-ts `Comment.is` accepts. */
function isComment(u: unknown): boolean {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return false;
  const o1 = u as Record<string, unknown>;
  const v2 = o1.id;
  if (!Number.isSafeInteger(v2)) return false;
  const v3 = o1.from_user_id;
  if (!Number.isSafeInteger(v3)) return false;
  const v4 = o1.to_user_id;
  if (!Number.isSafeInteger(v4)) return false;
  const v5 = o1.reply_comment_id;
  if (v5 !== null && !Number.isSafeInteger(v5)) return false;
  const v6 = o1.type;
  if (typeof v6 !== 'string') return false;
  const v7 = o1.post_id;
  if (typeof v7 !== 'string') return false;
  const v8 = o1.post_url;
  if (typeof v8 !== 'string') return false;
  const v9 = o1.post_title;
  if (typeof v9 !== 'string') return false;
  const v10 = o1.application;
  if (typeof v10 !== 'string') return false;
  const v11 = o1.date_created;
  if (!Number.isSafeInteger(v11)) return false;
  const v12 = o1.message;
  if (typeof v12 !== 'string') return false;
  return true;
}

/** Whether `u` is a valid `on_conversation_unassigned` event: exactly io-ts `ConversationUnassigned.is(u)`, faster. */
export function isConversationUnassigned(u: unknown): u is ConversationUnassigned {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return false;
  const o1 = u as Record<string, unknown>;
  const v2 = o1.webhook;
  if (v2 !== 'on_conversation_unassigned') return false;
  const v3 = o1.conversation;
  if (typeof v3 !== 'object' || v3 === null || Array.isArray(v3)) return false;
  const o4 = v3 as Record<string, unknown>;
  const v5 = o4.id;
  if (!Number.isSafeInteger(v5)) return false;
  const v6 = o4.application;
  if (typeof v6 !== 'string') return false;
  const v7 = o4.status;
  if (typeof v7 !== 'string') return false;
  const v8 = o4.date_created;
  if (!Number.isSafeInteger(v8)) return false;
  const v9 = o4.date_updated;
  if (!Number.isSafeInteger(v9)) return false;
  const v10 = o4.from_user;
  if (!isConversationUser(v10)) return false;
  return true;
}

/** Whether `u` is a valid `on_conversation_assigned` event: exactly io-ts `ConversationAssigned.is(u)`, faster. */
export function isConversationAssigned(u: unknown): u is ConversationAssigned {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return false;
  const o1 = u as Record<string, unknown>;
  const v2 = o1.webhook;
  if (v2 !== 'on_conversation_assigned') return false;
  const v3 = o1.conversation;
  if (typeof v3 !== 'object' || v3 === null || Array.isArray(v3)) return false;
  const o4 = v3 as Record<string, unknown>;
  const v5 = o4.id;
  if (!Number.isSafeInteger(v5)) return false;
  const v6 = o4.application;
  if (typeof v6 !== 'string') return false;
  const v7 = o4.status;
  if (typeof v7 !== 'string') return false;
  const v8 = o4.date_created;
  if (!Number.isSafeInteger(v8)) return false;
  const v9 = o4.date_updated;
  if (!Number.isSafeInteger(v9)) return false;
  const v10 = o4.from_user;
  if (!isConversationUser(v10)) return false;
  const v11 = o4.operator;
  if (!isOperator(v11)) return false;
  return true;
}

/** Whether `u` is a valid `on_conversation_closed` event: exactly io-ts `ConversationClosed.is(u)`, faster. */
export function isConversationClosed(u: unknown): u is ConversationClosed {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return false;
  const o1 = u as Record<string, unknown>;
  const v2 = o1.webhook;
  if (v2 !== 'on_conversation_closed') return false;
  const v3 = o1.conversation;
  if (typeof v3 !== 'object' || v3 === null || Array.isArray(v3)) return false;
  const o4 = v3 as Record<string, unknown>;
  const v5 = o4.id;
  if (!Number.isSafeInteger(v5)) return false;
  const v6 = o4.application;
  if (typeof v6 !== 'string') return false;
  const v7 = o4.status;
  if (typeof v7 !== 'string') return false;
  const v8 = o4.date_created;
  if (!Number.isSafeInteger(v8)) return false;
  const v9 = o4.date_updated;
  if (!Number.isSafeInteger(v9)) return false;
  const v10 = o4.from_user;
  if (!isConversationUser(v10)) return false;
  const v11 = o4.messages;
  if (!Array.isArray(v11)) return false;
  for (let i12 = 0, n13 = v11.length; i12 < n13; i12++) {
    const x14: unknown = v11[i12];
    if (!isConversationMessage(x14) && (x14 !== undefined || i12 in v11)) return false;
  }
  const v15 = o4.tags;
  if (!Array.isArray(v15)) return false;
  for (let i16 = 0, n17 = v15.length; i16 < n17; i16++) {
    const x18: unknown = v15[i16];
    if (!isConversationTag(x18) && (x18 !== undefined || i16 in v15)) return false;
  }
  const v19 = o4.operator;
  if (v19 !== undefined) {
    if (v19 !== null) {
      if (!isOperator(v19)) return false;
    }
  }
  const v20 = o4.close_group;
  if (v20 !== undefined) {
    if (v20 !== null) {
      if (typeof v20 !== 'object' || v20 === null || Array.isArray(v20)) return false;
      const o21 = v20 as Record<string, unknown>;
      const v22 = o21.title;
      if (typeof v22 !== 'string') return false;
    }
  }
  return true;
}

/** Whether `u` is a valid `on_message_incoming` event: exactly io-ts `MessageIncoming.is(u)`, faster. */
export function isMessageIncoming(u: unknown): u is MessageIncoming {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return false;
  const o1 = u as Record<string, unknown>;
  const v2 = o1.webhook;
  if (v2 !== 'on_message_incoming') return false;
  const v3 = o1.from_user_id;
  if (!Number.isSafeInteger(v3)) return false;
  const v4 = o1.to_user_id;
  if (!Number.isSafeInteger(v4)) return false;
  const v5 = o1.conversation_id;
  if (!Number.isSafeInteger(v5)) return false;
  const v6 = o1.conversation_token;
  if (typeof v6 !== 'string') return false;
  const v7 = o1.operator;
  if (!isMessageOperator(v7)) return false;
  const v8 = o1.from_user;
  if (!isMessageParticipant(v8)) return false;
  const v9 = o1.to_user;
  if (!isMessageParticipant(v9)) return false;
  const v10 = o1.message_id;
  if (!Number.isSafeInteger(v10)) return false;
  const v11 = o1.message_blinger_id;
  if (!Number.isSafeInteger(v11)) return false;
  const v12 = o1.message;
  if (!isMessage(v12)) return false;
  return true;
}

/** Whether `u` is a valid `on_message_outgoing` event: exactly io-ts `MessageOutgoing.is(u)`, faster. */
export function isMessageOutgoing(u: unknown): u is MessageOutgoing {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return false;
  const o1 = u as Record<string, unknown>;
  const v2 = o1.webhook;
  if (v2 !== 'on_message_outgoing') return false;
  const v3 = o1.from_user_id;
  if (!Number.isSafeInteger(v3)) return false;
  const v4 = o1.to_user_id;
  if (!Number.isSafeInteger(v4)) return false;
  const v5 = o1.conversation_id;
  if (!Number.isSafeInteger(v5)) return false;
  const v6 = o1.conversation_token;
  if (typeof v6 !== 'string') return false;
  const v7 = o1.operator;
  if (!isMessageOperator(v7)) return false;
  const v8 = o1.from_user;
  if (!isMessageParticipant(v8)) return false;
  const v9 = o1.to_user;
  if (!isMessageParticipant(v9)) return false;
  const v10 = o1.message_id;
  if (!Number.isSafeInteger(v10)) return false;
  const v11 = o1.message_blinger_id;
  if (!Number.isSafeInteger(v11)) return false;
  const v12 = o1.message;
  if (!isMessage(v12)) return false;
  return true;
}

/** Whether `u` is a valid `on_comment_incoming` event: exactly io-ts `CommentIncoming.is(u)`, faster. */
export function isCommentIncoming(u: unknown): u is CommentIncoming {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return false;
  const o1 = u as Record<string, unknown>;
  const v2 = o1.webhook;
  if (v2 !== 'on_comment_incoming') return false;
  const v3 = o1.from_user_id;
  if (!Number.isSafeInteger(v3)) return false;
  const v4 = o1.to_user_id;
  if (!Number.isSafeInteger(v4)) return false;
  const v5 = o1.conversation_id;
  if (!Number.isSafeInteger(v5)) return false;
  const v6 = o1.conversation_token;
  if (typeof v6 !== 'string') return false;
  const v7 = o1.operator;
  if (!isMessageOperator(v7)) return false;
  const v8 = o1.from_user;
  if (!isMessageParticipant(v8)) return false;
  const v9 = o1.to_user;
  if (!isMessageParticipant(v9)) return false;
  const v10 = o1.comment_id;
  if (!Number.isSafeInteger(v10)) return false;
  const v11 = o1.comment_blinger_id;
  if (!Number.isSafeInteger(v11)) return false;
  const v12 = o1.comment;
  if (!isComment(v12)) return false;
  return true;
}

/** Whether `u` is a valid `on_comment_outgoing` event: exactly io-ts `CommentOutgoing.is(u)`, faster. */
export function isCommentOutgoing(u: unknown): u is CommentOutgoing {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return false;
  const o1 = u as Record<string, unknown>;
  const v2 = o1.webhook;
  if (v2 !== 'on_comment_outgoing') return false;
  const v3 = o1.from_user_id;
  if (!Number.isSafeInteger(v3)) return false;
  const v4 = o1.to_user_id;
  if (!Number.isSafeInteger(v4)) return false;
  const v5 = o1.conversation_id;
  if (!Number.isSafeInteger(v5)) return false;
  const v6 = o1.conversation_token;
  if (typeof v6 !== 'string') return false;
  const v7 = o1.operator;
  if (!isMessageOperator(v7)) return false;
  const v8 = o1.from_user;
  if (!isMessageParticipant(v8)) return false;
  const v9 = o1.to_user;
  if (!isMessageParticipant(v9)) return false;
  const v10 = o1.comment_id;
  if (!Number.isSafeInteger(v10)) return false;
  const v11 = o1.comment_blinger_id;
  if (!Number.isSafeInteger(v11)) return false;
  const v12 = o1.comment;
  if (!isComment(v12)) return false;
  return true;
}

/** Whether `u` is a valid `on_user_new` event: exactly io-ts `UserNew.is(u)`, faster. */
export function isUserNew(u: unknown): u is UserNew {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return false;
  const o1 = u as Record<string, unknown>;
  const v2 = o1.webhook;
  if (v2 !== 'on_user_new') return false;
  const v3 = o1.user;
  if (typeof v3 !== 'object' || v3 === null || Array.isArray(v3)) return false;
  const o4 = v3 as Record<string, unknown>;
  const v5 = o4.id;
  if (!Number.isSafeInteger(v5)) return false;
  const v6 = o4.blinger_user_id;
  if (!Number.isSafeInteger(v6)) return false;
  const v7 = o4.name;
  if (v7 !== null && typeof v7 !== 'string') return false;
  const v8 = o4.avatar;
  if (v8 !== null && typeof v8 !== 'string') return false;
  const v9 = o4.application;
  if (typeof v9 !== 'string') return false;
  const v10 = o4.service_user_id;
  if (v10 !== null && typeof v10 !== 'string') return false;
  const v11 = o4.date_created;
  if (!Number.isSafeInteger(v11)) return false;
  return true;
}

/** The generated guard of each event, keyed by its `webhook` name. */
export const webhookGuards: { readonly [Name in WebhookName]: (u: unknown) => u is WebhookEvent<Name> } = {
  on_conversation_unassigned: isConversationUnassigned,
  on_conversation_assigned: isConversationAssigned,
  on_conversation_closed: isConversationClosed,
  on_message_incoming: isMessageIncoming,
  on_message_outgoing: isMessageOutgoing,
  on_comment_incoming: isCommentIncoming,
  on_comment_outgoing: isCommentOutgoing,
  on_user_new: isUserNew,
};

/**
 * The generated guard of the event named `name`, or `undefined` for a name that is not an event.
 * Safe for any string, `__proto__` included. Not a keyed lookup: `webhook` values are fresh
 * strings from JSON.parse, and looking one up as an object key (`webhookGuards[name]`,
 * `Object.hasOwn`) hashes and internalises it, several percent of parsing a small event. Nor a
 * `switch` on the string, which compares it with each name in turn: the length and a character
 * or two pick the one candidate, and a single comparison confirms it.
 */
export function webhookGuardFor(name: string): ((u: unknown) => u is BlingerWebhook) | undefined {
  switch (name.length) {
    case 26:
      return name === 'on_conversation_unassigned' ? isConversationUnassigned : undefined;
    case 24:
      return name === 'on_conversation_assigned' ? isConversationAssigned : undefined;
    case 22:
      return name === 'on_conversation_closed' ? isConversationClosed : undefined;
    case 19:
      switch (name.charCodeAt(3)) {
        case 109: // 'm'
          switch (name.charCodeAt(11)) {
            case 105: // 'i'
              return name === 'on_message_incoming' ? isMessageIncoming : undefined;
            case 111: // 'o'
              return name === 'on_message_outgoing' ? isMessageOutgoing : undefined;
            default:
              return undefined;
          }
        case 99: // 'c'
          switch (name.charCodeAt(11)) {
            case 105: // 'i'
              return name === 'on_comment_incoming' ? isCommentIncoming : undefined;
            case 111: // 'o'
              return name === 'on_comment_outgoing' ? isCommentOutgoing : undefined;
            default:
              return undefined;
          }
        default:
          return undefined;
      }
    case 11:
      return name === 'on_user_new' ? isUserNew : undefined;
    default:
      return undefined;
  }
}
