// GENERATED FILE, DO NOT EDIT. Written by scripts/generate-guard.ts from the io-ts codecs in
// src/codecs/. Regenerate with `npm run generate:guards`; test/generated/ fails when it is stale.
/**
 * Normalisers, one per webhook event: what the codec's `validate` decodes (a PHP sender's wire
 * quirks turned into the canonical values, objects copied only where a field changes), or
 * `REFUSED` where it fails, written out as plain code without io-ts's context arrays and
 * `Either`s (proven equal by property tests). parseWebhook runs one after the guard refuses a
 * delivery, and the codec's `validate` only to explain a refusal.
 *
 * @module
 */
/* eslint-disable */
import { booleanFromFlag, indexedValues, integerFromDigits } from '../codecs/wire.js';
import type { WebhookName } from '../codecs/events.js';

/** What a normaliser returns for a value the codec refuses. */
export const REFUSED: unique symbol = Symbol('refused');

/** A safe integer, or the one a digit string stands for; else `REFUSED`. */
function integerField(u: unknown): unknown {
  if (Number.isSafeInteger(u)) return u;
  const value = typeof u === 'string' ? integerFromDigits(u) : undefined;
  return value === undefined ? REFUSED : value;
}

/** A boolean, or the one a MySQL flag stands for; else `REFUSED`. */
function booleanField(u: unknown): unknown {
  if (typeof u === 'boolean') return u;
  const value = booleanFromFlag(u);
  return value === undefined ? REFUSED : value;
}

/** `copy` with `key` set to `value`; `copy` is first made from `original` if it still is it. */
function withField(copy: Record<string, unknown>, original: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  // Spread, not Object.assign: a "__proto__" key stays a plain key.
  const target = copy === original ? { ...original } : copy;
  target[key] = value;
  return target;
}

/** A ListType's object with index keys: its items in key order, each normalised, or `REFUSED`. */
function indexedList(u: unknown, normaliseItem: (item: unknown) => unknown): unknown {
  const entries = indexedValues(u);
  if (entries === undefined) return REFUSED;
  const items: unknown[] = [];
  for (const [, value] of entries) {
    const item = normaliseItem(value);
    if (item === REFUSED) return REFUSED;
    items.push(item);
  }
  return items;
}

/** What io-ts `ConversationUser.validate` decodes, or `REFUSED`. */
function normaliseConversationUser(u: unknown): unknown {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return REFUSED;
  const o1 = u as Record<string, unknown>;
  let a2 = o1;
  const v3 = o1.user_id;
  const r4 = integerField(v3);
  if (r4 === REFUSED) return REFUSED;
  if (r4 !== v3) a2 = withField(a2, o1, 'user_id', r4);
  const v5 = o1.role;
  if (typeof v5 !== 'string') return REFUSED;
  const v6 = o1.title;
  if (v6 !== null && typeof v6 !== 'string') return REFUSED;
  const v7 = o1.avatar;
  if (v7 !== null && typeof v7 !== 'string') return REFUSED;
  const v8 = o1.status;
  if (typeof v8 !== 'string') return REFUSED;
  const v9 = o1.service_user_id;
  if (v9 !== null && typeof v9 !== 'string') return REFUSED;
  const v10 = o1.date_created;
  const r11 = integerField(v10);
  if (r11 === REFUSED) return REFUSED;
  if (r11 !== v10) a2 = withField(a2, o1, 'date_created', r11);
  const v12 = o1.page_title;
  if (v12 !== undefined) {
    if (v12 !== null && typeof v12 !== 'string') return REFUSED;
  }
  const v13 = o1.page_url;
  if (v13 !== undefined) {
    if (v13 !== null && typeof v13 !== 'string') return REFUSED;
  }
  return a2;
}

/** What io-ts `UnassignedConversation.validate` decodes, or `REFUSED`. */
function normaliseUnassignedConversation(u: unknown): unknown {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return REFUSED;
  const o1 = u as Record<string, unknown>;
  let a2 = o1;
  const v3 = o1.id;
  const r4 = integerField(v3);
  if (r4 === REFUSED) return REFUSED;
  if (r4 !== v3) a2 = withField(a2, o1, 'id', r4);
  const v5 = o1.application;
  if (typeof v5 !== 'string') return REFUSED;
  const v6 = o1.status;
  if (typeof v6 !== 'string') return REFUSED;
  const v7 = o1.date_created;
  const r8 = integerField(v7);
  if (r8 === REFUSED) return REFUSED;
  if (r8 !== v7) a2 = withField(a2, o1, 'date_created', r8);
  const v9 = o1.date_updated;
  const r10 = integerField(v9);
  if (r10 === REFUSED) return REFUSED;
  if (r10 !== v9) a2 = withField(a2, o1, 'date_updated', r10);
  const v11 = o1.from_user;
  const r12 = normaliseConversationUser(v11);
  if (r12 === REFUSED) return REFUSED;
  if (r12 !== v11) a2 = withField(a2, o1, 'from_user', r12);
  return a2;
}

