/**
 * `BlingerClient`: a typed client for Blinger's REST API (`https://app.blinger.io/api`).
 *
 * @module
 */
import type { Either } from 'fp-ts/lib/Either.js';
import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import {
  ApiConversation,
  ApiOperatorList,
  CreatedOperator,
  DeleteOperatorResult,
  OperatorGroupList,
} from './codecs.js';
import type { BlingerApiError } from './errors.js';
import {
  toWireParams,
  type AssignGroupRequest,
  type AssignOperatorRequest,
  type ConversationAction,
  type CreateOperatorRequest,
  type DeleteOperatorRequest,
  type FieldSpec,
  type GetConversationQuery,
  type OperatorConversationsQuery,
  type Refusal,
  type SendFileMessageRequest,
  type SendMessageRequest,
  type SendNoteRequest,
} from './requests.js';
import { callApi, withContext, type CallOptions, type FetchFunction, type TransportSettings } from './transport.js';

/**
 * What every method resolves to: the endpoint's `data`, or why the call failed. Never rejects.
 *
 * @category API client
 * @since 0.2.0
 */
export type ApiResult<A> = Promise<Either<BlingerApiError, A>>;

/**
 * Blinger's documented API address.
 *
 * @category API client
 * @since 0.2.0
 */
export const DEFAULT_BASE_URL = 'https://app.blinger.io/api';
/**
 * Time limit of each attempt, in milliseconds.
 *
 * @category API client
 * @since 0.2.0
 */
export const DEFAULT_TIMEOUT_MS = 10_000;
/**
 * How many times a retryable failure is retried.
 *
 * @category API client
 * @since 0.2.0
 */
export const DEFAULT_MAX_RETRIES = 2;

/**
 * Settings of a {@link BlingerClient}. Every optional setting also accepts `undefined` (so
 * `process.env.X` can be passed as it is under `exactOptionalPropertyTypes`), meaning its default.
 *
 * @category API client
 * @since 0.2.0
 */
export interface BlingerClientOptions {
  /**
   * The API token of your Blinger account. Sent with every request in the `Authentication` header
   * (see `authHeader`); never included in an error or a log line.
   * @throws TypeError when `undefined`, empty or blank, or holding a line break.
   */
  readonly token: string | undefined;
  /**
   * Where the API lives, without a trailing slash (one is removed).
   * @defaultValue `'https://app.blinger.io/api'`
   */
  readonly baseUrl?: string | undefined;
  /**
   * The `fetch` to send requests with: pass one to add a proxy, logging or tracing.
   * @defaultValue the runtime's global `fetch`, looked up at each call
   */
  readonly fetch?: FetchFunction | undefined;
  /**
   * Time limit of each attempt, in milliseconds, up to the end of the answer's body. A call over
   * it is aborted and resolves to a `timeout` error.
   * @defaultValue 10000
   */
  readonly timeoutMs?: number | undefined;
  /**
   * How many times a failure that cannot have done anything twice is retried: any request
   * answered 429 (after `Retry-After`), any request that never left (connection refused), and GET
   * requests after a timeout, a dropped connection or a 5xx. A POST whose outcome is unknown is
   * never retried. `0` turns retries off.
   * @defaultValue 2
   */
  readonly maxRetries?: number | undefined;
  /**
   * The header that carries the token. Blinger's documentation names `Authentication` (sic) on
   * every endpoint; set `'Authorization'` if your account turns out to expect that.
   * @defaultValue `'Authentication'`
   */
  readonly authHeader?: string | undefined;
  /**
   * A scheme written before the token, such as `'Bearer'`. Blinger does not document one; the
   * only Blinger API token seen in real use was sent bare.
   * @defaultValue none: the header holds the bare token
   */
  readonly authScheme?: string | undefined;
  /**
   * How POST parameters are sent. Blinger does not state a content type; `'form'` sends
   * `application/x-www-form-urlencoded` instead of JSON.
   * @defaultValue `'json'`
   */
  readonly requestEncoding?: 'json' | 'form' | undefined;
  /**
   * First backoff delay between retries, in milliseconds, doubled on each retry (with jitter).
   * A `Retry-After` answer header takes precedence.
   * @defaultValue 500
   */
  readonly retryDelayMs?: number | undefined;
  /**
   * The longest wait before a retry, in milliseconds: a `Retry-After` longer than this ends the
   * call with the 429 error (its `retryAfterSeconds` says how long to wait) instead of waiting.
   * @defaultValue 30000
   */
  readonly maxRetryDelayMs?: number | undefined;
}

