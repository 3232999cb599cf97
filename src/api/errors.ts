/**
 * The errors every {@link BlingerClient} method returns (never throws), discriminated by `kind`.
 *
 * None of them carries the API token, the request headers or the request body: errors end up in
 * logs and error trackers.
 *
 * @module
 */
import type { PayloadIssue } from '../errors.js';
import type { FieldMessages } from './codecs.js';
// Type-only, for the {@link BlingerClient} links above.
import type { BlingerClient } from './client.js';

/**
 * What is known about the action a request asked for, so a caller can decide whether a retry is
 * safe:
 * - `not_applied`: Blinger refused it (a 4xx answer), or the request never left (connection
 *   refused, host not found); repeating it cannot do the action twice.
 * - `unknown`: the request may have reached Blinger (timeout, dropped connection, 5xx answer).
 *   Repeating a `sendMessage` may send the message twice.
 * - `applied`: Blinger answered 2xx, but the answer could not be read.
 *
 * @category API errors
 * @since 0.2.0
 */
export type ApiCallOutcome = 'not_applied' | 'unknown' | 'applied';

/**
 * What every error says about the request that failed.
 *
 * @category API errors
 * @since 0.2.0
 */
export interface ApiErrorContext {
  /** The HTTP method. */
  readonly method: 'GET' | 'POST';
  /** The endpoint, as in Blinger's documentation, such as `conversations/send-message`. */
  readonly endpoint: string;
  /** How many requests were made, retries included (at least 1; 0 for an invalid argument). */
  readonly attempts: number;
  /** Whether the action may have happened. */
  readonly outcome: ApiCallOutcome;
  /** One line for humans and logs. */
  readonly message: string;
}

/**
 * Blinger answered with its error envelope, such as 401 `{"error":"Empty token"}`, 400
 * `{"error":"Operator not found"}` or 400 `{"error":{"invite_email":"Email … has already been
 * taken."}}` (examples from Blinger's API documentation).
 *
 * @category API errors
 * @since 0.2.0
 */
export interface ErrorResponseError extends ApiErrorContext {
  /** Discriminant: Blinger answered with an error. */
  readonly kind: 'error_response';
  /** The HTTP status of the answer, such as 400, 401 or 429. */
  readonly status: number;
  /** Blinger's `error`: a message, or the messages per field of a refused request, as sent. */
  readonly error: string | FieldMessages;
  /** The `Retry-After` of a 429 or 503 answer, in seconds; `null` when absent. */
  readonly retryAfterSeconds: number | null;
}

/**
 * The answer is not Blinger's envelope, or its `data` is not what the endpoint returns.
 *
 * @category API errors
 * @since 0.2.0
 */
export interface InvalidResponseError extends ApiErrorContext {
  /** Discriminant: an answer that could not be read. */
  readonly kind: 'invalid_response';
  /** The HTTP status of the answer. */
  readonly status: number;
  /**
   * `not_json`: the body is not JSON (a proxy's HTML error page, an empty body); `not_envelope`:
   * JSON without `data` or `error`; `invalid_data`: `data` does not match the endpoint's codec.
   */
  readonly reason: 'not_json' | 'not_envelope' | 'invalid_data';
  /** For `invalid_data`: the fields that did not match, by JSON path (no values). Empty otherwise. */
  readonly issues: readonly PayloadIssue[];
  /** The parsed body for `not_envelope` and `invalid_data`, so nothing is lost; `undefined` for `not_json`. */
  readonly body: unknown;
}

/**
 * The request failed below HTTP: connection refused or dropped, DNS, TLS.
 *
 * @category API errors
 * @since 0.2.0
 */
export interface NetworkError extends ApiErrorContext {
  /** Discriminant: no answer arrived. */
  readonly kind: 'network_error';
  /** The system error code when the runtime gives one, such as `ECONNREFUSED`; `null` otherwise. */
  readonly code: string | null;
}

/**
 * No complete answer within `timeoutMs`; the request was aborted.
 *
 * @category API errors
 * @since 0.2.0
 */
export interface TimeoutError extends ApiErrorContext {
  /** Discriminant: the request took longer than `timeoutMs`. */
  readonly kind: 'timeout';
  /** The time limit of each attempt, in milliseconds. */
  readonly timeoutMs: number;
}

/**
 * The caller's `signal` aborted the request.
 *
 * @category API errors
 * @since 0.2.0
 */
export interface AbortedError extends ApiErrorContext {
  /** Discriminant: the caller aborted. */
  readonly kind: 'aborted';
}

/**
 * An argument the client refused before sending anything, such as a conversation id that is not a safe integer.
 *
 * @category API errors
 * @since 0.2.0
 */
export interface InvalidRequestError extends ApiErrorContext {
  /** Discriminant: nothing was sent. */
  readonly kind: 'invalid_request';
  /** The argument's field, such as `conversation_id`. */
  readonly field: string;
}

/**
 * Why a {@link BlingerClient} call failed, discriminated by `kind`. Every method resolves to
 * `Either<BlingerApiError, Result>` and never rejects.
 *
 * @category API errors
 * @since 0.2.0
 */
export type BlingerApiError =
  | ErrorResponseError
  | InvalidResponseError
  | NetworkError
  | TimeoutError
  | AbortedError
  | InvalidRequestError;

const MAX_QUOTED = 200;

/** A value for a log line: cut, quoted, control characters escaped, the token never included. */
export const quote = (text: string, token: string): string => {
  const redacted = redactToken(text, token);
  return JSON.stringify(redacted.length > MAX_QUOTED ? `${redacted.slice(0, MAX_QUOTED)}…` : redacted);
};

/**
 * Tokens shorter than this are not searched for: a short token (as in tests) also occurs inside
 * ordinary words, and redacting it would rewrite Blinger's own messages ("Empty token"). Real API
 * tokens are far longer.
 */
const MIN_REDACTED_TOKEN_LENGTH = 12;

/**
 * `value` with every occurrence of the token replaced by `[token]`, in case an answer echoes it
 * (a proxy's error page, a debugging backend). Copies only when the token occurs.
 */
export const redactToken = <A>(value: A, token: string): A => {
  if (token.length < MIN_REDACTED_TOKEN_LENGTH) return value;
  if (typeof value === 'string') return (value.includes(token) ? value.split(token).join('[token]') : value) as A;
  if (typeof value !== 'object' || value === null) return value;
  const json = JSON.stringify(value);
  const escaped = JSON.stringify(token).slice(1, -1);
  return json.includes(escaped) ? (JSON.parse(json.split(escaped).join('[token]')) as A) : value;
};

/** Blinger's `error` in one line. */
export const describeBlingerError = (error: string | FieldMessages, token: string): string => {
  if (typeof error === 'string') return quote(error, token);
  const fields = Object.entries(error).map(([field, messages]) => {
    const text = typeof messages === 'string' ? messages : messages.join(' ');
    return `${quote(field, token)}: ${quote(text, token)}`;
  });
  return fields.length === 0 ? '(no message)' : fields.slice(0, 5).join(', ');
};