/** What io-ts `Operator.validate` decodes, or `REFUSED`. */
function normaliseOperator(u: unknown): unknown {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return REFUSED;
  const o1 = u as Record<string, unknown>;
  let a2 = o1;
  const v3 = o1.id;
  const r4 = integerField(v3);
  if (r4 === REFUSED) return REFUSED;
  if (r4 !== v3) a2 = withField(a2, o1, 'id', r4);
  const v5 = o1.name;
  if (typeof v5 !== 'string') return REFUSED;
  const v6 = o1.email;
  if (typeof v6 !== 'string') return REFUSED;
  return a2;
}

/** What io-ts `AssignedConversation.validate` decodes, or `REFUSED`. */
function normaliseAssignedConversation(u: unknown): unknown {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return REFUSED;
  const o1 = u as Record<string, unknown>;
  let a2 = o1;
  const v3 = o1.id;
  const r4 = integerField(v3);
  if (r4 === REFUSED) return REFUSED;
  if (r4 !== v3) a2 = withField(a2, o1, 'id', r4);
  const v5 = o1.application;
  if (typeof v5 !== 'string') return REFUSED;
  const v6 = o1.status;
  if (typeof v6 !== 'string') return REFUSED;
  const v7 = o1.date_created;
  const r8 = integerField(v7);
  if (r8 === REFUSED) return REFUSED;
  if (r8 !== v7) a2 = withField(a2, o1, 'date_created', r8);
  const v9 = o1.date_updated;
  const r10 = integerField(v9);
  if (r10 === REFUSED) return REFUSED;
  if (r10 !== v9) a2 = withField(a2, o1, 'date_updated', r10);
  const v11 = o1.from_user;
  const r12 = normaliseConversationUser(v11);
  if (r12 === REFUSED) return REFUSED;
  if (r12 !== v11) a2 = withField(a2, o1, 'from_user', r12);
  const v13 = o1.operator;
  const r14 = normaliseOperator(v13);
  if (r14 === REFUSED) return REFUSED;
  if (r14 !== v13) a2 = withField(a2, o1, 'operator', r14);
  return a2;
}

/** What io-ts `BlingerUser.validate` decodes, or `REFUSED`. */
function normaliseBlingerUser(u: unknown): unknown {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return REFUSED;
  const o1 = u as Record<string, unknown>;
  let a2 = o1;
  const v3 = o1.id;
  const r4 = integerField(v3);
  if (r4 === REFUSED) return REFUSED;
  if (r4 !== v3) a2 = withField(a2, o1, 'id', r4);
  const v5 = o1.service_blinger_id;
  const r6 = integerField(v5);
  if (r6 === REFUSED) return REFUSED;
  if (r6 !== v5) a2 = withField(a2, o1, 'service_blinger_id', r6);
  const v7 = o1.blinger_user_id;
  const r8 = integerField(v7);
  if (r8 === REFUSED) return REFUSED;
  if (r8 !== v7) a2 = withField(a2, o1, 'blinger_user_id', r8);
  const v9 = o1.is_active;
  const r10 = booleanField(v9);
  if (r10 === REFUSED) return REFUSED;
  if (r10 !== v9) a2 = withField(a2, o1, 'is_active', r10);
  const v11 = o1.date_updated;
  const r12 = integerField(v11);
  if (r12 === REFUSED) return REFUSED;
  if (r12 !== v11) a2 = withField(a2, o1, 'date_updated', r12);
  const v13 = o1.date_created;
  const r14 = integerField(v13);
  if (r14 === REFUSED) return REFUSED;
  if (r14 !== v13) a2 = withField(a2, o1, 'date_created', r14);
  const v15 = o1.tags;
  if (v15 !== null && typeof v15 !== 'string') return REFUSED;
  const v16 = o1.name;
  if (v16 !== null && typeof v16 !== 'string') return REFUSED;
  const v17 = o1.role;
  if (typeof v17 !== 'string') return REFUSED;
  const v18 = o1.avatar;
  if (v18 !== null && typeof v18 !== 'string') return REFUSED;
  const v19 = o1.application;
  if (typeof v19 !== 'string') return REFUSED;
  const v20 = o1.service_user_id;
  if (v20 !== null && typeof v20 !== 'string') return REFUSED;
  const v21 = o1.status;
  if (typeof v21 !== 'string') return REFUSED;
  return a2;
}