/**
 * The conversation endpoints (Blinger's "API → Conversation" page), one method per endpoint,
 * named after its URL. Every method resolves to `Either<BlingerApiError, data>` and never rejects.
 *
 * @category API client
 * @since 0.2.0
 */
export interface ConversationsApi {
  /**
   * `POST /conversations/start`: takes a conversation into an operator's inbox.
   * Blinger refuses one already assigned to another operator (400 `error_response`).
   */
  start(request: ConversationAction, options?: CallOptions): ApiResult<ApiConversation>;
  /** `POST /conversations/close`: closes a conversation (fires `on_conversation_closed` unless `disable_webhook`). */
  close(request: ConversationAction, options?: CallOptions): ApiResult<ApiConversation>;
  /**
   * `POST /conversations/unassign`: returns a conversation to the unassigned queue.
   * Blinger documents no answer, so `data` is `unknown`.
   */
  unassign(request: ConversationAction, options?: CallOptions): ApiResult<unknown>;
  /** `POST /conversations/assign-operator`: assigns a conversation to an operator. `data` is undocumented (`unknown`). */
  assignOperator(request: AssignOperatorRequest, options?: CallOptions): ApiResult<unknown>;
  /** `POST /conversations/assign-group`: routes a conversation to an operator group. `data` is undocumented (`unknown`). */
  assignGroup(request: AssignGroupRequest, options?: CallOptions): ApiResult<unknown>;
  /**
   * `POST /conversations/send-message`: sends a text message to the customer. `data` is
   * undocumented (`unknown`). Never retried after an unknown outcome: see the guide on retrying
   * safely before sending again.
   */
  sendMessage(request: SendMessageRequest, options?: CallOptions): ApiResult<unknown>;
  /** `POST /conversations/send-file-message`: sends a file, by public URL, to the customer. `data` is undocumented (`unknown`). */
  sendFileMessage(request: SendFileMessageRequest, options?: CallOptions): ApiResult<unknown>;
  /** `POST /conversations/send-note`: adds an internal note that only operators see. Parameters guessed; `data` is `unknown`. */
  sendNote(request: SendNoteRequest, options?: CallOptions): ApiResult<unknown>;
  /**
   * `GET /conversations/unassigned`: unassigned conversations, most recently updated first, at
   * most 1000. `data` is undocumented (`unknown`; probably an array of {@link ApiConversation}).
   */
  unassigned(options?: CallOptions): ApiResult<unknown>;
  /** `GET /conversations/unread`: an operator's unread conversations in `inbox`, at most 1000. `data` is `unknown`. */
  unread(query?: OperatorConversationsQuery, options?: CallOptions): ApiResult<unknown>;
  /** `GET /conversations/not-answered`: an operator's conversations in `inbox` awaiting an answer, at most 1000. `data` is `unknown`. */
  notAnswered(query?: OperatorConversationsQuery, options?: CallOptions): ApiResult<unknown>;
  /** `GET /conversations/get`: one conversation by id. `data` is undocumented (`unknown`; probably an {@link ApiConversation}). */
  get(query: GetConversationQuery, options?: CallOptions): ApiResult<unknown>;
}

/**
 * The operator endpoints (Blinger's "API → Operator" page). Every method resolves to `Either` and never rejects.
 *
 * @category API client
 * @since 0.2.0
 */
export interface OperatorsApi {
  /** `GET /operators/all`: every operator of the account. */
  all(options?: CallOptions): ApiResult<ApiOperatorList>;
  /** `GET /operators/groups`: every operator group of the account. */
  groups(options?: CallOptions): ApiResult<OperatorGroupList>;
  /**
   * `POST /operators/create`: invites a new operator. An e-mail address already taken is a 400
   * `error_response` whose `error` is `{ invite_email: "…" }`.
   */
  create(request: CreateOperatorRequest, options?: CallOptions): ApiResult<CreatedOperator>;
  /** `POST /operators/delete`: deletes an operator. An unknown id is a 400 `error_response` ("Operator not found"). */
  delete(request: DeleteOperatorRequest, options?: CallOptions): ApiResult<DeleteOperatorResult>;
}

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// Characters a header value cannot carry (RFC 9110 §5.5): controls other than tab, and anything above Latin-1.
const NOT_IN_HEADER_VALUE = /[\0-\x08\x0a-\x1f\x7f\u0100-\uffff]/;

