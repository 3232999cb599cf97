/**
 * One API call: the request, its time limit, the retries that cannot double an action, and the
 * reading of Blinger's envelope. Resolves to an `Either` and never rejects.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import { toPayloadIssues, type PayloadIssue } from '../errors.js';
import { ErrorEnvelope } from './codecs.js';
import { quote, describeBlingerError, redactToken, type ApiCallOutcome, type BlingerApiError, type ErrorResponseError } from './errors.js';

/**
 * The part of a fetch `Response` the client reads.
 *
 * @category API client
 * @since 0.2.0
 */
export interface FetchResponse {
  /** The HTTP status. */
  readonly status: number;
  /** The response headers (`Retry-After` is read). */
  readonly headers: {
    /** The value of header `name`, or `null` when absent. */
    get(name: string): string | null;
  };
  /** The whole body as text. */
  text(): Promise<string>;
}

/**
 * What the client passes to `fetch`.
 *
 * @category API client
 * @since 0.2.0
 */
export interface FetchRequestInit {
  /** `GET` for reads, `POST` for actions. */
  method: 'GET' | 'POST';
  /** The token header, `Accept`, and `Content-Type` for a body. */
  headers: Record<string, string>;
  /** The request body (POST only). */
  body?: string;
  /** Aborts at `timeoutMs` or when the caller's signal aborts. */
  signal: AbortSignal;
  /** Redirects are not followed: they would drop a POST's body and send the token to another host. */
  redirect: 'manual';
}

/**
 * A `fetch` implementation: the runtime's global `fetch` (the default), undici's, or a wrapper
 * that adds a proxy, logging or tracing.
 *
 * @category API client
 * @since 0.2.0
 */
export type FetchFunction = (url: string, init: FetchRequestInit) => Promise<FetchResponse>;

/**
 * Per-call settings, the last argument of every method; each overrides the client's option.
 *
 * @category API client
 * @since 0.2.0
 */
export interface CallOptions {
  /**
   * Aborts the call (and its retries); the call then resolves to an `aborted` error.
   *
   * @defaultValue none: the call runs until it succeeds, fails or times out
   */
  readonly signal?: AbortSignal | undefined;
  /**
   * Time limit of each attempt, in milliseconds.
   *
   * @defaultValue the client's `timeoutMs`
   */
  readonly timeoutMs?: number | undefined;
  /**
   * How many times a retryable failure is retried.
   *
   * @defaultValue the client's `maxRetries`
   */
  readonly maxRetries?: number | undefined;
}

/** The client's settings, resolved and validated (see `BlingerClientOptions`). */
export interface TransportSettings {
  readonly token: string;
  readonly baseUrl: string;
  readonly fetch: FetchFunction;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  readonly authHeader: string;
  readonly authValue: string;
  readonly requestEncoding: 'json' | 'form';
  readonly retryDelayMs: number;
  readonly maxRetryDelayMs: number;
}

/** Request parameters by their wire name; `undefined` ones are left out. */
export type WireParams = Readonly<Record<string, string | number | undefined>>;

/** One endpoint call. */
export interface ApiRequest<A> {
  readonly method: 'GET' | 'POST';
  /** As in Blinger's documentation, such as `conversations/send-message`. */
  readonly endpoint: string;
  readonly params: WireParams;
  /** Decodes `data`; `null` where the doc shows no response and `data` is returned as `unknown`. */
  readonly codec: t.Decoder<unknown, A> | null;
}

// A failure before the request's context is added; `detail` becomes the end of `message`.
type WithoutContext<Error> = Error extends BlingerApiError
  ? Omit<Error, 'method' | 'endpoint' | 'attempts' | 'message'> & { readonly detail: string }
  : never;
/** A failure before the request's context is added. */
export type Failure = WithoutContext<BlingerApiError>;
type Attempt<A> = E.Either<Failure, A> & { readonly retryAfterMs?: number | null };

// The request never reached a server: repeating it cannot do anything twice.
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);

const errorCode = (error: unknown): string | null => {
  for (let e: unknown = error, depth = 0; typeof e === 'object' && e !== null && depth < 4; depth++) {
    const { code, cause } = e as { code?: unknown; cause?: unknown };
    if (typeof code === 'string') return code;
    e = cause;
  }
  return null;
};

const errorText = (error: unknown): string => {
  const cause = (error as { cause?: { message?: unknown } } | null)?.cause?.message;
  if (typeof cause === 'string') return cause;
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
};

const outcomeOfStatus = (status: number): ApiCallOutcome =>
  status >= 200 && status < 300 ? 'applied' : status >= 400 && status < 500 ? 'not_applied' : 'unknown';