/** What io-ts `ConversationMessage.validate` decodes, or `REFUSED`. */
function normaliseConversationMessage(u: unknown): unknown {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return REFUSED;
  const o1 = u as Record<string, unknown>;
  let a2 = o1;
  const v3 = o1.id;
  const r4 = integerField(v3);
  if (r4 === REFUSED) return REFUSED;
  if (r4 !== v3) a2 = withField(a2, o1, 'id', r4);
  const v5 = o1.from_blinger_user_id;
  const r6 = integerField(v5);
  if (r6 === REFUSED) return REFUSED;
  if (r6 !== v5) a2 = withField(a2, o1, 'from_blinger_user_id', r6);
  const v7 = o1.to_blinger_user_id;
  const r8 = integerField(v7);
  if (r8 === REFUSED) return REFUSED;
  if (r8 !== v7) a2 = withField(a2, o1, 'to_blinger_user_id', r8);
  const v9 = o1.from_user_id;
  const r10 = integerField(v9);
  if (r10 === REFUSED) return REFUSED;
  if (r10 !== v9) a2 = withField(a2, o1, 'from_user_id', r10);
  const v11 = o1.to_user_id;
  const r12 = integerField(v11);
  if (r12 === REFUSED) return REFUSED;
  if (r12 !== v11) a2 = withField(a2, o1, 'to_user_id', r12);
  const v13 = o1.type;
  if (typeof v13 !== 'string') return REFUSED;
  const v14 = o1.application;
  if (typeof v14 !== 'string') return REFUSED;
  const v15 = o1.message;
  if (typeof v15 !== 'string') return REFUSED;
  const v16 = o1.blinger_message_id;
  const r17 = integerField(v16);
  if (r17 === REFUSED) return REFUSED;
  if (r17 !== v16) a2 = withField(a2, o1, 'blinger_message_id', r17);
  const v18 = o1.date_created;
  const r19 = integerField(v18);
  if (r19 === REFUSED) return REFUSED;
  if (r19 !== v18) a2 = withField(a2, o1, 'date_created', r19);
  const v20 = o1.status;
  if (typeof v20 !== 'string') return REFUSED;
  const v21 = o1.is_outgoing;
  const r22 = booleanField(v21);
  if (r22 === REFUSED) return REFUSED;
  if (r22 !== v21) a2 = withField(a2, o1, 'is_outgoing', r22);
  const v23 = o1.is_inner_message;
  const r24 = booleanField(v23);
  if (r24 === REFUSED) return REFUSED;
  if (r24 !== v23) a2 = withField(a2, o1, 'is_inner_message', r24);
  const v25 = o1.from_user_name;
  if (v25 !== null && typeof v25 !== 'string') return REFUSED;
  const v26 = o1.to_user_name;
  if (v26 !== null && typeof v26 !== 'string') return REFUSED;
  const v27 = o1.fromBlingerUser;
  const r28 = normaliseBlingerUser(v27);
  if (r28 === REFUSED) return REFUSED;
  if (r28 !== v27) a2 = withField(a2, o1, 'fromBlingerUser', r28);
  const v29 = o1.toBlingerUser;
  const r30 = normaliseBlingerUser(v29);
  if (r30 === REFUSED) return REFUSED;
  if (r30 !== v29) a2 = withField(a2, o1, 'toBlingerUser', r30);
  return a2;
}

/** What io-ts `ConversationTag.validate` decodes, or `REFUSED`. */
function normaliseConversationTag(u: unknown): unknown {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return REFUSED;
  const o1 = u as Record<string, unknown>;
  let a2 = o1;
  const v3 = o1.id;
  if (typeof v3 !== 'string' && !Number.isSafeInteger(v3)) return REFUSED;
  const v4 = o1.title;
  if (typeof v4 !== 'string') return REFUSED;
  const v5 = o1.message_id;
  if (typeof v5 !== 'string' && !Number.isSafeInteger(v5)) return REFUSED;
  return a2;
}

/** What io-ts `CloseGroup.validate` decodes, or `REFUSED`. */
function normaliseCloseGroup(u: unknown): unknown {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return REFUSED;
  const o1 = u as Record<string, unknown>;
  let a2 = o1;
  const v3 = o1.title;
  if (typeof v3 !== 'string') return REFUSED;
  return a2;
}

