/**
 * The answers the endpoint sends: small JSON documents, never a stack trace or a payload value.
 *
 * @module
 */
import type { WebhookRejection } from './rejection.js';

/** What the adapter must send back. */
export interface WebhookResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** A small JSON document; `headers` carries its `content-length`. */
  readonly body: string;
  /** The body was left partly unread: close the connection rather than read the rest. */
  readonly closeConnection: boolean;
  /** Callback work still running after the answer (acknowledge `'immediately'` or on timeout). */
  readonly pending?: Promise<void>;
}

const utf8 = new TextEncoder();

// Content-Length is computed here, once for the constant answers, rather than per request by each adapter.
const json = (status: number, body: object, headers: Readonly<Record<string, string>> = {}): WebhookResponse => {
  const text = JSON.stringify(body);
  return {
    closeConnection: false,
    status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(utf8.encode(text).byteLength),
      ...headers,
    },
    body: text,
  };
};

export const ACCEPTED = json(200, { ok: true });
export const IGNORED = json(200, { ok: true, ignored: 'unknown_event' });
export const KEPT = json(200, { ok: true, kept: 'invalid_delivery' });
export const CALLBACK_FAILED = json(500, { error: 'callback_failed', message: 'The webhook callback failed' });
export const DUPLICATE = json(200, { ok: true, duplicate: true });
export const DEDUPE_STORE_FAILED = json(503, { error: 'dedupe_store_failed', message: 'The deduplication store is unavailable' });
export const NOT_KEPT = json(500, { error: 'invalid_delivery_not_kept', message: 'The onInvalidDelivery hook failed' });
/** The answer when an adapter itself fails, which the core never does. */
export const INTERNAL_ERROR = json(500, { error: 'internal_error', message: 'The webhook endpoint failed' });

/** 500 for a body that something in front of the endpoint consumed; `cause` is one of the adapters' fixed sentences. */
export const bodyAlreadyRead = (cause: string): WebhookResponse => json(500, { error: 'body_already_read', message: cause });

/** The answer to a refused request; `unreadRest` closes the connection instead of reading the rest of the body. */
export const refusal = (rejection: WebhookRejection, unreadRest: boolean): WebhookResponse => {
  const issues = rejection.error === 'invalid_payload' ? { issues: rejection.parseError.issues } : {};
  const headers: Record<string, string> = rejection.status === 405 ? { allow: 'POST' } : {};
  if (unreadRest) headers.connection = 'close';
  const response = json(rejection.status, { error: rejection.error, message: rejection.message, ...issues }, headers);
  return unreadRest ? { ...response, closeConnection: true } : response;
};
