/**
 * The one-line summary of an event that `validate` and `listen` print, and the readable list of
 * problems of a delivery that does not decode.
 *
 * Payload strings come from strangers (a customer's message, a display name), so they are
 * quoted and escaped before they reach a terminal: no control character or bidirectional
 * override can rewrite the line or the screen.
 *
 * @module
 */
import {
  type BlingerWebhook,
  type Comment,
  matchWebhook,
  type Message,
  type UserNew,
  type WebhookName,
  type WebhookParseError,
} from '../index.js';
import type { Style } from './style.js';

/** What a delivery is about, in a few fields. */
export interface WebhookSummary {
  readonly event: WebhookName;
  /** The conversation id, or `null` for events outside a conversation (`on_user_new`). */
  readonly conversation: number | null;
  /** The messenger: `telegrambot`, `vk`, `livechat`... */
  readonly channel: string;
  /** Who did it: the customer's name, the operator's, or `user <id>` when there is no name. */
  readonly sender: string;
  /** The message or comment text; for conversation events what happened to the conversation. */
  readonly text: string | null;
}

const TEXT_LIMIT = 80;

const userLabel = (name: string | null, id: number): string => name ?? `user ${id}`;

type ConversationEvent = Extract<BlingerWebhook, { conversation: unknown }>;
type ExchangeEvent = Exclude<BlingerWebhook, ConversationEvent | UserNew>;

/** A conversation event: the customer is the sender, `text` says what happened. */
const conversationSummary = (e: ConversationEvent, text: string): WebhookSummary => ({
  event: e.webhook,
  conversation: e.conversation.id,
  channel: e.conversation.application,
  sender: userLabel(e.conversation.from_user.title, e.conversation.from_user.user_id),
  text,
});

/**
 * A message or comment event. Outgoing ones come from the business's account, which has no
 * name: the operator is the sender.
 */
const exchangeSummary = (e: ExchangeEvent, item: Message | Comment, outgoing: boolean): WebhookSummary => ({
  event: e.webhook,
  conversation: e.conversation_id,
  channel: item.application,
  sender: (outgoing ? e.operator.name : null) ?? userLabel(e.from_user.title, e.from_user.user_id),
  text: item.message,
});

/** The summary of a decoded event. */
export const summarizeWebhook = (event: BlingerWebhook): WebhookSummary =>
  matchWebhook<WebhookSummary>(event, {
    on_conversation_unassigned: (e) => conversationSummary(e, 'waiting for an operator'),
    on_conversation_assigned: (e) => conversationSummary(e, `assigned to ${e.conversation.operator.name}`),
    on_conversation_closed: (e) => {
      const { messages, close_group: reason } = e.conversation;
      const count = `${messages.length} message${messages.length === 1 ? '' : 's'}`;
      return conversationSummary(e, reason ? `closed (${reason.title}), ${count}` : `closed, ${count}`);
    },
    on_message_incoming: (e) => exchangeSummary(e, e.message, false),
    on_message_outgoing: (e) => exchangeSummary(e, e.message, true),
    on_comment_incoming: (e) => exchangeSummary(e, e.comment, false),
    on_comment_outgoing: (e) => exchangeSummary(e, e.comment, true),
    on_user_new: (e) => ({
      event: e.webhook,
      conversation: null,
      channel: e.user.application,
      sender: userLabel(e.user.name, e.user.blinger_user_id),
      text: null,
    }),
  });

// JSON.stringify escapes C0 controls, quotes and backslashes; these are the other characters
// that can move the cursor or reorder what a terminal shows.
const UNSAFE_FOR_TERMINAL = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const escapeChar = (char: string): string => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** A string from a payload, shortened, quoted and escaped for a terminal. */
export const quoteForTerminal = (text: string, limit = TEXT_LIMIT): string => {
  const chars = [...text];
  const short = chars.length > limit ? `${chars.slice(0, limit - 1).join('')}…` : text;
  return JSON.stringify(short).replace(UNSAFE_FOR_TERMINAL, escapeChar);
};

/**
 * Text from a server (a response body), printed as it is except for the characters that could
 * take over a terminal, which are escaped; line breaks and tabs stay.
 */
export const escapeForTerminal = (text: string): string =>
  text.replace(/[\u0000-\u0008\u000b-\u001f]/g, escapeChar).replace(UNSAFE_FOR_TERMINAL, escapeChar);

const BARE_WORD = /^[A-Za-z0-9_.-]{1,40}$/;

/** A value that is usually a plain word (a channel), quoted only when it is not. */
const word = (text: string): string => (BARE_WORD.test(text) ? text : quoteForTerminal(text, 40));

/**
 * The summary as one line: `on_message_incoming conversation=173 channel=vk sender="Yuri" text="test"`.
 */
export const formatSummary = (summary: WebhookSummary, style: Style): string => {
  const field = (key: string, value: string): string => `${style.dim(`${key}=`)}${value}`;
  const fields = [style.bold(style.cyan(summary.event))];
  if (summary.conversation !== null) fields.push(field('conversation', String(summary.conversation)));
  fields.push(field('channel', word(summary.channel)));
  fields.push(field('sender', quoteForTerminal(summary.sender, 40)));
  if (summary.text !== null) fields.push(field('text', quoteForTerminal(summary.text)));
  return fields.join(' ');
};

/**
 * Why a delivery does not decode, as lines: a headline, then one line per problem with its JSON
 * path. Never prints payload values, except the unknown event's name.
 */
export const describeParseError = (error: WebhookParseError, style: Style): string[] => {
  switch (error.kind) {
    case 'invalid_json':
      return [`${style.red('invalid JSON')}: ${error.message}`];
    case 'unknown_event':
      return [
        `${style.yellow('unknown event')} ${quoteForTerminal(error.event, 60)}: this version of blinger-webhooks does not know it`,
        style.dim('  (the HTTP adapters answer 200 to it and call onUnknownEvent, so Blinger does not retry)'),
      ];
    case 'invalid_payload': {
      const subject = error.event === null ? 'payload' : `${error.event} payload`;
      const problems = `${error.issueCount} problem${error.issueCount === 1 ? '' : 's'}`;
      const lines = [`${style.red('invalid')} ${subject}: ${problems}`];
      for (const issue of error.issues) {
        const path = issue.path === '' ? '(the body)' : issue.path;
        lines.push(`  ${style.bold(path)}: expected ${issue.expected}, got ${issue.received}`);
      }
      const unlisted = error.issueCount - error.issues.length;
      if (unlisted > 0) lines.push(style.dim(`  ...and ${unlisted} more`));
      return lines;
    }
  }
};