/** What io-ts `ClosedConversation.validate` decodes, or `REFUSED`. */
function normaliseClosedConversation(u: unknown): unknown {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return REFUSED;
  const o1 = u as Record<string, unknown>;
  let a2 = o1;
  const v3 = o1.id;
  const r4 = integerField(v3);
  if (r4 === REFUSED) return REFUSED;
  if (r4 !== v3) a2 = withField(a2, o1, 'id', r4);
  const v5 = o1.application;
  if (typeof v5 !== 'string') return REFUSED;
  const v6 = o1.status;
  if (typeof v6 !== 'string') return REFUSED;
  const v7 = o1.date_created;
  const r8 = integerField(v7);
  if (r8 === REFUSED) return REFUSED;
  if (r8 !== v7) a2 = withField(a2, o1, 'date_created', r8);
  const v9 = o1.date_updated;
  const r10 = integerField(v9);
  if (r10 === REFUSED) return REFUSED;
  if (r10 !== v9) a2 = withField(a2, o1, 'date_updated', r10);
  const v11 = o1.from_user;
  const r12 = normaliseConversationUser(v11);
  if (r12 === REFUSED) return REFUSED;
  if (r12 !== v11) a2 = withField(a2, o1, 'from_user', r12);
  const v13 = o1.messages;
  let r14: unknown;
  if (Array.isArray(v13)) {
    let items = v13 as unknown[];
    for (let i15 = 0, n16 = v13.length; i15 < n16; i15++) {
      const x17: unknown = v13[i15];
      const y18 = normaliseConversationMessage(x17);
      if (y18 === REFUSED) return REFUSED;
      if (y18 !== x17) {
        if (items === v13) items = v13.slice();
        items[i15] = y18;
      }
    }
    r14 = items;
  } else {
    r14 = indexedList(v13, normaliseConversationMessage);
    if (r14 === REFUSED) return REFUSED;
  }
  if (r14 !== v13) a2 = withField(a2, o1, 'messages', r14);
  const v19 = o1.tags;
  let r20: unknown;
  if (Array.isArray(v19)) {
    let items = v19 as unknown[];
    for (let i21 = 0, n22 = v19.length; i21 < n22; i21++) {
      const x23: unknown = v19[i21];
      const y24 = normaliseConversationTag(x23);
      if (y24 === REFUSED) return REFUSED;
      if (y24 !== x23) {
        if (items === v19) items = v19.slice();
        items[i21] = y24;
      }
    }
    r20 = items;
  } else {
    r20 = indexedList(v19, normaliseConversationTag);
    if (r20 === REFUSED) return REFUSED;
  }
  if (r20 !== v19) a2 = withField(a2, o1, 'tags', r20);
  const v25 = o1.operator;
  if (v25 !== undefined) {
    let r26: unknown;
    if ((Array.isArray(v25) && v25.length === 0)) r26 = null;
    else {
      let r28: unknown = null;
      if (v25 !== null) {
        const r27 = normaliseOperator(v25);
        if (r27 === REFUSED) return REFUSED;
        r28 = r27;
      }
      r26 = r28;
    }
    if (r26 !== v25) a2 = withField(a2, o1, 'operator', r26);
  }
  const v29 = o1.close_group;
  if (v29 !== undefined) {
    let r30: unknown;
    if ((Array.isArray(v29) && v29.length === 0)) r30 = null;
    else {
      if (v29 !== null) {
        if (normaliseCloseGroup(v29) === REFUSED) return REFUSED;
      }
      r30 = v29;
    }
    if (r30 !== v29) a2 = withField(a2, o1, 'close_group', r30);
  }
  return a2;
}

/** What io-ts `MessageOperator.validate` decodes, or `REFUSED`. */
function normaliseMessageOperator(u: unknown): unknown {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return REFUSED;
  const o1 = u as Record<string, unknown>;
  let a2 = o1;
  const v3 = o1.id;
  let r5: unknown = null;
  if (v3 !== null) {
    const r4 = integerField(v3);
    if (r4 === REFUSED) return REFUSED;
    r5 = r4;
  }
  if (r5 !== v3) a2 = withField(a2, o1, 'id', r5);
  const v6 = o1.name;
  if (v6 !== null && typeof v6 !== 'string') return REFUSED;
  const v7 = o1.email;
  if (v7 !== null && typeof v7 !== 'string') return REFUSED;
  return a2;
}

/** What io-ts `MessageParticipant.validate` decodes, or `REFUSED`. */
function normaliseMessageParticipant(u: unknown): unknown {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return REFUSED;
  const o1 = u as Record<string, unknown>;
  let a2 = o1;
  const v3 = o1.user_id;
  const r4 = integerField(v3);
  if (r4 === REFUSED) return REFUSED;
  if (r4 !== v3) a2 = withField(a2, o1, 'user_id', r4);
  const v5 = o1.role;
  if (typeof v5 !== 'string') return REFUSED;
  const v6 = o1.title;
  if (v6 !== null && typeof v6 !== 'string') return REFUSED;
  const v7 = o1.avatar;
  if (v7 !== null && typeof v7 !== 'string') return REFUSED;
  const v8 = o1.status;
  if (typeof v8 !== 'string') return REFUSED;
  const v9 = o1.service_user_id;
  if (v9 !== null && typeof v9 !== 'string') return REFUSED;
  const v10 = o1.date_created;
  const r11 = integerField(v10);
  if (r11 === REFUSED) return REFUSED;
  if (r11 !== v10) a2 = withField(a2, o1, 'date_created', r11);
  const v12 = o1.application;
  if (typeof v12 !== 'string') return REFUSED;
  const v13 = o1.page_title;
  if (v13 !== undefined) {
    if (v13 !== null && typeof v13 !== 'string') return REFUSED;
  }
  const v14 = o1.page_url;
  if (v14 !== undefined) {
    if (v14 !== null && typeof v14 !== 'string') return REFUSED;
  }
  return a2;
}

