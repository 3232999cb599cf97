/**
 * Every way the endpoint refuses a request, each code tied to its status.
 *
 * @module
 */
import type { InvalidJsonError, InvalidPayloadError } from '../errors.js';

/**
 * One kind of refusal: the HTTP status sent and the machine-readable code that goes with it.
 *
 * @category Adapters
 * @since 0.2.0
 */
export interface WebhookRejectionOf<Code extends string, Status extends number> {
  /** The HTTP status sent. */
  readonly status: Status;
  /** Machine-readable code, the `error` field of the response body. */
  readonly error: Code;
  /** One line for humans, the `message` field of the response body. It never quotes the payload. */
  readonly message: string;
  /** Present only on the `invalid_json` and `invalid_payload` refusals. */
  readonly parseError?: undefined;
}

/**
 * A refusal of a body that is not JSON (`invalid_json`) or not a valid event (`invalid_payload`),
 * with the structured parse error.
 *
 * @category Adapters
 * @since 0.2.0
 */
export interface InvalidBodyRejection<Code extends 'invalid_json' | 'invalid_payload', ParseError> {
  /** The HTTP status sent. */
  readonly status: 400;
  /** Machine-readable code, the `error` field of the response body. */
  readonly error: Code;
  /** One line for humans, the `message` field of the response body. It never quotes the payload. */
  readonly message: string;
  /** The structured parse error; for `invalid_payload` its `issues` are also the response's `issues`. */
  readonly parseError: ParseError;
}

/**
 * Why a request was refused, as passed to {@link WebhookHandlerOptions.onRejected}: a union
 * discriminated by `error` (each code always comes with the same `status`). For `invalid_json` and
 * `invalid_payload`, `parseError` is the structured parse error.
 *
 * | `error` | `status` | cause |
 * |---|---|---|
 * | `method_not_allowed` | 405 | not a POST |
 * | `not_found` | 404 | `path` set, another path requested |
 * | `unauthorized` | 401 | `secretToken` set, `?token=` missing or wrong |
 * | `payload_too_large` | 413 | body (decoded) over `maxBodyBytes` |
 * | `body_timeout` | 408 | body slower than `bodyTimeoutMs` |
 * | `body_aborted` | 400 | the client went away mid-body |
 * | `unsupported_content_encoding` | 415 | a `Content-Encoding` other than gzip, deflate, br (where the runtime has it) or identity |
 * | `invalid_content_encoding` | 400 | a compressed body that does not decompress |
 * | `unsupported_charset` | 415 | a `charset` the WHATWG Encoding Standard does not know |
 * | `invalid_json` | 400 | body not JSON |
 * | `invalid_payload` | 400 | JSON but not a valid event |
 *
 * @category Adapters
 * @since 0.1.0
 */
export type WebhookRejection =
  | WebhookRejectionOf<'method_not_allowed', 405>
  | WebhookRejectionOf<'not_found', 404>
  | WebhookRejectionOf<'unauthorized', 401>
  | WebhookRejectionOf<'payload_too_large', 413>
  | WebhookRejectionOf<'body_timeout', 408>
  | WebhookRejectionOf<'body_aborted', 400>
  | WebhookRejectionOf<'unsupported_content_encoding', 415>
  | WebhookRejectionOf<'invalid_content_encoding', 400>
  | WebhookRejectionOf<'unsupported_charset', 415>
  | InvalidBodyRejection<'invalid_json', InvalidJsonError>
  | InvalidBodyRejection<'invalid_payload', InvalidPayloadError>;

export const METHOD_NOT_ALLOWED: WebhookRejection = {
  status: 405,
  error: 'method_not_allowed',
  message: 'Blinger delivers webhooks with POST',
};
export const NOT_FOUND: WebhookRejection = { status: 404, error: 'not_found', message: 'No webhook endpoint at this path' };
export const UNAUTHORIZED: WebhookRejection = { status: 401, error: 'unauthorized', message: 'Missing or wrong webhook token' };
export const TOO_LARGE: WebhookRejection = { status: 413, error: 'payload_too_large', message: 'Webhook body is too large' };
export const TIMED_OUT: WebhookRejection = { status: 408, error: 'body_timeout', message: 'Webhook body arrived too slowly' };
export const ABORTED: WebhookRejection = { status: 400, error: 'body_aborted', message: 'The client aborted the request body' };
export const NOT_DECOMPRESSIBLE: WebhookRejection = {
  status: 400,
  error: 'invalid_content_encoding',
  message: 'The body does not decompress as its Content-Encoding says',
};

/** 415 for a `Content-Encoding` this runtime cannot undo. The name is echoed only if it is a plain token. */
export const unsupportedEncoding = (encoding: string): WebhookRejection => ({
  status: 415,
  error: 'unsupported_content_encoding',
  message: /^[\w.-]{1,32}$/.test(encoding)
    ? `Content-Encoding "${encoding}" is not supported`
    : 'The Content-Encoding is not supported',
});

/** 415 for a charset the WHATWG Encoding Standard does not know. */
export const unsupportedCharset = (charset: string): WebhookRejection => ({
  status: 415,
  error: 'unsupported_charset',
  message: /^[\w.:-]{1,40}$/.test(charset) ? `charset "${charset}" is not supported` : 'The charset is not supported',
});

/** 400 for a body that is not JSON, or not a valid event. */
export const invalidDelivery = (parseError: InvalidJsonError | InvalidPayloadError): WebhookRejection =>
  parseError.kind === 'invalid_json'
    ? { status: 400, error: 'invalid_json', message: parseError.message, parseError }
    : { status: 400, error: 'invalid_payload', message: parseError.message, parseError };