/** `Retry-After` in milliseconds: delta-seconds or an HTTP date (RFC 9110 §10.2.3); `null` when absent or unreadable. */
export const parseRetryAfter = (value: string | null, now = Date.now()): number | null => {
  if (value === null) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const NOT_JSON = Symbol('not JSON');

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return NOT_JSON;
  }
};

const errorResponse = (status: number, body: { error: ErrorResponseError['error'] }, retryAfterMs: number | null, token: string): Failure => ({
  kind: 'error_response',
  status,
  error: redactToken(body.error, token),
  retryAfterSeconds: retryAfterMs === null ? null : Math.ceil(retryAfterMs / 1000),
  outcome: outcomeOfStatus(status),
  detail: `Blinger answered ${status}: ${describeBlingerError(body.error, token)}`,
});

const invalidResponse = (
  status: number,
  reason: 'not_json' | 'not_envelope' | 'invalid_data',
  body: unknown,
  token: string,
  issues: readonly PayloadIssue[] = [],
): Failure => {
  const what = {
    not_json: 'an answer that is not JSON',
    not_envelope: 'JSON without Blinger\'s "data" or "error"',
    invalid_data: `data that does not match the endpoint at ${issues
      .slice(0, 3)
      .map((issue) => `${issue.path === '' ? 'data' : issue.path} (expected ${issue.expected}, got ${issue.received})`)
      .join('; ')}`,
  }[reason];
  const redirect = status >= 300 && status < 400 ? ' (a redirect: check baseUrl)' : '';
  return { kind: 'invalid_response', status, reason, issues, body: redactToken(body, token), outcome: outcomeOfStatus(status), detail: `Blinger answered ${status}${redirect} with ${what}` };
};

/** Reads an answer: the envelope, then `data` through the endpoint's codec. */
const readAnswer = <A>(status: number, text: string, retryAfterMs: number | null, request: ApiRequest<A>, token: string): E.Either<Failure, A> => {
  const body = parseJson(text);
  if (body === NOT_JSON) return E.left(invalidResponse(status, 'not_json', undefined, token));
  const ok = status >= 200 && status < 300;
  if (isObject(body) && ErrorEnvelope.is(body) && !(ok && Object.hasOwn(body, 'data'))) {
    // PHP backends sometimes answer 200 with an error envelope; its own status then tells more.
    const repeated = (body as { status?: unknown }).status;
    const effective = ok && typeof repeated === 'number' && repeated >= 400 && repeated < 600 ? repeated : status;
    return E.left(errorResponse(effective, body, retryAfterMs, token));
  }
  if (!ok || !isObject(body) || !Object.hasOwn(body, 'data')) return E.left(invalidResponse(status, 'not_envelope', body, token));
  if (request.codec === null) return E.right(body['data'] as A);
  const decoded = request.codec.decode(body['data']);
  return E.isRight(decoded) ? decoded : E.left(invalidResponse(status, 'invalid_data', body, token, toPayloadIssues(decoded.left)));
};

const encodeParams = (params: WireParams): Array<[string, string]> =>
  Object.entries(params).flatMap(([name, value]) => (value === undefined ? [] : [[name, String(value)] as [string, string]]));

const buildRequest = (settings: TransportSettings, request: ApiRequest<unknown>, signal: AbortSignal): [string, FetchRequestInit] => {
  const url = `${settings.baseUrl}/${request.endpoint}`;
  const headers: Record<string, string> = { [settings.authHeader]: settings.authValue, accept: 'application/json' };
  const init: FetchRequestInit = { method: request.method, headers, signal, redirect: 'manual' };
  if (request.method === 'GET') {
    const query = new URLSearchParams(encodeParams(request.params)).toString();
    return [query === '' ? url : `${url}?${query}`, init];
  }
  if (settings.requestEncoding === 'form') {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    init.body = new URLSearchParams(encodeParams(request.params)).toString();
  } else {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(Object.fromEntries(Object.entries(request.params).filter(([, value]) => value !== undefined)));
  }
  return [url, init];
};