/** What io-ts `string.validate` decodes, or `REFUSED`. */
function normalisestring(u: unknown): unknown {
  if (typeof u !== 'string') return REFUSED;
  return u;
}

/** What io-ts `Message.validate` decodes, or `REFUSED`. */
function normaliseMessage(u: unknown): unknown {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return REFUSED;
  const o1 = u as Record<string, unknown>;
  let a2 = o1;
  const v3 = o1.id;
  const r4 = integerField(v3);
  if (r4 === REFUSED) return REFUSED;
  if (r4 !== v3) a2 = withField(a2, o1, 'id', r4);
  const v5 = o1.from_user_id;
  const r6 = integerField(v5);
  if (r6 === REFUSED) return REFUSED;
  if (r6 !== v5) a2 = withField(a2, o1, 'from_user_id', r6);
  const v7 = o1.to_user_id;
  const r8 = integerField(v7);
  if (r8 === REFUSED) return REFUSED;
  if (r8 !== v7) a2 = withField(a2, o1, 'to_user_id', r8);
  const v9 = o1.type;
  if (typeof v9 !== 'string') return REFUSED;
  const v10 = o1.application;
  if (typeof v10 !== 'string') return REFUSED;
  const v11 = o1.date_created;
  const r12 = integerField(v11);
  if (r12 === REFUSED) return REFUSED;
  if (r12 !== v11) a2 = withField(a2, o1, 'date_created', r12);
  const v13 = o1.message;
  if (typeof v13 !== 'string') return REFUSED;
  const v14 = o1.tags;
  let r15: unknown;
  if (Array.isArray(v14)) {
    let items = v14 as unknown[];
    for (let i16 = 0, n17 = v14.length; i16 < n17; i16++) {
      const x18: unknown = v14[i16];
      const y19 = normalisestring(x18);
      if (y19 === REFUSED) return REFUSED;
      if (y19 !== x18) {
        if (items === v14) items = v14.slice();
        items[i16] = y19;
      }
    }
    r15 = items;
  } else {
    r15 = indexedList(v14, normalisestring);
    if (r15 === REFUSED) return REFUSED;
  }
  if (r15 !== v14) a2 = withField(a2, o1, 'tags', r15);
  return a2;
}

/** What io-ts `Comment.validate` decodes, or `REFUSED`. */
function normaliseComment(u: unknown): unknown {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return REFUSED;
  const o1 = u as Record<string, unknown>;
  let a2 = o1;
  const v3 = o1.id;
  const r4 = integerField(v3);
  if (r4 === REFUSED) return REFUSED;
  if (r4 !== v3) a2 = withField(a2, o1, 'id', r4);
  const v5 = o1.from_user_id;
  const r6 = integerField(v5);
  if (r6 === REFUSED) return REFUSED;
  if (r6 !== v5) a2 = withField(a2, o1, 'from_user_id', r6);
  const v7 = o1.to_user_id;
  const r8 = integerField(v7);
  if (r8 === REFUSED) return REFUSED;
  if (r8 !== v7) a2 = withField(a2, o1, 'to_user_id', r8);
  const v9 = o1.reply_comment_id;
  let r11: unknown = null;
  if (v9 !== null) {
    const r10 = integerField(v9);
    if (r10 === REFUSED) return REFUSED;
    r11 = r10;
  }
  if (r11 !== v9) a2 = withField(a2, o1, 'reply_comment_id', r11);
  const v12 = o1.type;
  if (typeof v12 !== 'string') return REFUSED;
  const v13 = o1.post_id;
  if (typeof v13 !== 'string') return REFUSED;
  const v14 = o1.post_url;
  if (typeof v14 !== 'string') return REFUSED;
  const v15 = o1.post_title;
  if (typeof v15 !== 'string') return REFUSED;
  const v16 = o1.application;
  if (typeof v16 !== 'string') return REFUSED;
  const v17 = o1.date_created;
  const r18 = integerField(v17);
  if (r18 === REFUSED) return REFUSED;
  if (r18 !== v17) a2 = withField(a2, o1, 'date_created', r18);
  const v19 = o1.message;
  if (typeof v19 !== 'string') return REFUSED;
  return a2;
}

/** What io-ts `NewUser.validate` decodes, or `REFUSED`. */
function normaliseNewUser(u: unknown): unknown {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return REFUSED;
  const o1 = u as Record<string, unknown>;
  let a2 = o1;
  const v3 = o1.id;
  const r4 = integerField(v3);
  if (r4 === REFUSED) return REFUSED;
  if (r4 !== v3) a2 = withField(a2, o1, 'id', r4);
  const v5 = o1.blinger_user_id;
  const r6 = integerField(v5);
  if (r6 === REFUSED) return REFUSED;
  if (r6 !== v5) a2 = withField(a2, o1, 'blinger_user_id', r6);
  const v7 = o1.name;
  if (v7 !== null && typeof v7 !== 'string') return REFUSED;
  const v8 = o1.avatar;
  if (v8 !== null && typeof v8 !== 'string') return REFUSED;
  const v9 = o1.application;
  if (typeof v9 !== 'string') return REFUSED;
  const v10 = o1.service_user_id;
  if (v10 !== null && typeof v10 !== 'string') return REFUSED;
  const v11 = o1.date_created;
  const r12 = integerField(v11);
  if (r12 === REFUSED) return REFUSED;
  if (r12 !== v11) a2 = withField(a2, o1, 'date_created', r12);
  return a2;
}