const positive = (name: string, value: number | undefined, fallback: number, integer = false, min = 1): number => {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || (integer && !Number.isInteger(value))) {
    throw new RangeError(`BlingerClient: ${name} must be ${integer ? 'an integer' : 'a finite number'} of at least ${min}`);
  }
  return value;
};

const resolveSettings = (options: BlingerClientOptions): TransportSettings => {
  const { token } = options ?? {};
  if (typeof token !== 'string' || token.trim() === '') {
    throw new TypeError('BlingerClient: token is missing or blank; pass your Blinger API token');
  }
  if (NOT_IN_HEADER_VALUE.test(token)) throw new TypeError('BlingerClient: token holds a character an HTTP header cannot carry');
  const authHeader = options.authHeader ?? 'Authentication';
  if (!HEADER_NAME.test(authHeader)) throw new TypeError('BlingerClient: authHeader is not a valid HTTP header name');
  const scheme = options.authScheme?.trim() ?? '';
  if (NOT_IN_HEADER_VALUE.test(scheme)) throw new TypeError('BlingerClient: authScheme holds a character an HTTP header cannot carry');
  const baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
  if (!URL.canParse(baseUrl) || !/^https?:$/.test(new URL(baseUrl).protocol)) {
    throw new TypeError('BlingerClient: baseUrl must be an absolute http or https URL');
  }
  if (options.fetch === undefined && typeof globalThis.fetch !== 'function') {
    throw new TypeError('BlingerClient: this runtime has no global fetch; pass one in the fetch option');
  }
  const encoding = options.requestEncoding ?? 'json';
  if (encoding !== 'json' && encoding !== 'form') throw new TypeError("BlingerClient: requestEncoding must be 'json' or 'form'");
  return {
    token: token.trim(),
    baseUrl,
    fetch: options.fetch ?? ((url, init) => globalThis.fetch(url, init)),
    timeoutMs: positive('timeoutMs', options.timeoutMs, DEFAULT_TIMEOUT_MS),
    maxRetries: positive('maxRetries', options.maxRetries, DEFAULT_MAX_RETRIES, true, 0),
    authHeader,
    authValue: scheme === '' ? token.trim() : `${scheme} ${token.trim()}`,
    requestEncoding: encoding,
    retryDelayMs: positive('retryDelayMs', options.retryDelayMs, 500, false, 0),
    maxRetryDelayMs: positive('maxRetryDelayMs', options.maxRetryDelayMs, 30_000, false, 0),
  };
};

type Endpoint = <A>(
  method: 'GET' | 'POST',
  endpoint: string,
  spec: FieldSpec,
  codec: t.Decoder<unknown, A> | null,
) => (args: unknown, options: CallOptions | undefined) => ApiResult<A>;

/** Binds endpoints to the settings: checks the arguments, then calls. */
const endpointsOf = (settings: TransportSettings): Endpoint => (method, endpoint, spec, codec) => async (args, options) => {
  const params = toWireParams(args, spec);
  if (E.isLeft(params)) return E.left(withContext({ method, endpoint }, 0, params.left));
  const checked = checkCallOptions(options);
  if (E.isLeft(checked)) return E.left(withContext({ method, endpoint }, 0, checked.left));
  return callApi(settings, { method, endpoint, params: params.right, codec }, checked.right);
};

const isSignal = (value: unknown): value is AbortSignal =>
  typeof (value as { addEventListener?: unknown } | null)?.addEventListener === 'function' &&
  typeof (value as { aborted?: unknown }).aborted === 'boolean';

/** Per-call options, checked like arguments: a malformed one is refused and nothing is sent. */
const checkCallOptions = (options: unknown): E.Either<Refusal, CallOptions> => {
  if (options === undefined || options === null) return E.right({});
  const { signal, timeoutMs, maxRetries } = (typeof options === 'object' ? options : {}) as Record<string, unknown>;
  const field =
    typeof options !== 'object'
      ? 'options'
      : signal !== undefined && !isSignal(signal)
        ? 'signal'
        : timeoutMs !== undefined && !(typeof timeoutMs === 'number' && timeoutMs > 0 && Number.isFinite(timeoutMs))
          ? 'timeoutMs'
          : maxRetries !== undefined && !(Number.isInteger(maxRetries) && (maxRetries as number) >= 0)
            ? 'maxRetries'
            : null;
  if (field !== null) {
    return E.left({ kind: 'invalid_request', field, outcome: 'not_applied', detail: `the ${field} option is malformed; nothing was sent` });
  }
  return E.right({ signal: signal as AbortSignal | undefined, timeoutMs: timeoutMs as number | undefined, maxRetries: maxRetries as number | undefined });
};

