/**
 * The eight Blinger events as zod 4 schemas, for the benchmark only (a development dependency).
 * Written the idiomatic way and with the same decisions as the io-ts codecs: unknown keys are
 * kept (`looseObject`), open value sets are plain strings, ids are safe integers, optional
 * fields are `.optional()`. test/bench-schemas.test.ts checks they accept and reject the
 * same fixtures as the codecs.
 */
import * as z from 'zod';

// z.int() accepts safe integers only, like the codecs' SafeInteger.
const safeInteger = z.int();
const nullableString = z.string().nullable();

const userSummary = {
  user_id: safeInteger,
  role: z.string(),
  title: nullableString,
  avatar: nullableString,
  status: z.string(),
  service_user_id: nullableString,
  date_created: safeInteger,
};
const livechat = { page_title: nullableString.optional(), page_url: nullableString.optional() };

const conversationUser = z.looseObject({ ...userSummary, ...livechat });
const messageParticipant = z.looseObject({ ...userSummary, application: z.string(), ...livechat });
const operator = z.looseObject({ id: safeInteger, name: z.string(), email: z.string() });
const messageOperator = z.looseObject({ id: safeInteger.nullable(), name: nullableString, email: nullableString });

const blingerUser = z.looseObject({
  id: safeInteger,
  service_blinger_id: safeInteger,
  blinger_user_id: safeInteger,
  is_active: z.boolean(),
  date_updated: safeInteger,
  date_created: safeInteger,
  tags: nullableString,
  name: nullableString,
  role: z.string(),
  avatar: nullableString,
  application: z.string(),
  service_user_id: nullableString,
  status: z.string(),
});

const newUser = z.looseObject({
  id: safeInteger,
  blinger_user_id: safeInteger,
  name: nullableString,
  avatar: nullableString,
  application: z.string(),
  service_user_id: nullableString,
  date_created: safeInteger,
});

const message = z.looseObject({
  id: safeInteger,
  from_user_id: safeInteger,
  to_user_id: safeInteger,
  type: z.string(),
  application: z.string(),
  date_created: safeInteger,
  message: z.string(),
  tags: z.array(z.string()),
});

const conversationMessage = z.looseObject({
  id: safeInteger,
  from_blinger_user_id: safeInteger,
  to_blinger_user_id: safeInteger,
  from_user_id: safeInteger,
  to_user_id: safeInteger,
  type: z.string(),
  application: z.string(),
  message: z.string(),
  blinger_message_id: safeInteger,
  date_created: safeInteger,
  status: z.string(),
  is_outgoing: z.boolean(),
  is_inner_message: z.boolean(),
  from_user_name: nullableString,
  to_user_name: nullableString,
  fromBlingerUser: blingerUser,
  toBlingerUser: blingerUser,
});

const comment = z.looseObject({
  id: safeInteger,
  from_user_id: safeInteger,
  to_user_id: safeInteger,
  reply_comment_id: safeInteger.nullable(),
  type: z.string(),
  post_id: z.string(),
  post_url: z.string(),
  post_title: z.string(),
  application: z.string(),
  date_created: safeInteger,
  message: z.string(),
});

const conversationProps = {
  id: safeInteger,
  application: z.string(),
  status: z.string(),
  date_created: safeInteger,
  date_updated: safeInteger,
  from_user: conversationUser,
};
const looseId = z.union([z.string(), safeInteger]);

const closedConversation = z.looseObject({
  ...conversationProps,
  messages: z.array(conversationMessage),
  tags: z.array(z.looseObject({ id: looseId, title: z.string(), message_id: looseId })),
  operator: operator.nullable().optional(),
  close_group: z.looseObject({ title: z.string() }).nullable().optional(),
});

const exchange = {
  from_user_id: safeInteger,
  to_user_id: safeInteger,
  conversation_id: safeInteger,
  conversation_token: z.string(),
  operator: messageOperator,
  from_user: messageParticipant,
  to_user: messageParticipant,
};
const messageEvent = { ...exchange, message_id: safeInteger, message_blinger_id: safeInteger, message };
const commentEvent = { ...exchange, comment_id: safeInteger, comment_blinger_id: safeInteger, comment };

/** Every documented event, discriminated by `webhook`. */
export const zodWebhook = z.discriminatedUnion('webhook', [
  z.looseObject({
    webhook: z.literal('on_conversation_unassigned'),
    conversation: z.looseObject(conversationProps),
  }),
  z.looseObject({
    webhook: z.literal('on_conversation_assigned'),
    conversation: z.looseObject({ ...conversationProps, operator }),
  }),
  z.looseObject({ webhook: z.literal('on_conversation_closed'), conversation: closedConversation }),
  z.looseObject({ webhook: z.literal('on_message_incoming'), ...messageEvent }),
  z.looseObject({ webhook: z.literal('on_message_outgoing'), ...messageEvent }),
  z.looseObject({ webhook: z.literal('on_comment_incoming'), ...commentEvent }),
  z.looseObject({ webhook: z.literal('on_comment_outgoing'), ...commentEvent }),
  z.looseObject({ webhook: z.literal('on_user_new'), user: newUser }),
]);