/** The `on_conversation_unassigned` event `u` decodes to (wire quirks decoded), or `REFUSED`: exactly io-ts `ConversationUnassigned.validate`, faster. */
export function normaliseConversationUnassigned(u: unknown): unknown {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return REFUSED;
  const o1 = u as Record<string, unknown>;
  let a2 = o1;
  const v3 = o1.webhook;
  if (v3 !== 'on_conversation_unassigned') return REFUSED;
  const v4 = o1.conversation;
  const r5 = normaliseUnassignedConversation(v4);
  if (r5 === REFUSED) return REFUSED;
  if (r5 !== v4) a2 = withField(a2, o1, 'conversation', r5);
  return a2;
}

/** The `on_conversation_assigned` event `u` decodes to (wire quirks decoded), or `REFUSED`: exactly io-ts `ConversationAssigned.validate`, faster. */
export function normaliseConversationAssigned(u: unknown): unknown {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return REFUSED;
  const o1 = u as Record<string, unknown>;
  let a2 = o1;
  const v3 = o1.webhook;
  if (v3 !== 'on_conversation_assigned') return REFUSED;
  const v4 = o1.conversation;
  const r5 = normaliseAssignedConversation(v4);
  if (r5 === REFUSED) return REFUSED;
  if (r5 !== v4) a2 = withField(a2, o1, 'conversation', r5);
  return a2;
}

/** The `on_conversation_closed` event `u` decodes to (wire quirks decoded), or `REFUSED`: exactly io-ts `ConversationClosed.validate`, faster. */
export function normaliseConversationClosed(u: unknown): unknown {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return REFUSED;
  const o1 = u as Record<string, unknown>;
  let a2 = o1;
  const v3 = o1.webhook;
  if (v3 !== 'on_conversation_closed') return REFUSED;
  const v4 = o1.conversation;
  const r5 = normaliseClosedConversation(v4);
  if (r5 === REFUSED) return REFUSED;
  if (r5 !== v4) a2 = withField(a2, o1, 'conversation', r5);
  return a2;
}

/** The `on_message_incoming` event `u` decodes to (wire quirks decoded), or `REFUSED`: exactly io-ts `MessageIncoming.validate`, faster. */
export function normaliseMessageIncoming(u: unknown): unknown {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return REFUSED;
  const o1 = u as Record<string, unknown>;
  let a2 = o1;
  const v3 = o1.webhook;
  if (v3 !== 'on_message_incoming') return REFUSED;
  const v4 = o1.from_user_id;
  const r5 = integerField(v4);
  if (r5 === REFUSED) return REFUSED;
  if (r5 !== v4) a2 = withField(a2, o1, 'from_user_id', r5);
  const v6 = o1.to_user_id;
  const r7 = integerField(v6);
  if (r7 === REFUSED) return REFUSED;
  if (r7 !== v6) a2 = withField(a2, o1, 'to_user_id', r7);
  const v8 = o1.conversation_id;
  const r9 = integerField(v8);
  if (r9 === REFUSED) return REFUSED;
  if (r9 !== v8) a2 = withField(a2, o1, 'conversation_id', r9);
  const v10 = o1.conversation_token;
  if (typeof v10 !== 'string') return REFUSED;
  const v11 = o1.operator;
  let r12: unknown;
  if ((Array.isArray(v11) && v11.length === 0) || v11 === null) r12 = { id: null, name: null, email: null };
  else {
    const r13 = normaliseMessageOperator(v11);
    if (r13 === REFUSED) return REFUSED;
    r12 = r13;
  }
  if (r12 !== v11) a2 = withField(a2, o1, 'operator', r12);
  const v14 = o1.from_user;
  const r15 = normaliseMessageParticipant(v14);
  if (r15 === REFUSED) return REFUSED;
  if (r15 !== v14) a2 = withField(a2, o1, 'from_user', r15);
  const v16 = o1.to_user;
  const r17 = normaliseMessageParticipant(v16);
  if (r17 === REFUSED) return REFUSED;
  if (r17 !== v16) a2 = withField(a2, o1, 'to_user', r17);
  const v18 = o1.message_id;
  const r19 = integerField(v18);
  if (r19 === REFUSED) return REFUSED;
  if (r19 !== v18) a2 = withField(a2, o1, 'message_id', r19);
  const v20 = o1.message_blinger_id;
  const r21 = integerField(v20);
  if (r21 === REFUSED) return REFUSED;
  if (r21 !== v20) a2 = withField(a2, o1, 'message_blinger_id', r21);
  const v22 = o1.message;
  const r23 = normaliseMessage(v22);
  if (r23 === REFUSED) return REFUSED;
  if (r23 !== v22) a2 = withField(a2, o1, 'message', r23);
  return a2;
}

