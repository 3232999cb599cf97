/**
 * The arguments of each API method, by Blinger's wire names and typed as its documentation types
 * them, and their conversion to wire parameters.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
// ApiOperator and OperatorGroup are imported for the links below only.
import type { ApiOperator, OperatorGroup } from './codecs.js';
import type { InvalidRequestError } from './errors.js';
import type { WireParams } from './transport.js';

/**
 * Who acts, and whether Blinger tells your webhook endpoint about it.
 *
 * `disable_webhook` matters to a backend that both receives webhooks and acts through the API:
 * Blinger fires the outgoing webhooks for actions done through the API too, so a bot that replies
 * with `sendMessage` receives `on_message_outgoing` for its own reply unless it sets
 * `disable_webhook: true` (an inference from the doc's "Default - 0"; Blinger does not say more).
 *
 * @category API requests
 * @since 0.2.0
 */
export interface ActingOptions {
  /** The operator who acts. Default: the account's admin (Blinger's default). */
  readonly operator_id?: number | undefined;
  /** `true` to fire no webhook for this action. Sent as Blinger's `1`/`0`. Default: `false`. */
  readonly disable_webhook?: boolean | undefined;
}

/**
 * Identifies the conversation to act on (`start`, `close`, `unassign`).
 *
 * @category API requests
 * @since 0.2.0
 */
export interface ConversationAction extends ActingOptions {
  /** The conversation's id (the webhook events' `conversation_id`). */
  readonly conversation_id: number;
}

/**
 * Arguments of `conversations.assignOperator`.
 *
 * @category API requests
 * @since 0.2.0
 */
export interface AssignOperatorRequest {
  /** The conversation's id. */
  readonly conversation_id: number;
  /** The operator to assign (the `id` of an {@link ApiOperator}). */
  readonly operator_id: number;
  /** `true` to fire no webhook for this action. Default: `false`. */
  readonly disable_webhook?: boolean | undefined;
}

/**
 * Arguments of `conversations.assignGroup`.
 *
 * @category API requests
 * @since 0.2.0
 */
export interface AssignGroupRequest {
  /** The conversation's id. */
  readonly conversation_id: number;
  /** The operator group to assign (the `id` of an {@link OperatorGroup}). */
  readonly group_id: number;
}

/**
 * Arguments of `conversations.sendMessage`.
 *
 * @category API requests
 * @since 0.2.0
 */
export interface SendMessageRequest extends ConversationAction {
  /** The message text, delivered to the customer in their messenger. */
  readonly text: string;
}

/**
 * Arguments of `conversations.sendFileMessage`.
 *
 * @category API requests
 * @since 0.2.0
 */
export interface SendFileMessageRequest extends ConversationAction {
  /** A public URL of the file; Blinger fetches it and sends it to the customer. */
  readonly file_url: string;
}

/**
 * Arguments of `conversations.sendNote`. Blinger's table of them is cut off in every stored copy
 * of its documentation; these mirror `send-message` (a guess).
 *
 * @category API requests
 * @since 0.2.0
 */
export interface SendNoteRequest {
  /** The conversation's id. */
  readonly conversation_id: number;
  /** The note's text, seen by operators only. */
  readonly text: string;
  /** The operator who writes the note. Default: the account's admin. */
  readonly operator_id?: number | undefined;
}

/**
 * Arguments of `conversations.unread` and `conversations.notAnswered`: "for a specific operator"
 * says the doc, which lists no parameter; `operator_id` is a guess, sent as a query parameter.
 *
 * @category API requests
 * @since 0.2.0
 */
export interface OperatorConversationsQuery {
  /** The operator whose conversations to list. */
  readonly operator_id?: number | undefined;
}

/**
 * Arguments of `conversations.get` (the parameter's name is a guess; the doc's table is not stored).
 *
 * @category API requests
 * @since 0.2.0
 */
export interface GetConversationQuery {
  /** The conversation's id. */
  readonly conversation_id: number;
}

/**
 * Arguments of `operators.create`.
 *
 * @category API requests
 * @since 0.2.0
 */
export interface CreateOperatorRequest {
  /** The new operator's e-mail address; Blinger refuses one already taken. */
  readonly operator_email: string;
  /** The new operator's password. */
  readonly operator_password: string;
}

/**
 * Arguments of `operators.delete`.
 *
 * @category API requests
 * @since 0.2.0
 */
export interface DeleteOperatorRequest {
  /** The operator to delete (the `id` of an {@link ApiOperator}). */
  readonly operator_id: number;
}

/** How a field is checked and written: an integer id, a string, or a boolean sent as 0/1. */
type FieldKind = 'id' | 'text' | 'flag';
/** The fields of an endpoint; a trailing `?` marks an optional one. */
export type FieldSpec = Readonly<Record<string, `${FieldKind}` | `${FieldKind}?`>>;

const WRITERS: Record<FieldKind, (value: unknown) => string | number | undefined> = {
  id: (value) => (Number.isSafeInteger(value) ? (value as number) : undefined),
  text: (value) => (typeof value === 'string' ? value : undefined),
  flag: (value) => (typeof value === 'boolean' ? (value ? 1 : 0) : undefined),
};

const EXPECTED: Record<FieldKind, string> = { id: 'a safe integer', text: 'a string', flag: 'a boolean' };

/** A refused argument, before the request's context is added. */
export type Refusal = Omit<InvalidRequestError, 'method' | 'endpoint' | 'attempts' | 'message'> & { readonly detail: string };

/**
 * The wire parameters of `args` (only the fields in `spec`), or the first field that is missing
 * or of the wrong type. Arguments arrive from JavaScript callers and casts too, so they are checked.
 */
export const toWireParams = (args: unknown, spec: FieldSpec): E.Either<Refusal, WireParams> => {
  const source = typeof args === 'object' && args !== null ? (args as Record<string, unknown>) : {};
  const params: Record<string, string | number | undefined> = {};
  for (const [field, rule] of Object.entries(spec)) {
    const optional = rule.endsWith('?');
    const kind = (optional ? rule.slice(0, -1) : rule) as FieldKind;
    const value = Object.hasOwn(source, field) ? source[field] : undefined;
    if (value === undefined && optional) continue;
    const written = WRITERS[kind](value);
    if (written === undefined) {
      const problem = value === undefined ? 'is missing' : `must be ${EXPECTED[kind]}`;
      return E.left({ kind: 'invalid_request', field, outcome: 'not_applied', detail: `${field} ${problem}; nothing was sent` });
    }
    params[field] = written;
  }
  return E.right(params);
};
