/**
 * The eight Blinger events as valibot schemas, for the benchmark only (a development dependency).
 * Same decisions as the io-ts codecs: unknown keys kept (`looseObject`), open value sets are
 * strings, ids are safe integers, optional fields are `optional`. test/bench-schemas.test.ts
 * checks they accept and reject the same fixtures as the codecs.
 */
import * as v from 'valibot';

const safeInteger = v.pipe(v.number(), v.safeInteger());
const nullableString = v.nullable(v.string());

const userSummary = {
  user_id: safeInteger,
  role: v.string(),
  title: nullableString,
  avatar: nullableString,
  status: v.string(),
  service_user_id: nullableString,
  date_created: safeInteger,
};
const livechat = { page_title: v.optional(nullableString), page_url: v.optional(nullableString) };

const conversationUser = v.looseObject({ ...userSummary, ...livechat });
const messageParticipant = v.looseObject({ ...userSummary, application: v.string(), ...livechat });
const operator = v.looseObject({ id: safeInteger, name: v.string(), email: v.string() });
const messageOperator = v.looseObject({ id: v.nullable(safeInteger), name: nullableString, email: nullableString });

const blingerUser = v.looseObject({
  id: safeInteger,
  service_blinger_id: safeInteger,
  blinger_user_id: safeInteger,
  is_active: v.boolean(),
  date_updated: safeInteger,
  date_created: safeInteger,
  tags: nullableString,
  name: nullableString,
  role: v.string(),
  avatar: nullableString,
  application: v.string(),
  service_user_id: nullableString,
  status: v.string(),
});

const newUser = v.looseObject({
  id: safeInteger,
  blinger_user_id: safeInteger,
  name: nullableString,
  avatar: nullableString,
  application: v.string(),
  service_user_id: nullableString,
  date_created: safeInteger,
});

const message = v.looseObject({
  id: safeInteger,
  from_user_id: safeInteger,
  to_user_id: safeInteger,
  type: v.string(),
  application: v.string(),
  date_created: safeInteger,
  message: v.string(),
  tags: v.array(v.string()),
});

const conversationMessage = v.looseObject({
  id: safeInteger,
  from_blinger_user_id: safeInteger,
  to_blinger_user_id: safeInteger,
  from_user_id: safeInteger,
  to_user_id: safeInteger,
  type: v.string(),
  application: v.string(),
  message: v.string(),
  blinger_message_id: safeInteger,
  date_created: safeInteger,
  status: v.string(),
  is_outgoing: v.boolean(),
  is_inner_message: v.boolean(),
  from_user_name: nullableString,
  to_user_name: nullableString,
  fromBlingerUser: blingerUser,
  toBlingerUser: blingerUser,
});

const comment = v.looseObject({
  id: safeInteger,
  from_user_id: safeInteger,
  to_user_id: safeInteger,
  reply_comment_id: v.nullable(safeInteger),
  type: v.string(),
  post_id: v.string(),
  post_url: v.string(),
  post_title: v.string(),
  application: v.string(),
  date_created: safeInteger,
  message: v.string(),
});

const conversationProps = {
  id: safeInteger,
  application: v.string(),
  status: v.string(),
  date_created: safeInteger,
  date_updated: safeInteger,
  from_user: conversationUser,
};
const looseId = v.union([v.string(), safeInteger]);

const closedConversation = v.looseObject({
  ...conversationProps,
  messages: v.array(conversationMessage),
  tags: v.array(v.looseObject({ id: looseId, title: v.string(), message_id: looseId })),
  operator: v.optional(v.nullable(operator)),
  close_group: v.optional(v.nullable(v.looseObject({ title: v.string() }))),
});

const exchange = {
  from_user_id: safeInteger,
  to_user_id: safeInteger,
  conversation_id: safeInteger,
  conversation_token: v.string(),
  operator: messageOperator,
  from_user: messageParticipant,
  to_user: messageParticipant,
};
const messageEvent = { ...exchange, message_id: safeInteger, message_blinger_id: safeInteger, message };
const commentEvent = { ...exchange, comment_id: safeInteger, comment_blinger_id: safeInteger, comment };

/** Every documented event, discriminated by `webhook`. */
export const valibotWebhook = v.variant('webhook', [
  v.looseObject({
    webhook: v.literal('on_conversation_unassigned'),
    conversation: v.looseObject(conversationProps),
  }),
  v.looseObject({
    webhook: v.literal('on_conversation_assigned'),
    conversation: v.looseObject({ ...conversationProps, operator }),
  }),
  v.looseObject({ webhook: v.literal('on_conversation_closed'), conversation: closedConversation }),
  v.looseObject({ webhook: v.literal('on_message_incoming'), ...messageEvent }),
  v.looseObject({ webhook: v.literal('on_message_outgoing'), ...messageEvent }),
  v.looseObject({ webhook: v.literal('on_comment_incoming'), ...commentEvent }),
  v.looseObject({ webhook: v.literal('on_comment_outgoing'), ...commentEvent }),
  v.looseObject({ webhook: v.literal('on_user_new'), user: newUser }),
]);