const ACTING: FieldSpec = { conversation_id: 'id', operator_id: 'id?', disable_webhook: 'flag?' };

const conversationsApi = (endpoint: Endpoint): ConversationsApi => {
  const start = endpoint('POST', 'conversations/start', ACTING, ApiConversation);
  const close = endpoint('POST', 'conversations/close', ACTING, ApiConversation);
  const unassign = endpoint('POST', 'conversations/unassign', ACTING, null);
  const assignOperator = endpoint('POST', 'conversations/assign-operator', { conversation_id: 'id', operator_id: 'id', disable_webhook: 'flag?' }, null);
  const assignGroup = endpoint('POST', 'conversations/assign-group', { conversation_id: 'id', group_id: 'id' }, null);
  const sendMessage = endpoint('POST', 'conversations/send-message', { ...ACTING, text: 'text' }, null);
  const sendFileMessage = endpoint('POST', 'conversations/send-file-message', { ...ACTING, file_url: 'text' }, null);
  const sendNote = endpoint('POST', 'conversations/send-note', { conversation_id: 'id', text: 'text', operator_id: 'id?' }, null);
  const unassigned = endpoint('GET', 'conversations/unassigned', {}, null);
  const unread = endpoint('GET', 'conversations/unread', { operator_id: 'id?' }, null);
  const notAnswered = endpoint('GET', 'conversations/not-answered', { operator_id: 'id?' }, null);
  const get = endpoint('GET', 'conversations/get', { conversation_id: 'id' }, null);
  return {
    start: (request, options) => start(request, options),
    close: (request, options) => close(request, options),
    unassign: (request, options) => unassign(request, options),
    assignOperator: (request, options) => assignOperator(request, options),
    assignGroup: (request, options) => assignGroup(request, options),
    sendMessage: (request, options) => sendMessage(request, options),
    sendFileMessage: (request, options) => sendFileMessage(request, options),
    sendNote: (request, options) => sendNote(request, options),
    unassigned: (options) => unassigned({}, options),
    unread: (query, options) => unread(query ?? {}, options),
    notAnswered: (query, options) => notAnswered(query ?? {}, options),
    get: (query, options) => get(query, options),
  };
};

const operatorsApi = (endpoint: Endpoint): OperatorsApi => {
  const all = endpoint('GET', 'operators/all', {}, ApiOperatorList);
  const groups = endpoint('GET', 'operators/groups', {}, OperatorGroupList);
  const create = endpoint('POST', 'operators/create', { operator_email: 'text', operator_password: 'text' }, CreatedOperator);
  const remove = endpoint('POST', 'operators/delete', { operator_id: 'id' }, DeleteOperatorResult);
  return {
    all: (options) => all({}, options),
    groups: (options) => groups({}, options),
    create: (request, options) => create(request, options),
    delete: (request, options) => remove(request, options),
  };
};

/**
 * A typed client for Blinger's REST API: reply to, assign and close conversations, manage
 * operators. Methods are grouped and named after the endpoint's URL, take Blinger's wire names,
 * and resolve to `Either<BlingerApiError, data>`: they never reject.
 *
 * Source: Blinger's API documentation (help.blinger.io, "API → Conversation" and "API → Operator").
 * Where it is silent (the answers of most conversation endpoints, the token header's format, the
 * content type) the client follows the documented behaviour as a default and makes the guess an option.
 *
 * @example
 * const blinger = new BlingerClient({ token: process.env.BLINGER_API_TOKEN });
 * const sent = await blinger.conversations.sendMessage({ conversation_id: 173, text: 'Thanks, we are on it' });
 * if (sent._tag === 'Left') console.warn(sent.left.message);
 *
 * @category API client
 * @since 0.2.0
 */
export class BlingerClient {
  /** The conversation endpoints. */
  readonly conversations: ConversationsApi;
  /** The operator endpoints. */
  readonly operators: OperatorsApi;

  /**
   * @throws TypeError when the token is missing, empty or blank, or an option is malformed
   * (`baseUrl` not an http(s) URL, `authHeader` not a header name); RangeError when a number is out of range.
   */
  constructor(options: BlingerClientOptions) {
    // The settings (and the token) live in closures only, so logging the client shows no token.
    const endpoint = endpointsOf(resolveSettings(options));
    this.conversations = Object.freeze(conversationsApi(endpoint));
    this.operators = Object.freeze(operatorsApi(endpoint));
  }
}