/** One request, limited to `timeoutMs` even when a custom `fetch` ignores its signal. */
const attemptOnce = async <A>(
  settings: TransportSettings,
  request: ApiRequest<A>,
  timeoutMs: number,
  signal: AbortSignal | undefined,
): Promise<Attempt<A>> => {
  const controller = new AbortController();
  let stop: 'timeout' | 'aborted' | null = null;
  let rejectStopped: (reason: unknown) => void = () => undefined;
  const stopped = new Promise<never>((_, reject) => {
    rejectStopped = reject;
  });
  const abort = (why: 'timeout' | 'aborted') => {
    stop ??= why;
    controller.abort();
    rejectStopped(new Error(why));
  };
  const timer = setTimeout(() => abort('timeout'), timeoutMs);
  const onCallerAbort = () => abort('aborted');
  signal?.addEventListener('abort', onCallerAbort, { once: true });
  if (signal?.aborted === true) abort('aborted');
  try {
    const work = (async () => {
      const [url, init] = buildRequest(settings, request, controller.signal);
      const response = await settings.fetch(url, init);
      const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
      return { status: response.status, text: await response.text(), retryAfter };
    })();
    work.catch(() => undefined); // settled after a timeout: nobody waits for it any more
    const { status, text, retryAfter } = await Promise.race([work, stopped]);
    return Object.assign(readAnswer(status, text, retryAfter, request, settings.token), { retryAfterMs: retryAfter });
  } catch (error) {
    if (stop === 'timeout') return E.left({ kind: 'timeout', timeoutMs, outcome: 'unknown', detail: `no answer within ${timeoutMs} ms` });
    if (stop === 'aborted') return E.left({ kind: 'aborted', outcome: 'unknown', detail: 'aborted by the caller' });
    const code = errorCode(error);
    const outcome = code !== null && NOT_SENT_CODES.has(code) ? 'not_applied' : 'unknown';
    return E.left({ kind: 'network_error', code, outcome, detail: `network error: ${quote(errorText(error), settings.token)}` });
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onCallerAbort);
  }
};

/**
 * Whether a failure may be retried without risking a second action: always for a 429 (Blinger
 * refused it) or a request that never left; for a GET also after a timeout, a dropped
 * connection or a 5xx. A POST whose outcome is unknown is never retried.
 */
const isRetryable = (method: 'GET' | 'POST', failure: Failure): boolean => {
  if (failure.kind === 'aborted' || failure.kind === 'invalid_request') return false;
  if ((failure.kind === 'error_response' || failure.kind === 'invalid_response') && failure.status === 429) return true;
  if (failure.outcome === 'not_applied') return failure.kind === 'network_error';
  if (method === 'POST') return false;
  if (failure.kind === 'timeout' || failure.kind === 'network_error') return true;
  return failure.status >= 500;
};

/** Exponential backoff with jitter: about `base`, `2·base`, `4·base`… */
const backoffMs = (base: number, attempt: number): number => {
  const ceiling = base * 2 ** (attempt - 1);
  return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
};

/** Resolves after `ms`, or `false` at once when the caller aborts first. */
const sleep = (ms: number, signal: AbortSignal | undefined): Promise<boolean> =>
  new Promise((resolve) => {
    if (signal?.aborted === true) return resolve(false);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/** The failure as the caller sees it: with the method, endpoint, attempts and a message. */
export const withContext = (request: Pick<ApiRequest<unknown>, 'method' | 'endpoint'>, attempts: number, failure: Failure): BlingerApiError => {
  const { detail, ...rest } = failure;
  const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
  return {
    ...rest,
    method: request.method,
    endpoint: request.endpoint,
    attempts,
    message: `${request.method} ${request.endpoint} failed${tries}: ${detail}`,
  } as BlingerApiError;
};

/** Performs `request` with the retries that are safe; never rejects. */
export const callApi = async <A>(settings: TransportSettings, request: ApiRequest<A>, options: CallOptions = {}): Promise<E.Either<BlingerApiError, A>> => {
  const timeoutMs = options.timeoutMs ?? settings.timeoutMs;
  const maxRetries = options.maxRetries ?? settings.maxRetries;
  for (let attempt = 1; ; attempt++) {
    const result = await attemptOnce(settings, request, timeoutMs, options.signal);
    // `retryAfterMs` rides on the attempt only for this loop: the caller gets a plain Either.
    if (E.isRight(result)) return E.right(result.right);
    const failure = result.left;
    if (attempt > maxRetries || !isRetryable(request.method, failure)) return E.left(withContext(request, attempt, failure));
    const delay = result.retryAfterMs ?? backoffMs(settings.retryDelayMs, attempt);
    if (delay > settings.maxRetryDelayMs) return E.left(withContext(request, attempt, failure));
    if (!(await sleep(delay, options.signal))) {
      return E.left(withContext(request, attempt, { kind: 'aborted', outcome: failure.outcome, detail: 'aborted by the caller while waiting to retry' }));
    }
  }
};