/** The `on_message_outgoing` event `u` decodes to (wire quirks decoded), or `REFUSED`: exactly io-ts `MessageOutgoing.validate`, faster. */
export function normaliseMessageOutgoing(u: unknown): unknown {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return REFUSED;
  const o1 = u as Record<string, unknown>;
  let a2 = o1;
  const v3 = o1.webhook;
  if (v3 !== 'on_message_outgoing') return REFUSED;
  const v4 = o1.from_user_id;
  const r5 = integerField(v4);
  if (r5 === REFUSED) return REFUSED;
  if (r5 !== v4) a2 = withField(a2, o1, 'from_user_id', r5);
  const v6 = o1.to_user_id;
  const r7 = integerField(v6);
  if (r7 === REFUSED) return REFUSED;
  if (r7 !== v6) a2 = withField(a2, o1, 'to_user_id', r7);
  const v8 = o1.conversation_id;
  const r9 = integerField(v8);
  if (r9 === REFUSED) return REFUSED;
  if (r9 !== v8) a2 = withField(a2, o1, 'conversation_id', r9);
  const v10 = o1.conversation_token;
  if (typeof v10 !== 'string') return REFUSED;
  const v11 = o1.operator;
  let r12: unknown;
  if ((Array.isArray(v11) && v11.length === 0) || v11 === null) r12 = { id: null, name: null, email: null };
  else {
    const r13 = normaliseMessageOperator(v11);
    if (r13 === REFUSED) return REFUSED;
    r12 = r13;
  }
  if (r12 !== v11) a2 = withField(a2, o1, 'operator', r12);
  const v14 = o1.from_user;
  const r15 = normaliseMessageParticipant(v14);
  if (r15 === REFUSED) return REFUSED;
  if (r15 !== v14) a2 = withField(a2, o1, 'from_user', r15);
  const v16 = o1.to_user;
  const r17 = normaliseMessageParticipant(v16);
  if (r17 === REFUSED) return REFUSED;
  if (r17 !== v16) a2 = withField(a2, o1, 'to_user', r17);
  const v18 = o1.message_id;
  const r19 = integerField(v18);
  if (r19 === REFUSED) return REFUSED;
  if (r19 !== v18) a2 = withField(a2, o1, 'message_id', r19);
  const v20 = o1.message_blinger_id;
  const r21 = integerField(v20);
  if (r21 === REFUSED) return REFUSED;
  if (r21 !== v20) a2 = withField(a2, o1, 'message_blinger_id', r21);
  const v22 = o1.message;
  const r23 = normaliseMessage(v22);
  if (r23 === REFUSED) return REFUSED;
  if (r23 !== v22) a2 = withField(a2, o1, 'message', r23);
  return a2;
}

/** The `on_comment_incoming` event `u` decodes to (wire quirks decoded), or `REFUSED`: exactly io-ts `CommentIncoming.validate`, faster. */
export function normaliseCommentIncoming(u: unknown): unknown {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return REFUSED;
  const o1 = u as Record<string, unknown>;
  let a2 = o1;
  const v3 = o1.webhook;
  if (v3 !== 'on_comment_incoming') return REFUSED;
  const v4 = o1.from_user_id;
  const r5 = integerField(v4);
  if (r5 === REFUSED) return REFUSED;
  if (r5 !== v4) a2 = withField(a2, o1, 'from_user_id', r5);
  const v6 = o1.to_user_id;
  const r7 = integerField(v6);
  if (r7 === REFUSED) return REFUSED;
  if (r7 !== v6) a2 = withField(a2, o1, 'to_user_id', r7);
  const v8 = o1.conversation_id;
  const r9 = integerField(v8);
  if (r9 === REFUSED) return REFUSED;
  if (r9 !== v8) a2 = withField(a2, o1, 'conversation_id', r9);
  const v10 = o1.conversation_token;
  if (typeof v10 !== 'string') return REFUSED;
  const v11 = o1.operator;
  let r12: unknown;
  if ((Array.isArray(v11) && v11.length === 0) || v11 === null) r12 = { id: null, name: null, email: null };
  else {
    const r13 = normaliseMessageOperator(v11);
    if (r13 === REFUSED) return REFUSED;
    r12 = r13;
  }
  if (r12 !== v11) a2 = withField(a2, o1, 'operator', r12);
  const v14 = o1.from_user;
  const r15 = normaliseMessageParticipant(v14);
  if (r15 === REFUSED) return REFUSED;
  if (r15 !== v14) a2 = withField(a2, o1, 'from_user', r15);
  const v16 = o1.to_user;
  const r17 = normaliseMessageParticipant(v16);
  if (r17 === REFUSED) return REFUSED;
  if (r17 !== v16) a2 = withField(a2, o1, 'to_user', r17);
  const v18 = o1.comment_id;
  const r19 = integerField(v18);
  if (r19 === REFUSED) return REFUSED;
  if (r19 !== v18) a2 = withField(a2, o1, 'comment_id', r19);
  const v20 = o1.comment_blinger_id;
  const r21 = integerField(v20);
  if (r21 === REFUSED) return REFUSED;
  if (r21 !== v20) a2 = withField(a2, o1, 'comment_blinger_id', r21);
  const v22 = o1.comment;
  const r23 = normaliseComment(v22);
  if (r23 === REFUSED) return REFUSED;
  if (r23 !== v22) a2 = withField(a2, o1, 'comment', r23);
  return a2;
}

