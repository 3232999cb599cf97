/**
 * The eight Blinger events as one JSON Schema compiled by ajv, for the benchmark only (a
 * development dependency; ajv compiles with `new Function`, which the package itself never does).
 * Same decisions as the io-ts codecs: extra keys allowed, open value sets are strings, ids are
 * integers within ±(2^53 − 1), optional fields are simply not `required`, one schema per event
 * chosen by `webhook`. test/bench-schemas.test.ts checks the schemas accept and reject the same
 * fixtures as the codecs.
 */
import { Ajv } from 'ajv';

type Schema = Record<string, unknown>;

const safeRange = { minimum: -Number.MAX_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER };
const safeInteger = { type: 'integer', ...safeRange };
const nullableSafeInteger = { type: ['integer', 'null'], ...safeRange };
const string = { type: 'string' };
const nullableString = { type: ['string', 'null'] };
const boolean = { type: 'boolean' };

/** An object with these properties, all required unless listed in `optional`. */
const object = (properties: Record<string, Schema>, optional: readonly string[] = []): Schema => ({
  type: 'object',
  properties,
  required: Object.keys(properties).filter((key) => !optional.includes(key)),
});

const nullable = (schema: Schema): Schema => ({ anyOf: [{ type: 'null' }, schema] });

const userSummary = {
  user_id: safeInteger,
  role: string,
  title: nullableString,
  avatar: nullableString,
  status: string,
  service_user_id: nullableString,
  date_created: safeInteger,
};
const livechat = { page_title: nullableString, page_url: nullableString };
const livechatKeys = Object.keys(livechat);

const conversationUser = object({ ...userSummary, ...livechat }, livechatKeys);
const messageParticipant = object({ ...userSummary, application: string, ...livechat }, livechatKeys);
const operator = object({ id: safeInteger, name: string, email: string });
const messageOperator = object({ id: nullableSafeInteger, name: nullableString, email: nullableString });

const blingerUser = object({
  id: safeInteger,
  service_blinger_id: safeInteger,
  blinger_user_id: safeInteger,
  is_active: boolean,
  date_updated: safeInteger,
  date_created: safeInteger,
  tags: nullableString,
  name: nullableString,
  role: string,
  avatar: nullableString,
  application: string,
  service_user_id: nullableString,
  status: string,
});

const newUser = object({
  id: safeInteger,
  blinger_user_id: safeInteger,
  name: nullableString,
  avatar: nullableString,
  application: string,
  service_user_id: nullableString,
  date_created: safeInteger,
});

const message = object({
  id: safeInteger,
  from_user_id: safeInteger,
  to_user_id: safeInteger,
  type: string,
  application: string,
  date_created: safeInteger,
  message: string,
  tags: { type: 'array', items: string },
});

const conversationMessage = object({
  id: safeInteger,
  from_blinger_user_id: safeInteger,
  to_blinger_user_id: safeInteger,
  from_user_id: safeInteger,
  to_user_id: safeInteger,
  type: string,
  application: string,
  message: string,
  blinger_message_id: safeInteger,
  date_created: safeInteger,
  status: string,
  is_outgoing: boolean,
  is_inner_message: boolean,
  from_user_name: nullableString,
  to_user_name: nullableString,
  fromBlingerUser: blingerUser,
  toBlingerUser: blingerUser,
});

const comment = object({
  id: safeInteger,
  from_user_id: safeInteger,
  to_user_id: safeInteger,
  reply_comment_id: nullableSafeInteger,
  type: string,
  post_id: string,
  post_url: string,
  post_title: string,
  application: string,
  date_created: safeInteger,
  message: string,
});

const conversationProps = {
  id: safeInteger,
  application: string,
  status: string,
  date_created: safeInteger,
  date_updated: safeInteger,
  from_user: conversationUser,
};
const looseId = { type: ['string', 'integer'], ...safeRange };

const closedConversation = object(
  {
    ...conversationProps,
    messages: { type: 'array', items: conversationMessage },
    tags: { type: 'array', items: object({ id: looseId, title: string, message_id: looseId }) },
    operator: nullable(operator),
    close_group: nullable(object({ title: string })),
  },
  ['operator', 'close_group'],
);

const exchange = {
  from_user_id: safeInteger,
  to_user_id: safeInteger,
  conversation_id: safeInteger,
  conversation_token: string,
  operator: messageOperator,
  from_user: messageParticipant,
  to_user: messageParticipant,
};
const messageEvent = { ...exchange, message_id: safeInteger, message_blinger_id: safeInteger, message };
const commentEvent = { ...exchange, comment_id: safeInteger, comment_blinger_id: safeInteger, comment };

const event = (name: string, properties: Record<string, Schema>): Schema =>
  object({ webhook: { const: name }, ...properties });

/** The JSON Schema of each documented event, keyed by its `webhook` name. */
export const eventJsonSchemas: Record<string, Schema> = {
  on_conversation_unassigned: event('on_conversation_unassigned', { conversation: object(conversationProps) }),
  on_conversation_assigned: event('on_conversation_assigned', { conversation: object({ ...conversationProps, operator }) }),
  on_conversation_closed: event('on_conversation_closed', { conversation: closedConversation }),
  on_message_incoming: event('on_message_incoming', messageEvent),
  on_message_outgoing: event('on_message_outgoing', messageEvent),
  on_comment_incoming: event('on_comment_incoming', commentEvent),
  on_comment_outgoing: event('on_comment_outgoing', commentEvent),
  on_user_new: event('on_user_new', { user: newUser }),
};

const ajv = new Ajv({ allowUnionTypes: true });

// One compiled function per event, chosen by `webhook`, as parseWebhook does. A single
// `oneOf` + `discriminator` schema would be the textbook form, but ajv inlines all eight events
// into one function of about 250 KB that V8 never optimises: 1.4 µs instead of 50 ns per
// on_user_new here. The benchmark gives ajv its fast form.
const validators = new Map(Object.entries(eventJsonSchemas).map(([name, schema]) => [name, ajv.compile(schema)]));

/** Whether `data` is a valid documented event, by ajv (stops at the first error, ajv's default). */
export const ajvWebhook = (data: unknown): boolean => {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return false;
  const name = (data as { webhook?: unknown }).webhook;
  const validate = typeof name === 'string' ? validators.get(name) : undefined;
  return validate !== undefined && validate(data);
};