/** The `on_comment_outgoing` event `u` decodes to (wire quirks decoded), or `REFUSED`: exactly io-ts `CommentOutgoing.validate`, faster. */
export function normaliseCommentOutgoing(u: unknown): unknown {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return REFUSED;
  const o1 = u as Record<string, unknown>;
  let a2 = o1;
  const v3 = o1.webhook;
  if (v3 !== 'on_comment_outgoing') return REFUSED;
  const v4 = o1.from_user_id;
  const r5 = integerField(v4);
  if (r5 === REFUSED) return REFUSED;
  if (r5 !== v4) a2 = withField(a2, o1, 'from_user_id', r5);
  const v6 = o1.to_user_id;
  const r7 = integerField(v6);
  if (r7 === REFUSED) return REFUSED;
  if (r7 !== v6) a2 = withField(a2, o1, 'to_user_id', r7);
  const v8 = o1.conversation_id;
  const r9 = integerField(v8);
  if (r9 === REFUSED) return REFUSED;
  if (r9 !== v8) a2 = withField(a2, o1, 'conversation_id', r9);
  const v10 = o1.conversation_token;
  if (typeof v10 !== 'string') return REFUSED;
  const v11 = o1.operator;
  let r12: unknown;
  if ((Array.isArray(v11) && v11.length === 0) || v11 === null) r12 = { id: null, name: null, email: null };
  else {
    const r13 = normaliseMessageOperator(v11);
    if (r13 === REFUSED) return REFUSED;
    r12 = r13;
  }
  if (r12 !== v11) a2 = withField(a2, o1, 'operator', r12);
  const v14 = o1.from_user;
  const r15 = normaliseMessageParticipant(v14);
  if (r15 === REFUSED) return REFUSED;
  if (r15 !== v14) a2 = withField(a2, o1, 'from_user', r15);
  const v16 = o1.to_user;
  const r17 = normaliseMessageParticipant(v16);
  if (r17 === REFUSED) return REFUSED;
  if (r17 !== v16) a2 = withField(a2, o1, 'to_user', r17);
  const v18 = o1.comment_id;
  const r19 = integerField(v18);
  if (r19 === REFUSED) return REFUSED;
  if (r19 !== v18) a2 = withField(a2, o1, 'comment_id', r19);
  const v20 = o1.comment_blinger_id;
  const r21 = integerField(v20);
  if (r21 === REFUSED) return REFUSED;
  if (r21 !== v20) a2 = withField(a2, o1, 'comment_blinger_id', r21);
  const v22 = o1.comment;
  const r23 = normaliseComment(v22);
  if (r23 === REFUSED) return REFUSED;
  if (r23 !== v22) a2 = withField(a2, o1, 'comment', r23);
  return a2;
}

/** The `on_user_new` event `u` decodes to (wire quirks decoded), or `REFUSED`: exactly io-ts `UserNew.validate`, faster. */
export function normaliseUserNew(u: unknown): unknown {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return REFUSED;
  const o1 = u as Record<string, unknown>;
  let a2 = o1;
  const v3 = o1.webhook;
  if (v3 !== 'on_user_new') return REFUSED;
  const v4 = o1.user;
  const r5 = normaliseNewUser(v4);
  if (r5 === REFUSED) return REFUSED;
  if (r5 !== v4) a2 = withField(a2, o1, 'user', r5);
  return a2;
}

/** The generated normaliser of each event, keyed by its `webhook` name. */
export const webhookNormalisers: { readonly [Name in WebhookName]: (u: unknown) => unknown } = {
  on_conversation_unassigned: normaliseConversationUnassigned,
  on_conversation_assigned: normaliseConversationAssigned,
  on_conversation_closed: normaliseConversationClosed,
  on_message_incoming: normaliseMessageIncoming,
  on_message_outgoing: normaliseMessageOutgoing,
  on_comment_incoming: normaliseCommentIncoming,
  on_comment_outgoing: normaliseCommentOutgoing,
  on_user_new: normaliseUserNew,
};
